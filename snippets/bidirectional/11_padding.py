import torch
import torch.nn as nn

torch.manual_seed(0)
H_in, H = 4, 3
a = torch.randn(5, H_in)  # (5, H_in)
b = torch.randn(3, H_in)  # (3, H_in)
x = nn.utils.rnn.pad_sequence([a, b])  # (5, 2, H_in)

bi = nn.RNN(H_in, H, bidirectional=True)
output, h_n = bi(x)
_, h_b = bi(b.unsqueeze(1))  # (3, 1, H_in)

print("b, forward:  output[-1, 1, :H]", [round(v, 4) for v in output[-1, 1, :H].tolist()])
print("             alone            ", [round(v, 4) for v in h_b[0, 0].tolist()])
print("             output[2, 1, :H] ", [round(v, 4) for v in output[2, 1, :H].tolist()])
print("b, backward: output[0, 1, H:] ", [round(v, 4) for v in output[0, 1, H:].tolist()])
print("             alone            ", [round(v, 4) for v in h_b[1, 0].tolist()])
print("h_n == cat(output[-1, :, :H], output[0, :, H:]):",
      torch.equal(h_n[0], output[-1, :, :H]) and torch.equal(h_n[1], output[0, :, H:]))
_, h_a = bi(a.unsqueeze(1))
print("a (no pads) == alone:", torch.allclose(h_n[:, 0], h_a[:, 0], atol=1e-6))
