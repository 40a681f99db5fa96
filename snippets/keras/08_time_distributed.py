import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn

keras.utils.set_random_seed(0)
N, L, H, C = 2, 5, 3, 4
seq = torch.randn(N, L, H)  # e.g. LSTM(H, return_sequences=True) output

dense = keras.layers.Dense(C)
td = keras.layers.TimeDistributed(dense)  # wraps the same Dense: same weights
print("Dense(seq):          ", tuple(dense(seq).shape))
print("TimeDistributed(seq):", tuple(td(seq).shape))
print("same values:", torch.allclose(dense(seq), td(seq), atol=1e-6))

linear = nn.Linear(H, C)  # PyTorch: nn.Linear acts on the last dimension
with torch.no_grad():
    kernel, bias = (w.value for w in dense.weights)
    linear.weight.copy_(kernel.T)  # Keras (H, C), PyTorch (C, H)
    linear.bias.copy_(bias)
print("nn.Linear(seq):      ", tuple(linear(seq).shape))
print("same values:", torch.allclose(dense(seq), linear(seq), atol=1e-6))
