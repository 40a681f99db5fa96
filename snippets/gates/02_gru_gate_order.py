import torch
import torch.nn as nn

torch.manual_seed(0)
gru = nn.GRU(3, 4)  # H_in = 3, H = 4
x = torch.randn(1, 2, 3)  # (L=1, N, H_in)
h_0 = torch.randn(1, 2, 4)  # (1, N, H)
output, h_n = gru(x, h_0)


def gru_gates(x, h, order):
    W_i = dict(zip(order, gru.weight_ih_l0.chunk(3)))  # (H, H_in) each
    W_h = dict(zip(order, gru.weight_hh_l0.chunk(3)))  # (H, H) each
    b_i = dict(zip(order, gru.bias_ih_l0.chunk(3)))  # (H,) each
    b_h = dict(zip(order, gru.bias_hh_l0.chunk(3)))
    r = torch.sigmoid(x @ W_i["r"].T + b_i["r"] + h @ W_h["r"].T + b_h["r"])
    z = torch.sigmoid(x @ W_i["z"].T + b_i["z"] + h @ W_h["z"].T + b_h["z"])
    n = torch.tanh(x @ W_i["n"].T + b_i["n"] + r * (h @ W_h["n"].T + b_h["n"]))
    return z, n


with torch.no_grad():
    x_t, h = x[0], h_0[0]  # (N, H_in), (N, H)
    for order in ["rzn", "zrn"]:
        z, n = gru_gates(x_t, h, order)
        print(order, "(1 - z) * n + z * h:", torch.allclose((1 - z) * n + z * h, h_n[0], atol=1e-6))
    z, n = gru_gates(x_t, h, "rzn")
    print("rzn", "z * n + (1 - z) * h:", torch.allclose(z * n + (1 - z) * h, h_n[0], atol=1e-6))
