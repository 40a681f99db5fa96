import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
H_in, H = 4, 3
seqs = [torch.randn(n, H_in) for n in [2, 4, 3]]  # not sorted
x = pad_sequence(seqs)  # (4, 3, H_in)
lengths = [len(s) for s in seqs]
h_0 = torch.randn(2, 3, H)  # (D, N, H), one state per sequence

gru = nn.GRU(H_in, H, bidirectional=True)
packed = pack_padded_sequence(x, lengths, enforce_sorted=False)
out_packed, h_n = gru(packed, h_0)
output, out_lengths = pad_packed_sequence(out_packed)
print("sorted_indices:", packed.sorted_indices.tolist())
print("lengths back:  ", out_lengths.tolist())

for i, seq in enumerate(seqs):
    out_alone, h_alone = gru(seq.unsqueeze(1), h_0[:, i : i + 1])
    print(f"seq {i}: h_n[:, {i}] == alone: {torch.allclose(h_n[:, i], h_alone[:, 0], atol=1e-6)}",
          f" output[:{len(seq)}, {i}] == alone: {torch.allclose(output[: len(seq), i], out_alone[:, 0], atol=1e-6)}")
