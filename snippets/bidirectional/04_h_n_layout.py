import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
x = torch.randn(L, N, H_in)

num_layers = 2
rnn = nn.RNN(H_in, H, num_layers=num_layers, bidirectional=True)
output, h_n = rnn(x)
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))

top_fwd, top_bwd = output[-1, :, :H], output[0, :, H:]
print(f"{'row':>3}  {'layer':>5}  {'direction':>9}  {'== top_fwd':>10}  {'== top_bwd':>10}")
for row in range(2 * num_layers):
    layer, direction = divmod(row, 2)  # row == 2 * layer + direction
    arrow = f"{direction} {'→←'[direction]}"
    print(f"{row:>3}  {layer:>5}  {arrow:>9}  {torch.equal(h_n[row], top_fwd)!s:>10}",
          f" {torch.equal(h_n[row], top_bwd)!s:>10}")
