import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

t_lstm = nn.LSTM(H_in, H, batch_first=True)
k_lstm = keras.layers.LSTM(H, return_sequences=True)
k_lstm.build((N, L, H_in))
kernel, recurrent, bias = k_lstm.weights
print("kernel", tuple(kernel.shape), "recurrent_kernel", tuple(recurrent.shape), "bias", tuple(bias.shape))

# PyTorch -> Keras: transpose, sum the two biases; gate order i, f, g, o = i, f, c, o
with torch.no_grad():
    kernel.assign(t_lstm.weight_ih_l0.T)  # (H_in, 4 * H)
    recurrent.assign(t_lstm.weight_hh_l0.T)  # (H, 4 * H)
    bias.assign(t_lstm.bias_ih_l0 + t_lstm.bias_hh_l0)  # (4 * H,)
output, _ = t_lstm(x)
print("PyTorch -> Keras, same output:", torch.allclose(k_lstm(x), output, atol=1e-5))

# Keras -> PyTorch: the summed bias in bias_ih, zeros in bias_hh
k_new = keras.layers.LSTM(H, return_sequences=True)
y = k_new(x)
b = k_new.weights[2].value  # i, f, c, o
print("Keras initial bias: f rows", b[H:2 * H].tolist(), "| i, c, o rows all 0:",
      bool((torch.cat([b[:H], b[2 * H:]]) == 0).all()))
t_new = nn.LSTM(H_in, H, batch_first=True)
with torch.no_grad():
    kernel, recurrent, bias = (w.value for w in k_new.weights)
    t_new.weight_ih_l0.copy_(kernel.T)
    t_new.weight_hh_l0.copy_(recurrent.T)
    t_new.bias_ih_l0.copy_(bias)
    t_new.bias_hh_l0.zero_()
    output, _ = t_new(x)
print("Keras -> PyTorch, same output:", torch.allclose(y, output, atol=1e-5))
