import math

import torch
import torch.nn as nn

L, H = 100, 16
torch.manual_seed(0)
x = torch.randn(L, 1, 4)  # (L, N, H_in)

print("forget bias  log10 |d loss / d x[t]| for t = 99, 90, 50, 0")
for value in ["default", 1.0, 2.0]:
    torch.manual_seed(1)
    lstm = nn.LSTM(4, H)
    if value != "default":
        with torch.no_grad():
            lstm.bias_ih_l0[H:2 * H] = value
            lstm.bias_hh_l0[H:2 * H] = 0.0
    x_in = x.clone().requires_grad_()
    output, _ = lstm(x_in)
    output[-1].sum().backward()  # loss at the last step only
    norms = x_in.grad[:, 0].norm(dim=1)  # (L,)
    print(f"{value!s:11}", [round(math.log10(norms[t].item()), 1) for t in (99, 90, 50, 0)])
