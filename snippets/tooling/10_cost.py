import torch
from torch.nn.utils.rnn import pack_padded_sequence

# one batch of sentences: a few long, most short
lengths = torch.tensor([48, 31, 22, 17, 12, 9, 7, 5, 4, 3])
N, L = len(lengths), int(lengths.max())
x = torch.zeros(L, N, 1)
packed = pack_padded_sequence(x, lengths, enforce_sorted=False)

padded_steps = N * L  # a padded batch: every sequence runs L steps
packed_steps = int(packed.batch_sizes.sum())  # a packed batch: step t runs batch_sizes[t] rows
print("N, L:", N, L)
print("batch_sizes[:8]:", packed.batch_sizes[:8].tolist(), "... batch_sizes[-3:]:", packed.batch_sizes[-3:].tolist())
print("rows computed, padded:", padded_steps)
print("rows computed, packed:", packed_steps, "= sum(lengths):", packed_steps == int(lengths.sum()))
print("share of the padded work:", round(packed_steps / padded_steps, 4))
print("time steps, both:", L, "= len(batch_sizes):", len(packed.batch_sizes))
