import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
x = torch.randn(L, N, H_in)

bi = nn.RNN(H_in, H, bidirectional=True)
output, h_n = bi(x)
print("output:", tuple(output.shape))  # (L, N, 2 * H)

weights = bi.state_dict()
fwd = nn.RNN(H_in, H)
fwd.load_state_dict({k: v for k, v in weights.items() if not k.endswith("_reverse")})
bwd = nn.RNN(H_in, H)
bwd.load_state_dict({k.removesuffix("_reverse"): v for k, v in weights.items() if k.endswith("_reverse")})

out_f, _ = fwd(x)
out_b, _ = bwd(x.flip(0))  # x[L-1], ..., x[0]
print("output[..., :H] == fwd(x):", torch.allclose(output[..., :H], out_f, atol=1e-6))
print("output[..., H:] == bwd(x.flip(0)).flip(0):", torch.allclose(output[..., H:], out_b.flip(0), atol=1e-6))
print("output[..., H:] == bwd(x.flip(0)):", torch.allclose(output[..., H:], out_b, atol=1e-6))
t = 1
print(f"output[{t}, 0, H:]:", [round(v, 4) for v in output[t, 0, H:].tolist()])
print(f"out_b[{L - 1 - t}, 0]:    ", [round(v, 4) for v in out_b[L - 1 - t, 0].tolist()])
