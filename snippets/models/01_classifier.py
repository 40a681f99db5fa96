import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence


class Classifier(nn.Module):
    def __init__(self, vocab, E, H, classes, num_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, E, padding_idx=0)
        self.lstm = nn.LSTM(E, H, num_layers=num_layers, bidirectional=True)
        self.head = nn.Linear(2 * H, classes)

    def forward(self, tokens, lengths, read="h_n, packed"):  # tokens (L, N), 0 = pad
        x = self.embed(tokens)
        if read == "h_n, not packed":  # wrong: the LSTM runs over the pads
            _, (h_n, _) = self.lstm(x)
        else:
            out_packed, (h_n, _) = self.lstm(pack_padded_sequence(x, lengths, enforce_sorted=False))
        if read == "output[-1]":  # wrong: unpacked output at the last padded step
            features = pad_packed_sequence(out_packed, total_length=tokens.shape[0])[0][-1]
        else:
            h = h_n.view(self.lstm.num_layers, 2, -1, self.lstm.hidden_size)[-1]  # top layer (2, N, H)
            features = torch.cat([h[0], h[1]], dim=1)  # (N, 2 * H)
        return self.head(features)  # (N, classes)


torch.manual_seed(0)
model = Classifier(vocab=20, E=8, H=8, classes=3)
seqs = [torch.randint(1, 20, (n,)) for n in [5, 3, 7, 2, 6, 4]]
labels = torch.tensor([0, 1, 2, 1, 0, 2])
lengths = torch.tensor([len(s) for s in seqs])
tokens = pad_sequence(seqs)  # (7, 6)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
losses = []
for step in range(20):
    loss = nn.functional.cross_entropy(model(tokens, lengths), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
print("logits:", tuple(model(tokens, lengths).shape), "loss halved:", losses[-1] < 0.5 * losses[0])

model.eval()
s = seqs[1]  # length 3
print("same logits as alone: in a batch, with more padding, at another position")
with torch.no_grad():
    for read in ["h_n, packed", "output[-1]", "h_n, not packed"]:
        alone = model(s[:, None], torch.tensor([3]), read)[0]
        batch = [seqs[2], s, seqs[3]]  # a longer and a shorter one
        in_batch = model(pad_sequence(batch), torch.tensor([7, 3, 2]), read)[1]
        more_pad = model(torch.cat([pad_sequence(batch), torch.zeros(4, 3, dtype=torch.long)]),
                         torch.tensor([7, 3, 2]), read)[1]
        moved = model(pad_sequence(batch[::-1]), torch.tensor([2, 3, 7]), read)[1]
        same = [torch.allclose(alone, y, atol=1e-5) for y in [in_batch, more_pad, moved]]
        print(f"  {read:16}", same)
