import torch
import torch.nn as nn

x = torch.randn(5, 3, 4)  # (L, N, H_in)
for num_layers in [1, 2]:
    for bidirectional in [False, True]:
        gru = nn.GRU(4, 6, num_layers=num_layers, bidirectional=bidirectional)
        output, h_n = gru(x)
        print(f"num_layers={num_layers} bidirectional={bidirectional!s:5}",
              f"output {tuple(output.shape)!s:11}", f"h_n {tuple(h_n.shape)}")
