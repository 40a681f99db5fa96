import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch.nn as nn

H_in, H = 4, 3
pairs = [
    ("LSTM", keras.layers.LSTM(H), nn.LSTM(H_in, H)),
    ("GRU, reset_after=True", keras.layers.GRU(H), nn.GRU(H_in, H)),
    ("GRU, reset_after=False", keras.layers.GRU(H, reset_after=False), nn.GRU(H_in, H)),
]
for name, k_layer, t_layer in pairs:
    k_layer.build((None, None, H_in))
    k_count = k_layer.count_params()
    t_count = sum(p.numel() for p in t_layer.parameters())
    print(f"{name + ':':23} Keras {k_count}, PyTorch {t_count}, difference {t_count - k_count}")
    print("    Keras:  ", [tuple(w.shape) for w in k_layer.weights])
    print("    PyTorch:", [tuple(p.shape) for p in t_layer.parameters()])
