import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
H_in, H = 4, 3
a = torch.randn(5, H_in)
b = torch.randn(3, H_in)
x = pad_sequence([a, b])  # (5, 2, H_in)
lengths = torch.tensor([5, 3])
N = len(lengths)

gru = nn.GRU(H_in, H, bidirectional=True)
output, h_n = gru(x)  # (5, 2, 2 * H)
last = output[lengths - 1, torch.arange(N)]  # (N, 2 * H)
print("last:", tuple(last.shape))

for i, seq in enumerate([a, b]):
    out_alone, h_alone = gru(seq.unsqueeze(1))
    print(f"seq {i}, length {len(seq)}:")
    print("  last[i, :H] == alone forward:      ", torch.allclose(last[i, :H], h_alone[0, 0], atol=1e-6))
    print("  last[i, H:] == alone backward:     ", torch.allclose(last[i, H:], h_alone[1, 0], atol=1e-6))
    print("  output[0, i, H:] == alone backward:", torch.allclose(output[0, i, H:], h_alone[1, 0], atol=1e-6))
    real = output[: len(seq), i]  # (length, 2 * H)
    print("  real steps, forward == alone: ",
          [torch.allclose(real[t, :H], out_alone[t, 0, :H], atol=1e-6) for t in range(len(seq))])
    print("  real steps, backward == alone:",
          [torch.allclose(real[t, H:], out_alone[t, 0, H:], atol=1e-6) for t in range(len(seq))])
