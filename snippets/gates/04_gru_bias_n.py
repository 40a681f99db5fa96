import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
H = 4
gru = nn.GRU(3, H)
x = torch.randn(5, 2, 3)  # (L, N, H_in)
expected, _ = gru(x)

for gates, rows in [("r, z", slice(0, 2 * H)), ("n", slice(2 * H, 3 * H))]:
    moved = copy.deepcopy(gru)
    with torch.no_grad():
        moved.bias_ih_l0[rows] += moved.bias_hh_l0[rows]
        moved.bias_hh_l0[rows] = 0
        output, _ = moved(x)
    print(f"move {gates:4}", "same output:", torch.allclose(output, expected, atol=1e-6),
          "max |diff|:", round((output - expected).abs().max().item(), 4))
