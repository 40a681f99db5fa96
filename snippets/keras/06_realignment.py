import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

bi_seq = keras.layers.Bidirectional(keras.layers.LSTM(H, return_sequences=True))
y = bi_seq(x)  # (N, L, 2 * H)
bwd = bi_seq.backward_layer  # an LSTM with go_backwards=True
print("backward_layer.go_backwards:", bwd.go_backwards)
raw = bwd(x)  # steps in reversed order
print("y[..., H:] == raw.flip(1):", torch.allclose(y[..., H:], raw.flip(1), atol=1e-6))
print("y[..., H:] == raw:        ", torch.allclose(y[..., H:], raw, atol=1e-6))

# the same weights in a time-major nn.LSTM
bi = keras.layers.Bidirectional(keras.layers.LSTM(H))
k_out = bi(x)  # (N, 2 * H)
t_lstm = nn.LSTM(H_in, H, bidirectional=True)
with torch.no_grad():
    for layer, suffix in [(bi.forward_layer, ""), (bi.backward_layer, "_reverse")]:
        kernel, recurrent, bias = (w.value for w in layer.weights)
        getattr(t_lstm, "weight_ih_l0" + suffix).copy_(kernel.T)
        getattr(t_lstm, "weight_hh_l0" + suffix).copy_(recurrent.T)
        getattr(t_lstm, "bias_ih_l0" + suffix).copy_(bias)
        getattr(t_lstm, "bias_hh_l0" + suffix).zero_()
    output, (h_n, c_n) = t_lstm(x.transpose(0, 1))  # (L, N, 2 * H)
print("k_out[:, :H] == output[-1, :, :H]:", torch.allclose(k_out[:, :H], output[-1, :, :H], atol=1e-5))
print("k_out[:, H:] == output[0, :, H:]: ", torch.allclose(k_out[:, H:], output[0, :, H:], atol=1e-5))
print("k_out[:, H:] == output[-1, :, H:]:", torch.allclose(k_out[:, H:], output[-1, :, H:], atol=1e-5))
print("k_out == cat(h_n[0], h_n[1]):     ", torch.allclose(k_out, torch.cat([h_n[0], h_n[1]], 1), atol=1e-5))
