import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

back = keras.layers.LSTM(H, return_sequences=True, go_backwards=True)
y = back(x)  # (N, L, H)

fwd = keras.layers.LSTM(H, return_sequences=True)
fwd.build(x.shape)
for w_fwd, w_back in zip(fwd.weights, back.weights):
    w_fwd.assign(w_back.value.detach())
on_reversed = fwd(x.flip(1))
print("y == fwd(x.flip(1)):            ", torch.allclose(y, on_reversed, atol=1e-6))
print("y == fwd(x.flip(1)).flip(1):    ", torch.allclose(y, on_reversed.flip(1), atol=1e-6))
print("y[:, 0] == fwd(x[:, -1:])[:, 0]:", torch.allclose(y[:, 0], fwd(x[:, -1:])[:, 0], atol=1e-6))
