import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

keras.utils.set_random_seed(0)
x = torch.randn(2, 4, 3)  # (N, L, H_in)
mask = torch.tensor([[True, True, True, True], [True, True, False, False]])  # sequence 1: 2 real steps

one_way = keras.layers.LSTM(2, return_sequences=True)
both_ways = keras.layers.Bidirectional(keras.layers.LSTM(2, return_sequences=True))
for name, layer in (("LSTM", one_way), ("Bidirectional(LSTM)", both_ways)):
    seq = layer(x, mask=mask)[1]  # sequence 1, every step
    print(f"{name}, sequence 1:")
    for t, row in enumerate(seq.tolist()):
        print(f"  step {t} ({'real' if mask[1, t] else 'masked'}):", [round(v, 4) for v in row])
