import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 4, 2, 4, 3
x = torch.randn(L, N, H_in)

rnn = nn.RNN(H_in, H, num_layers=2, bidirectional=True)
output, h_n = rnn(x)
weights = rnn.state_dict()

# l=0: (L, N, H_in) -> (L, N, 2 * H)
layer0 = nn.RNN(H_in, H, bidirectional=True)
layer0.load_state_dict({k: v for k, v in weights.items() if "_l0" in k})
out0, _ = layer0(x)
# l=1: (L, N, 2 * H) -> (L, N, 2 * H)
layer1 = nn.RNN(2 * H, H, bidirectional=True)
layer1.load_state_dict({k.replace("_l1", "_l0"): v for k, v in weights.items() if "_l1" in k})
out1, _ = layer1(out0)

claims = {
    "output == layer1(layer0(x))": torch.allclose(output, out1, atol=1e-6),
    "h_n[0] == out0[3, :, :H]  (l=0 →, t=3)": torch.allclose(h_n[0], out0[3, :, :H], atol=1e-6),
    "h_n[1] == out0[0, :, H:]  (l=0 ←, t=0)": torch.allclose(h_n[1], out0[0, :, H:], atol=1e-6),
    "h_n[2] == output[3, :, :H]  (l=1 →, t=3)": torch.equal(h_n[2], output[3, :, :H]),
    "h_n[3] == output[0, :, H:]  (l=1 ←, t=0)": torch.equal(h_n[3], output[0, :, H:]),
    "h_n[3] != output[-1, :, H:]": not torch.equal(h_n[3], output[-1, :, H:]),
}
for claim, holds in claims.items():
    print(f"{claim}: {holds}")
