import math

import torch
import torch.nn as nn

torch.manual_seed(0)
for module in [nn.LSTM(10, 64), nn.GRU(10, 64)]:
    k = 1 / math.sqrt(module.hidden_size)
    print(type(module).__name__, "bound 1/sqrt(64):", round(k, 4))
    for name, p in module.named_parameters():
        print(f"  {name:12}", tuple(p.shape),
              "min", round(p.min().item(), 4), "max", round(p.max().item(), 4),
              "within:", bool(p.abs().max() <= k), "any zero:", bool((p == 0).any()))
