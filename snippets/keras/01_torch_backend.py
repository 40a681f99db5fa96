import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import importlib.util

import keras
import torch

print("backend:", keras.backend.backend())
print("tensorflow installed:", importlib.util.find_spec("tensorflow") is not None)

keras.utils.set_random_seed(0)
x = torch.randn(2, 5, 4)  # (N, L, H_in)
y = keras.layers.LSTM(3)(x)
print("output type:", type(y).__module__ + "." + type(y).__name__)
print("output shape:", tuple(y.shape), "device:", y.device)
