import torch
import torch.nn as nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence

torch.manual_seed(0)
L, N, H_in, H = 4, 3, 2, 5
x = torch.randn(L, N, H_in)  # (L, N, H_in), padded

packed = pack_padded_sequence(x, [4, 2, 1])
print(type(packed).__name__, "data:", tuple(packed.data.shape), "batch_sizes:", packed.batch_sizes.tolist())

for lengths in [torch.tensor([4, 2, 1]), torch.tensor([4, 2, 1], dtype=torch.int32)]:
    p = pack_padded_sequence(x, lengths)
    print(lengths.dtype, "same as list:",
          torch.equal(p.data, packed.data) and torch.equal(p.batch_sizes, packed.batch_sizes))

gru = nn.GRU(H_in, H)
output, h_n = gru(packed)
print("output is PackedSequence:", isinstance(output, PackedSequence), "data:", tuple(output.data.shape))
print("h_n:", tuple(h_n.shape))  # (num_layers * D, N, H)
