import torch
import torch.nn as nn

rnn = nn.RNN(input_size=4, hidden_size=6)

for L, N in [(5, 3), (7, 2)]:
    x = torch.randn(L, N, 4)  # (L, N, H_in)
    output, h_n = rnn(x)
    print("input:", tuple(x.shape), "output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
