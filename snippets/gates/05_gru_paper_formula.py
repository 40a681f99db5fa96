import torch
import torch.nn as nn

torch.manual_seed(0)
gru = nn.GRU(3, 4)
x = torch.randn(5, 2, 3)  # (L, N, H_in)
expected, _ = gru(x)

W_ir, W_iz, W_in = gru.weight_ih_l0.chunk(3)
W_hr, W_hz, W_hn = gru.weight_hh_l0.chunk(3)
b_ir, b_iz, b_in = gru.bias_ih_l0.chunk(3)
b_hr, b_hz, b_hn = gru.bias_hh_l0.chunk(3)


def run(x, reset_after):
    h, steps = torch.zeros(x.shape[1], 4), []  # (N, H)
    for x_t in x:  # (N, H_in)
        r = torch.sigmoid(x_t @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
        z = torch.sigmoid(x_t @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
        if reset_after:  # PyTorch
            n = torch.tanh(x_t @ W_in.T + b_in + r * (h @ W_hn.T + b_hn))
        else:  # Cho et al. 2014
            n = torch.tanh(x_t @ W_in.T + b_in + (r * h) @ W_hn.T + b_hn)
        h = (1 - z) * n + z * h
        steps.append(h)
    return torch.stack(steps)  # (L, N, H)


with torch.no_grad():
    for reset_after in [True, False]:
        output = run(x, reset_after)
        print(f"reset_after={reset_after!s:5}", "matches nn.GRU:", torch.allclose(output, expected, atol=1e-6),
              "max |diff|:", round((output - expected).abs().max().item(), 4))
