import torch
import torch.nn as nn

lstm = nn.LSTM(input_size=8, hidden_size=16, batch_first=True)
x = torch.randn(32, 10, 8)  # 32 sequences of 10 steps: (N, L, H_in)

output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape))  # (N, L, H): batch first, as asked
print("h_n:   ", tuple(h_n.shape))  # (D * num_layers, N, H): batch_first does not apply
print("h_n[-1]:", tuple(h_n[-1].shape))  # the last layer's final state, one row per sequence
