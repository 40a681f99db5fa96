import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
H_in, H = 4, 3
seqs = [torch.randn(n, H_in) for n in [3, 5, 2]]
x = pad_sequence(seqs)  # (5, 3, H_in)
N = len(seqs)

gru = nn.GRU(H_in, H)
out_packed, h_n = gru(pack_padded_sequence(x, [3, 5, 2], enforce_sorted=False))
output, lengths = pad_packed_sequence(out_packed)  # (5, N, H), [3, 5, 2]

h_alone = [gru(s.unsqueeze(1))[1][-1, 0] for s in seqs]
print("h_n[-1] == alone:", [torch.allclose(h_n[-1, i], h_alone[i], atol=1e-6) for i in range(N)])
print("output[-1] is zeros:", [bool((output[-1, i] == 0).all()) for i in range(N)])
print("output[-1] == h_n[-1]:", [torch.equal(output[-1, i], h_n[-1, i]) for i in range(N)])

last = output[lengths - 1, torch.arange(N)]  # (N, H)
print("output[lengths - 1, arange(N)] == h_n[-1]:", torch.equal(last, h_n[-1]))

index = (lengths - 1).view(1, N, 1).expand(1, N, H)  # (1, N, H)
last = output.gather(0, index).squeeze(0)  # (N, H)
print("output.gather(0, ...) == h_n[-1]:", torch.equal(last, h_n[-1]))

output_bf = output.transpose(0, 1)  # (N, L, H)
print("batch_first: output[arange(N), lengths - 1] == h_n[-1]:",
      torch.equal(output_bf[torch.arange(N), lengths - 1], h_n[-1]))
