import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)  # Keras: always (batch, time, features)

k_lstm = keras.layers.LSTM(units=H)
print("Keras LSTM(units=H):", tuple(k_lstm(x).shape))  # (N, H)

t_lstm = nn.LSTM(H_in, hidden_size=H, batch_first=True)
output, (h_n, c_n) = t_lstm(x)
print("nn.LSTM output:", tuple(output.shape))  # (N, L, H)
print("nn.LSTM h_n:   ", tuple(h_n.shape))  # (1, N, H)
print("nn.LSTM output[:, -1] == h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))
