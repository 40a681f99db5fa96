import torch
import torch.nn as nn

L, N, H_in, H, num_layers = 5, 3, 4, 6, 2
x = torch.randn(L, N, H_in)

print(f"{'':5}{'input':11}{'h_0':11}{'c_0':11}{'output':12}{'h_n':11}c_n")
for cls in [nn.RNN, nn.LSTM, nn.GRU]:
    m = cls(H_in, H, num_layers=num_layers, bidirectional=True)
    h_0 = torch.zeros(2 * num_layers, N, H)  # (D * num_layers, N, H)
    if cls is nn.LSTM:
        c_0 = torch.zeros(2 * num_layers, N, H)
        output, (h_n, c_n) = m(x, (h_0, c_0))
        c_0, c_n = tuple(c_0.shape), tuple(c_n.shape)
    else:
        output, h_n = m(x, h_0)
        c_0 = c_n = "-"
    print(f"{cls.__name__:5}{tuple(x.shape)!s:11}{tuple(h_0.shape)!s:11}{c_0!s:11}"
          f"{tuple(output.shape)!s:12}{tuple(h_n.shape)!s:11}{c_n!s}")
