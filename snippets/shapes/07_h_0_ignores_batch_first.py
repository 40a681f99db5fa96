import torch
import torch.nn as nn

rnn = nn.RNN(4, 6, num_layers=2, batch_first=True)
x = torch.randn(3, 5, 4)  # (N, L, H_in)

h_0 = torch.zeros(2, 3, 6)  # (num_layers, N, H)
output, h_n = rnn(x, h_0)
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))

h_0_bf = torch.zeros(3, 2, 6)  # (N, num_layers, H)
try:
    rnn(x, h_0_bf)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
