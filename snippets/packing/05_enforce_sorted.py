import torch
from torch.nn.utils.rnn import pack_padded_sequence

x = torch.randn(4, 3, 2)  # (L, N, H_in)
lengths = [2, 4, 1]
try:
    pack_padded_sequence(x, lengths)  # enforce_sorted=True
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

packed = pack_padded_sequence(x, lengths, enforce_sorted=False)
print("batch_sizes:", packed.batch_sizes.tolist())
print("sorted_indices:", packed.sorted_indices.tolist())
