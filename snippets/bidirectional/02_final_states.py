import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
x = torch.randn(L, N, H_in)

bi = nn.RNN(H_in, H, bidirectional=True)
output, h_n = bi(x)
print("h_n:", tuple(h_n.shape))  # (2, N, H)
print("h_n[0] == output[-1, :, :H]:", torch.equal(h_n[0], output[-1, :, :H]))
print("h_n[1] == output[0, :, H:]: ", torch.equal(h_n[1], output[0, :, H:]))
print("h_n[1] == output[-1, :, H:]:", torch.equal(h_n[1], output[-1, :, H:]))
