import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

# a, b, c: value = 10 * (n + 1) + t
a = torch.tensor([[10.0], [11.0], [12.0], [13.0]])  # (4, 1)
b = torch.tensor([[20.0], [21.0]])  # (2, 1)
c = torch.tensor([[30.0]])  # (1, 1)
names = {10 * (n + 1) + t: f"{'abc'[n]}{t}" for n in range(3) for t in range(4)}

x = pad_sequence([a, b, c])  # (4, 3, 1)
print("x[:, :, 0]:", x[:, :, 0].int().tolist())

packed = pack_padded_sequence(x, [4, 2, 1])
print("data:", tuple(packed.data.shape), packed.data[:, 0].int().tolist())
print("rows:", [names[v] for v in packed.data[:, 0].int().tolist()])
print("batch_sizes:", packed.batch_sizes.tolist())
print("sorted_indices:", packed.sorted_indices, "unsorted_indices:", packed.unsorted_indices)

x = pad_sequence([c, a, b])  # (4, 3, 1)
packed = pack_padded_sequence(x, [1, 4, 2], enforce_sorted=False)
print("c, a, b rows:", [names[v] for v in packed.data[:, 0].int().tolist()])
print("batch_sizes:", packed.batch_sizes.tolist())
print("sorted_indices:", packed.sorted_indices.tolist(), "unsorted_indices:", packed.unsorted_indices.tolist())
