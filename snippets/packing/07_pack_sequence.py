import torch
from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence, pad_sequence

torch.manual_seed(0)
seqs = [torch.randn(n, 2) for n in [2, 4, 3]]  # (length, H_in) each

packed = pack_sequence(seqs, enforce_sorted=False)
print("batch_sizes:", packed.batch_sizes.tolist(), "data:", tuple(packed.data.shape))

x = pad_sequence(seqs)  # (4, 3, 2)
same = pack_padded_sequence(x, [len(s) for s in seqs], enforce_sorted=False)
print("== pack_padded_sequence(pad_sequence(seqs), lengths):",
      torch.equal(packed.data, same.data) and torch.equal(packed.batch_sizes, same.batch_sizes))

try:
    pack_sequence(seqs)  # enforce_sorted=True
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
