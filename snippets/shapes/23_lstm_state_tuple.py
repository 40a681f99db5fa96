import torch
import torch.nn as nn

x = torch.randn(5, 3, 4)  # (L, N, H_in)

for num_layers in [1, 2]:
    lstm = nn.LSTM(4, 6, num_layers=num_layers)
    h_0 = torch.zeros(num_layers, 3, 6)
    try:
        lstm(x, h_0)
    except (IndexError, RuntimeError) as e:
        print(f"{type(e).__name__}: {e}")
    c_0 = torch.zeros(num_layers, 3, 6)
    output, (h_n, c_n) = lstm(x, (h_0, c_0))
    print("ok:", tuple(output.shape), tuple(h_n.shape), tuple(c_n.shape))

gru = nn.GRU(4, 6)
try:
    gru(x, (torch.zeros(1, 3, 6), torch.zeros(1, 3, 6)))
except AttributeError as e:
    print(f"{type(e).__name__}: {e}")
