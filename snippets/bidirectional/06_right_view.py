import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
x = torch.randn(L, N, H_in)

num_layers = 3
gru = nn.GRU(H_in, H, num_layers=num_layers, bidirectional=True)
output, h_n = gru(x)
print("h_n:", tuple(h_n.shape))  # (num_layers * 2, N, H)

h = h_n.view(num_layers, 2, N, H)  # [layer, direction]
print("h[l, d] == h_n[2 * l + d] for all l, d:",
      all(torch.equal(h[l, d], h_n[2 * l + d]) for l in range(num_layers) for d in range(2)))
print("h[-1, 0] == output[-1, :, :H]:", torch.equal(h[-1, 0], output[-1, :, :H]))
print("h[-1, 1] == output[0, :, H:]: ", torch.equal(h[-1, 1], output[0, :, H:]))

both = h.transpose(1, 2).reshape(num_layers, N, 2 * H)  # (num_layers, N, 2 * H)
print("both:", tuple(both.shape))
print("both[l] == cat(h_n[2 * l], h_n[2 * l + 1]) for all l:",
      all(torch.equal(both[l], torch.cat([h_n[2 * l], h_n[2 * l + 1]], dim=1)) for l in range(num_layers)))
