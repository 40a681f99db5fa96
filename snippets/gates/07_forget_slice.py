import torch
import torch.nn as nn

torch.manual_seed(0)
H = 4
lstm = nn.LSTM(3, H)
forget = slice(H, 2 * H)  # i, f, g, o: rows H:2H


def effective_forget_bias():
    return [round(v, 4) for v in (lstm.bias_ih_l0[forget] + lstm.bias_hh_l0[forget]).tolist()]


print("bias_ih_l0[H:2H]:", tuple(lstm.bias_ih_l0[forget].shape))
print("default:         ", effective_forget_bias())
try:
    lstm.bias_ih_l0[forget] = 1.0
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
with torch.no_grad():
    lstm.bias_ih_l0[forget] = 1.0
print("bias_ih only = 1:", effective_forget_bias())
with torch.no_grad():
    lstm.bias_hh_l0[forget] = 1.0
print("both = 1:        ", effective_forget_bias())
