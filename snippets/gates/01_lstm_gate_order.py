import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(3, 4)  # H_in = 3, H = 4
x = torch.randn(1, 2, 3)  # (L=1, N, H_in)
h_0 = torch.randn(1, 2, 4)  # (1, N, H)
c_0 = torch.randn(1, 2, 4)
output, (h_n, c_n) = lstm(x, (h_0, c_0))


def lstm_step(x, h, c, order):
    W_i = dict(zip(order, lstm.weight_ih_l0.chunk(4)))  # (H, H_in) each
    W_h = dict(zip(order, lstm.weight_hh_l0.chunk(4)))  # (H, H) each
    b_i = dict(zip(order, lstm.bias_ih_l0.chunk(4)))  # (H,) each
    b_h = dict(zip(order, lstm.bias_hh_l0.chunk(4)))
    pre = {k: x @ W_i[k].T + b_i[k] + h @ W_h[k].T + b_h[k] for k in "ifgo"}
    i, f, o = torch.sigmoid(pre["i"]), torch.sigmoid(pre["f"]), torch.sigmoid(pre["o"])
    g = torch.tanh(pre["g"])
    c = f * c + i * g
    return o * torch.tanh(c), c


with torch.no_grad():
    for order in ["ifgo", "igfo", "iofg"]:
        h_1, c_1 = lstm_step(x[0], h_0[0], c_0[0], order)
        print(order, "h:", torch.allclose(h_1, h_n[0], atol=1e-6),
              "c:", torch.allclose(c_1, c_n[0], atol=1e-6))
