import torch
import torch.nn as nn

lstm = nn.LSTM(4, 6, num_layers=2, bidirectional=True)
x = torch.randn(5, 4)  # (L, H_in)

output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape))  # (L, D * H)
print("h_n:   ", tuple(h_n.shape))  # (D * num_layers, H)
print("c_n:   ", tuple(c_n.shape))  # (D * num_layers, H)

h_0 = torch.zeros(4, 6)  # (D * num_layers, H)
c_0 = torch.zeros(4, 6)
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
