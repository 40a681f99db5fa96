import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

for mode in ["concat", "sum", "ave", "mul", None]:
    for seq in [False, True]:
        bi = keras.layers.Bidirectional(keras.layers.LSTM(H, return_sequences=seq), merge_mode=mode)
        y = bi(x)
        shape = tuple(y.shape) if mode else f"{type(y).__name__} of {[tuple(t.shape) for t in y]}"
        print(f"merge_mode={mode!r:9} return_sequences={seq!s:5} ->", shape)
