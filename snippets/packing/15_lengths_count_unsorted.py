import torch
from torch.nn.utils.rnn import pack_padded_sequence

x = torch.arange(1.0, 16.0).view(5, 3, 1)  # time-major: L = 5, a batch of 3 sequences
for lengths in ([5, 2], [5, 2, 4, 3]):  # one length too few, one too many
    for enforce_sorted in (True, False):
        try:
            packed = pack_padded_sequence(x, torch.tensor(lengths), enforce_sorted=enforce_sorted)
            kept = sorted({int(v - 1) % 3 for v in packed.data.flatten()})  # column of each value
            print(f"{len(lengths)} lengths, enforce_sorted={enforce_sorted!s:5} no error, sequences kept: {kept}")
        except RuntimeError as e:
            print(f"{len(lengths)} lengths, enforce_sorted={enforce_sorted!s:5} {type(e).__name__}: {e}")
