import torch
from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence

x = torch.randn(4, 3, 2)  # (L, N, H_in)
try:
    pack_padded_sequence(x, [4, 2, 0])
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

try:
    pack_sequence([torch.randn(4, 2), torch.randn(0, 2)], enforce_sorted=False)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

lengths = torch.tensor([4, 2, 0])
keep = lengths > 0
packed = pack_padded_sequence(x[:, keep], lengths[keep], enforce_sorted=False)
print("kept:", keep.tolist(), "batch_sizes:", packed.batch_sizes.tolist())
