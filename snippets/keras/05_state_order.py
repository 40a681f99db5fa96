import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

bi = keras.layers.Bidirectional(keras.layers.LSTM(H, return_state=True))
result = bi(x)
print("LSTM returned:", len(result), [tuple(t.shape) for t in result])
output, h_fwd, c_fwd, h_bwd, c_bwd = result
_, h_f, c_f = bi.forward_layer(x)
_, h_b, c_b = bi.backward_layer(x)
print("[1] h_fwd:", torch.allclose(h_fwd, h_f, atol=1e-6), "[2] c_fwd:", torch.allclose(c_fwd, c_f, atol=1e-6))
print("[3] h_bwd:", torch.allclose(h_bwd, h_b, atol=1e-6), "[4] c_bwd:", torch.allclose(c_bwd, c_b, atol=1e-6))
print("output == cat(h_fwd, h_bwd):", torch.equal(output, torch.cat([h_fwd, h_bwd], dim=1)))

gru = keras.layers.Bidirectional(keras.layers.GRU(H, return_state=True))
print("GRU returned: ", len(gru(x)), [tuple(t.shape) for t in gru(x)])
