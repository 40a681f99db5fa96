import torch
import torch.nn as nn

x_t = torch.randn(3, 4)  # (N, H_in)

h = nn.RNNCell(4, 6)(x_t)
print("RNNCell: ", tuple(h.shape))

h, c = nn.LSTMCell(4, 6)(x_t)
print("LSTMCell:", tuple(h.shape), tuple(c.shape))

h = nn.GRUCell(4, 6)(x_t)
print("GRUCell: ", tuple(h.shape))

h = nn.GRUCell(4, 6)(x_t[0])  # (H_in)
print("GRUCell: ", tuple(h.shape))
