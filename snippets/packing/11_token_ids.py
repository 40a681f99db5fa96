import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
vocab, E, H = 20, 5, 3
lengths = torch.tensor([7, 5, 4, 3])
tokens = pad_sequence([torch.randint(1, vocab, (n,)) for n in lengths.tolist()])  # (7, 4), 0 = pad
print("tokens:", tuple(tokens.shape))
print("tokens.T:", tokens.T.tolist())

embedding = nn.Embedding(vocab, E, padding_idx=0)
gru = nn.GRU(E, H, num_layers=2, bidirectional=True)
packed = pack_padded_sequence(embedding(tokens), lengths, enforce_sorted=False)
out_packed, h_n = gru(packed)
output, _ = pad_packed_sequence(out_packed)  # (7, 4, 2 * H)
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))

print("seq  len  h_n[2]==output[len-1,i,:H]  h_n[3]==output[0,i,H:]  h_n[2]==output[-1,i,:H]  h_n==alone")
for i, n in enumerate(lengths.tolist()):
    _, h_alone = gru(embedding(tokens[:n, i : i + 1]))
    print(f"{i:>3}  {n:>3}  {torch.equal(h_n[2, i], output[n - 1, i, :H])!s:>25}",
          f" {torch.equal(h_n[3, i], output[0, i, H:])!s:>22}",
          f" {torch.equal(h_n[2, i], output[-1, i, :H])!s:>23}",
          f" {torch.allclose(h_n[:, i], h_alone[:, 0], atol=1e-6)!s:>10}")

features = torch.cat([h_n[-2], h_n[-1]], dim=1)  # (N, 2 * H)
print("features:", tuple(features.shape))
