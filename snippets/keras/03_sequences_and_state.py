import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

layer = keras.layers.LSTM(H, return_sequences=True, return_state=True)
result = layer(x)
print("returned:", type(result).__name__, "of", len(result))  # a tuple, not a list
seq, h, c = result
print("sequences:", tuple(seq.shape))  # (N, L, H)
print("h:        ", tuple(h.shape))  # (N, H)
print("c:        ", tuple(c.shape))  # (N, H)
print("h == sequences[:, -1]:", torch.equal(h, seq[:, -1]))

t_lstm = nn.LSTM(H_in, H, num_layers=2, bidirectional=True, batch_first=True)
output, (h_n, c_n) = t_lstm(x)
print("nn.LSTM, 2 layers, 2 directions: h_n", tuple(h_n.shape), "h_n[-1]", tuple(h_n[-1].shape))
