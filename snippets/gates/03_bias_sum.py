import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(5, 2, 3)  # (L, N, H_in)

for module in [nn.RNN(3, 4), nn.LSTM(3, 4)]:
    merged = copy.deepcopy(module)
    with torch.no_grad():
        merged.bias_ih_l0 += merged.bias_hh_l0
        merged.bias_hh_l0.zero_()
        print(type(module).__name__, "bias_hh all zero:", bool((merged.bias_hh_l0 == 0).all()),
              "same output:", torch.allclose(module(x)[0], merged(x)[0], atol=1e-6))
