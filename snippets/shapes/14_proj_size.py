import warnings

import torch
import torch.nn as nn

warnings.filterwarnings("ignore", message="LSTM with projections")

lstm = nn.LSTM(4, 6, proj_size=2)
x = torch.randn(5, 3, 4)  # (L, N, H_in)

output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape))  # (L, N, proj_size)
print("h_n:   ", tuple(h_n.shape))  # (num_layers, N, proj_size)
print("c_n:   ", tuple(c_n.shape))  # (num_layers, N, H_cell)
for name, p in lstm.named_parameters():
    print(f"{name:13}", tuple(p.shape))
