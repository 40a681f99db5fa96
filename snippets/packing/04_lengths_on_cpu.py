import torch
from torch.nn.utils.rnn import pack_padded_sequence

x = torch.randn(4, 3, 2)  # (L, N, H_in)
lengths = torch.tensor([4, 2, 1], device="meta")
try:
    pack_padded_sequence(x, lengths)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

try:
    pack_padded_sequence(x[:, :1], torch.tensor(4))  # 0-D
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

packed = pack_padded_sequence(x, torch.tensor([4, 2, 1], device="cpu"))
print("cpu:", packed.batch_sizes.tolist())
