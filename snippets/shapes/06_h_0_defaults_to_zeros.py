import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(5, 3, 4)  # (L, N, H_in)
h_0 = torch.zeros(2, 3, 6)  # (num_layers, N, H)
c_0 = torch.zeros(2, 3, 6)  # (num_layers, N, H_cell)

gru = nn.GRU(4, 6, num_layers=2)
print("GRU: ", torch.equal(gru(x)[0], gru(x, h_0)[0]))

lstm = nn.LSTM(4, 6, num_layers=2)
print("LSTM:", torch.equal(lstm(x)[0], lstm(x, (h_0, c_0))[0]))
