import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(4, 3, 4)  # (L, N, H_in)

lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2)
output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape))  # (L, N, H)
print("h_n:   ", tuple(h_n.shape))  # (num_layers, N, H)
print("c_n:   ", tuple(c_n.shape))  # (num_layers, N, H)
print("output[-1] == h_n[-1]:", torch.equal(output[-1], h_n[-1]))
print("h_n[0] in output:", any(torch.equal(o, h_n[0]) for o in output))
print("c_n[-1] in output:", any(torch.equal(o, c_n[-1]) for o in output))

bi = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, bidirectional=True)
output, (h_n, c_n) = bi(x)
print("output[-1] == cat(h_n[-2], h_n[-1]):", torch.equal(output[-1], torch.cat([h_n[-2], h_n[-1]], dim=1)))
