import torch
import torch.nn as nn

rnn = nn.RNN(input_size=4, hidden_size=6)

try:
    rnn(torch.randn(5, 3, 6))  # (L, N, hidden_size)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

output, h_n = rnn(torch.randn(5, 3, 4))  # (L, N, input_size)
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
