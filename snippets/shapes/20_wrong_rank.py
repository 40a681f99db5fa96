import torch
import torch.nn as nn

x_4d = torch.randn(5, 3, 4, 1)
for m in [nn.RNN(4, 6), nn.LSTM(4, 6), nn.GRU(4, 6)]:
    try:
        m(x_4d)
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")

try:
    nn.RNN(4, 6)(torch.randn(4))
except ValueError as e:
    print(f"{type(e).__name__}: {e}")
