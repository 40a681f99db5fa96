import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn

keras.utils.set_random_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

k_rnn = keras.layers.SimpleRNN(H, return_sequences=True)
t_rnn = nn.RNN(H_in, H, batch_first=True)  # nonlinearity="tanh", as Keras's activation="tanh"
k_rnn.build((N, L, H_in))
print("Keras:  ", [(w.name, tuple(w.shape)) for w in k_rnn.weights], "=", k_rnn.count_params())
print("PyTorch:", [(n, tuple(p.shape)) for n, p in t_rnn.named_parameters()],
      "=", sum(p.numel() for p in t_rnn.parameters()))

# PyTorch -> Keras: transpose both matrices, add the two biases (there are no gates to reorder)
kernel, recurrent, bias = k_rnn.weights
with torch.no_grad():
    kernel.assign(t_rnn.weight_ih_l0.T)  # (H_in, H)
    recurrent.assign(t_rnn.weight_hh_l0.T)  # (H, H)
    bias.assign(t_rnn.bias_ih_l0 + t_rnn.bias_hh_l0)  # (H,)
output, h_n = t_rnn(x)
print("same output:", torch.allclose(k_rnn(x), output, atol=1e-5))

# relu on one side only: the weights load and the function differs
k_relu = keras.layers.SimpleRNN(H, return_sequences=True, activation="relu")
k_relu.build((N, L, H_in))
for w, v in zip(k_relu.weights, k_rnn.weights):
    w.assign(v.value)
print("Keras relu vs nn.RNN tanh:", torch.allclose(k_relu(x), output, atol=1e-5))
