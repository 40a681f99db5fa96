import copy

import torch
import torch.nn as nn


def set_forget_bias(lstm, value):
    H = lstm.hidden_size
    with torch.no_grad():
        for name, p in lstm.named_parameters():
            if name.startswith("bias_ih"):
                p[H:2 * H] = value
            elif name.startswith("bias_hh"):
                p[H:2 * H] = 0.0


torch.manual_seed(0)
H = 4
lstm = nn.LSTM(3, H, num_layers=2, bidirectional=True)
before = copy.deepcopy(lstm.state_dict())
set_forget_bias(lstm, 1.0)

forget = slice(H, 2 * H)
others = torch.cat([torch.arange(0, H), torch.arange(2 * H, 4 * H)])  # i, g, o
for layer in range(lstm.num_layers):
    for suffix in ["", "_reverse"]:
        ih, hh = f"bias_ih_l{layer}{suffix}", f"bias_hh_l{layer}{suffix}"
        b_ih, b_hh = getattr(lstm, ih), getattr(lstm, hh)
        print(f"l{layer}{suffix:8}",
              "forget == 1:", bool(((b_ih + b_hh)[forget] == 1.0).all()),
              "i, g, o unchanged:", torch.equal(b_ih[others], before[ih][others])
              and torch.equal(b_hh[others], before[hh][others]))
weights = [name for name in before if name.startswith("weight")]
print("weights unchanged:", all(torch.equal(lstm.state_dict()[n], before[n]) for n in weights))

cell = nn.LSTMCell(3, H)
set_forget_bias(cell, 2.0)
print("LSTMCell forget == 2:", bool(((cell.bias_ih + cell.bias_hh)[forget] == 2.0).all()))
