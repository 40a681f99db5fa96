import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)


def swap_first_two(t, dim=0):
    """r, z, n <-> z, r, n: swap the first two of three gate blocks (its own inverse)."""
    a, b, c = t.chunk(3, dim=dim)
    return torch.cat([b, a, c], dim=dim)


t_gru = nn.GRU(H_in, H, batch_first=True)
k_gru = keras.layers.GRU(H, return_sequences=True)  # reset_after=True by default
k_gru.build((N, L, H_in))
kernel, recurrent, bias = k_gru.weights
print("reset_after:", k_gru.reset_after, "bias", tuple(bias.shape))  # (2, 3 * H)

# PyTorch -> Keras: reorder r, z, n to z, r, h, transpose, keep both biases as two rows
with torch.no_grad():
    kernel.assign(swap_first_two(t_gru.weight_ih_l0).T)
    recurrent.assign(swap_first_two(t_gru.weight_hh_l0).T)
    bias.assign(torch.stack([swap_first_two(t_gru.bias_ih_l0), swap_first_two(t_gru.bias_hh_l0)]))
output, _ = t_gru(x)
print("PyTorch -> Keras, same output:", torch.allclose(k_gru(x), output, atol=1e-5))

with torch.no_grad():
    kernel.assign(t_gru.weight_ih_l0.T)
    recurrent.assign(t_gru.weight_hh_l0.T)
    bias.assign(torch.stack([t_gru.bias_ih_l0, t_gru.bias_hh_l0]))
print("without reordering:           ", torch.allclose(k_gru(x), output, atol=1e-5))

# Keras -> PyTorch: the same swap, row 0 to bias_ih, row 1 to bias_hh
k_new = keras.layers.GRU(H, return_sequences=True)
y = k_new(x)
t_new = nn.GRU(H_in, H, batch_first=True)
with torch.no_grad():
    kernel, recurrent, bias = (w.value for w in k_new.weights)
    t_new.weight_ih_l0.copy_(swap_first_two(kernel, dim=1).T)
    t_new.weight_hh_l0.copy_(swap_first_two(recurrent, dim=1).T)
    t_new.bias_ih_l0.copy_(swap_first_two(bias[0]))
    t_new.bias_hh_l0.copy_(swap_first_two(bias[1]))
    output, _ = t_new(x)
print("Keras -> PyTorch, same output:", torch.allclose(y, output, atol=1e-5))
