import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, E, H, num_layers = 6, 3, 5, 4, 2
encoder = nn.GRU(E, H, num_layers=num_layers, bidirectional=True)
_, h_n = encoder(torch.randn(L, N, E))
print("encoder h_n:", tuple(h_n.shape))  # (num_layers * 2, N, H)

decoder = nn.GRU(E, H, num_layers=num_layers)
try:
    decoder(torch.randn(1, N, E), h_n)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

h = h_n.view(num_layers, 2, N, H)  # [layer, direction]
both = torch.cat([h[:, 0], h[:, 1]], dim=2)  # (num_layers, N, 2 * H)
H_dec = 6
options = {
    "concatenate, project": torch.tanh(nn.Linear(2 * H, H_dec)(both)),  # any decoder size
    "sum": h[:, 0] + h[:, 1],  # decoder size H
    "decoder of size 2 * H": both,
}
for name, h_0 in options.items():
    dec = nn.GRU(E, h_0.shape[-1], num_layers=num_layers)
    output, h_dec = dec(torch.randn(1, N, E), h_0)
    print(f"{name:22} h_0: {tuple(h_0.shape)} decoder output: {tuple(output.shape)}")
