import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_sequence, pad_sequence, unpack_sequence, unpad_sequence

torch.manual_seed(0)
seqs = [torch.randn(n, 2) for n in [4, 1, 2]]
lengths = torch.tensor([4, 1, 2])

padded = pad_sequence(seqs)  # (L, N, 2) = (4, 3, 2)
print("padded:", tuple(padded.shape))
back = unpad_sequence(padded, lengths)  # time-major: transposes `padded` in place
print("unpad_sequence:", [tuple(t.shape) for t in back], all(map(torch.equal, back, seqs)))
print("padded after the call:", tuple(padded.shape))

padded = pad_sequence(seqs)
back = unpad_sequence(padded.transpose(0, 1), lengths, batch_first=True)  # leaves `padded` alone
print("with transpose(0, 1), batch_first=True:", all(map(torch.equal, back, seqs)), tuple(padded.shape))

gru = nn.GRU(2, 3)
out_packed, h_n = gru(pack_sequence(seqs, enforce_sorted=False))
outputs = unpack_sequence(out_packed)  # one (length, H) tensor per sequence, in batch order
print("unpack_sequence:", [tuple(t.shape) for t in outputs])
print("each == the sequence alone:",
      [torch.allclose(out, gru(s)[0], atol=1e-6) for out, s in zip(outputs, seqs)])
print("each last row == h_n:", all(torch.equal(out[-1], h_n[0, i]) for i, out in enumerate(outputs)))
