import torch
import torch.nn as nn

rnn = nn.RNN(4, 6)
data = torch.randn(5, 10, 4)  # (L, 10, H_in)

h = None
for x in data.split(4, dim=1):  # N = 4, 4, 2
    try:
        output, h = rnn(x, h)
        print("x", tuple(x.shape), "h_n", tuple(h.shape))
    except RuntimeError as e:
        print("x", tuple(x.shape), f"{type(e).__name__}: {e}")

h = None
for x in data.split(4, dim=1):
    if h is not None:
        h = h[:, : x.shape[1]]
    output, h = rnn(x, h)
    print("x", tuple(x.shape), "h_n", tuple(h.shape))
