import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
H_in, H = 4, 3
seqs = [torch.randn(n, H_in) for n in [3, 5, 2]]
lengths = [3, 5, 2]

x_bf = pad_sequence(seqs, batch_first=True)  # (N, L, H_in)
x_tm = pad_sequence(seqs)  # (L, N, H_in)
packed_bf = pack_padded_sequence(x_bf, lengths, batch_first=True, enforce_sorted=False)
packed_tm = pack_padded_sequence(x_tm, lengths, enforce_sorted=False)
print("x_bf:", tuple(x_bf.shape), "x_tm:", tuple(x_tm.shape))
print("same data:", torch.equal(packed_bf.data, packed_tm.data),
      "same batch_sizes:", torch.equal(packed_bf.batch_sizes, packed_tm.batch_sizes))

gru_bf = nn.GRU(H_in, H, batch_first=True)
out_packed, h_n = gru_bf(packed_bf)
output, out_lengths = pad_packed_sequence(out_packed, batch_first=True)
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape), "lengths:", out_lengths.tolist())
print("output[arange(N), lengths - 1] == h_n[-1]:",
      torch.equal(output[torch.arange(3), out_lengths - 1], h_n[-1]))
output_tm, _ = pad_packed_sequence(out_packed)
print("pad_packed_sequence(out_packed):", tuple(output_tm.shape))

gru_tm = nn.GRU(H_in, H)  # batch_first=False
gru_tm.load_state_dict(gru_bf.state_dict())
print("gru_tm(packed_bf) == gru_bf(packed_bf):", torch.equal(gru_tm(packed_bf)[1], h_n))

try:
    pack_padded_sequence(x_bf, [5, 3, 2])  # batch_first=False
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
