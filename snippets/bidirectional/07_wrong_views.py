import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
x = torch.randn(L, N, H_in)

num_layers = 3
gru = nn.GRU(H_in, H, num_layers=num_layers, bidirectional=True)
output, h_n = gru(x)
top_fwd, top_bwd = output[-1, :, :H], output[0, :, H:]

wrong = h_n.view(2, num_layers, N, H)
print("view(2, num_layers, N, H):", tuple(wrong.shape))
print("  wrong[0, -1] == top_fwd:", torch.equal(wrong[0, -1], top_fwd))
print("  wrong[0, -1] == h_n[2] (l=1 →):", torch.equal(wrong[0, -1], h_n[2]))
print("  wrong[1, -1] == top_bwd:", torch.equal(wrong[1, -1], top_bwd))

wrong = h_n.view(num_layers, N, 2 * H)
right = torch.cat([top_fwd, top_bwd], dim=1)  # (N, 2 * H)
print("view(num_layers, N, 2 * H):", tuple(wrong.shape))
print("  wrong[-1] == cat(top_fwd, top_bwd):", torch.equal(wrong[-1], right))
print("  wrong[-1, 0] == cat(h_n[-2, 0], h_n[-2, 1]):", torch.equal(wrong[-1, 0], torch.cat([h_n[-2, 0], h_n[-2, 1]])))
print("  wrong[-1, 1] == cat(h_n[-1, 0], h_n[-1, 1]):", torch.equal(wrong[-1, 1], torch.cat([h_n[-1, 0], h_n[-1, 1]])))

_, h_n1 = gru(x[:, :1])  # N = 1
print("N = 1: view(num_layers, 1, 2 * H)[-1] == cat(h_n[-2], h_n[-1]):",
      torch.equal(h_n1.view(num_layers, 1, 2 * H)[-1], torch.cat([h_n1[-2], h_n1[-1]], dim=1)))

gru2 = nn.GRU(H_in, H, num_layers=2, bidirectional=True)
output2, h_n2 = gru2(x)
wrong = h_n2.view(2, 2, N, H)
print("num_layers = 2: wrong[0, -1] == output[-1, :, :H]:", torch.equal(wrong[0, -1], output2[-1, :, :H]))
print("num_layers = 2: wrong[0, -1] == h_n[1] (l=0 ←):", torch.equal(wrong[0, -1], h_n2[1]))
