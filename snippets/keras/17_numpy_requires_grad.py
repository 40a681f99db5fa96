import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

keras.utils.set_random_seed(0)
x = torch.randn(2, 5, 4)
layer = keras.layers.LSTM(3)
y = layer(x)
print("requires_grad:", y.requires_grad)  # the weights are torch Parameters
try:
    y.numpy()
except RuntimeError as e:
    print(type(e).__name__ + ":", e)

print("y.detach().numpy():", type(y.detach().numpy()).__name__, y.detach().numpy().shape)
with torch.no_grad():
    print("under torch.no_grad(): requires_grad", layer(x).requires_grad)
