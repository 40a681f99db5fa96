import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
lengths = torch.tensor([5, 3])
x = torch.randn(N, L, H_in)
x[1, 3:] = 0.0  # sequence 1: 3 real steps, then 2 zero pads

k_lstm = keras.layers.LSTM(H, return_sequences=True, return_state=True)
model = keras.Sequential([keras.Input((L, H_in)), keras.layers.Masking(mask_value=0.0), k_lstm])
k_seq, k_h, k_c = model(x)

t_lstm = nn.LSTM(H_in, H, batch_first=True)
with torch.no_grad():
    kernel, recurrent, bias = (w.value for w in k_lstm.weights)
    t_lstm.weight_ih_l0.copy_(kernel.T)
    t_lstm.weight_hh_l0.copy_(recurrent.T)
    t_lstm.bias_ih_l0.copy_(bias)
    t_lstm.bias_hh_l0.zero_()
    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    t_out, (h_n, c_n) = t_lstm(packed)
    t_seq, _ = pad_packed_sequence(t_out, batch_first=True, total_length=L)

print("final h equal:", torch.allclose(k_h, h_n[-1], atol=1e-5))
print("final c equal:", torch.allclose(k_c, c_n[-1], atol=1e-5))
print("real steps equal:", torch.allclose(k_seq[1, :3], t_seq[1, :3], atol=1e-5))
print("Keras, sequence 1, steps 2-4:  ", [[round(v, 4) for v in row] for row in k_seq[1, 2:].tolist()])
print("PyTorch, sequence 1, steps 2-4:", [[round(v, 4) for v in row] for row in t_seq[1, 2:].tolist()])
