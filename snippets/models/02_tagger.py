import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
vocab, E, H, tags_count = 20, 8, 8, 4
embed = nn.Embedding(vocab, E, padding_idx=0)
gru = nn.GRU(E, H, bidirectional=True)
head = nn.Linear(2 * H, tags_count)  # applied to every step
params = [*embed.parameters(), *gru.parameters(), *head.parameters()]


def tag_logits(tokens, lengths):  # tokens (L, N) -> (L, N, tags_count)
    packed = pack_padded_sequence(embed(tokens), lengths, enforce_sorted=False)
    output, _ = pad_packed_sequence(gru(packed)[0], total_length=tokens.shape[0])  # (L, N, 2 * H)
    return head(output)


def loss_of(logits, tags, kind):  # tags (L, N), -100 at pads
    flat, target = logits.reshape(-1, tags_count), tags.reshape(-1)
    mask = (target != -100).float()
    per_step = F.cross_entropy(flat, target.clamp(min=0), reduction="none")
    if kind == "ignore_index":
        return F.cross_entropy(flat, target, ignore_index=-100)
    if kind == "mask, sum / count":
        return (per_step * mask).sum() / mask.sum()
    if kind == "mask, mean":  # wrong: divides by the padded size
        return (per_step * mask).mean()
    return per_step.mean()  # wrong: pads count as tag 0


seqs = [torch.randint(1, vocab, (n,)) for n in [5, 2, 4]]
tags = [torch.randint(0, tags_count, (n,)) for n in [5, 2, 4]]
lengths = torch.tensor([5, 2, 4])
tokens, targets = pad_sequence(seqs), pad_sequence(tags, padding_value=-100)  # (5, 3)
print("tag logits:", tuple(tag_logits(tokens, lengths).shape), "targets:", tuple(targets.shape))
try:
    F.cross_entropy(tag_logits(tokens, lengths), targets)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")

print("loss and gradients the same with 3 more pad steps:")
for kind in ["ignore_index", "mask, sum / count", "mask, mean", "no mask"]:
    results = []
    for extra in [0, 3]:
        t = torch.cat([tokens, torch.zeros(extra, 3, dtype=torch.long)])
        y = torch.cat([targets, torch.full((extra, 3), -100)])
        loss = loss_of(tag_logits(t, lengths), y, kind)
        results.append([loss, *torch.autograd.grad(loss, params)])
    print(f"  {kind:18}", all(torch.allclose(a, b, atol=1e-6) for a, b in zip(*results)))

optimizer = torch.optim.Adam(params, lr=0.01)
losses = []
for step in range(20):
    loss = loss_of(tag_logits(tokens, lengths), targets, "ignore_index")
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
print("loss halved:", losses[-1] < 0.5 * losses[0])
