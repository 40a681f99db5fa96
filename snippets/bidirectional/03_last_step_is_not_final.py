import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
x = torch.randn(L, N, H_in)

bi = nn.RNN(H_in, H, bidirectional=True)
output, h_n = bi(x)
print("output[-1, 0, H:]:", [round(v, 4) for v in output[-1, 0, H:].tolist()])
print("h_n[1, 0]:        ", [round(v, 4) for v in h_n[1, 0].tolist()])

# h_0 = 0: tanh(x W_ih^T + b_ih + b_hh)
w, b_ih, b_hh = bi.weight_ih_l0_reverse, bi.bias_ih_l0_reverse, bi.bias_hh_l0_reverse
one_step = torch.tanh(x[-1] @ w.T + b_ih + b_hh)
print("one step on x[-1]:", [round(v, 4) for v in one_step[0].tolist()])
print("output[-1, :, H:] == one step on x[-1]:", torch.allclose(output[-1, :, H:], one_step, atol=1e-6))
print("output[-1] == cat(h_n[0], h_n[1]):", torch.equal(output[-1], torch.cat([h_n[0], h_n[1]], dim=1)))
