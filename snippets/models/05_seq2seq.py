import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

V, E, H, num_layers, BOS = 12, 8, 16, 2, 1  # token 0 = pad, 1 = start


class Seq2Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(V, E, padding_idx=0)
        self.encoder = nn.GRU(E, H, num_layers=num_layers, bidirectional=True)
        self.bridge = nn.Linear(2 * H, H)
        self.decoder = nn.GRU(E, H, num_layers=num_layers)
        self.out = nn.Linear(H, V)

    def encode(self, src, lengths):  # src (S, N) -> decoder h_0 (num_layers, N, H)
        _, h_n = self.encoder(pack_padded_sequence(self.embed(src), lengths, enforce_sorted=False))
        h = h_n.view(num_layers, 2, -1, H)  # [layer, direction]
        return torch.tanh(self.bridge(torch.cat([h[:, 0], h[:, 1]], dim=2)))

    def decode(self, y_in, h):  # y_in (T, N) -> logits (T, N, V) and the state
        output, h = self.decoder(self.embed(y_in), h)
        return self.out(output), h


torch.manual_seed(0)
model = Seq2Seq()
srcs = [torch.randint(2, V, (n,)) for n in [5, 3, 6, 4]]
lengths = torch.tensor([5, 3, 6, 4])
src = pad_sequence(srcs)  # (6, 4)
tgt = torch.stack([s[:3].flip(0) for s in srcs], dim=1)  # (T, N) = (3, 4): first 3 tokens reversed
y_in = torch.cat([torch.full((1, 4), BOS), tgt[:-1]])  # teacher forcing: start token, then the targets
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
losses = []
for step in range(30):
    logits, _ = model.decode(y_in, model.encode(src, lengths))  # all steps in one call
    loss = F.cross_entropy(logits.reshape(-1, V), tgt.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
print("teacher-forced logits:", tuple(logits.shape), "loss halved:", losses[-1] < 0.5 * losses[0])

model.eval()
with torch.no_grad():
    h_0 = model.encode(src, lengths)
    y, h, steps = torch.full((1, 4), BOS), h_0, []
    for t in range(3):  # greedy: one step at a time, the state carried
        step_logits, h = model.decode(y, h)
        steps.append(step_logits)
        y = step_logits.argmax(dim=-1)  # (1, N): this step's output is the next input
    step_by_step = torch.cat(steps)  # (T, N, V)
    greedy = step_by_step.argmax(dim=-1)
    greedy_in = torch.cat([torch.full((1, 4), BOS), greedy[:-1]])
    one_shot, _ = model.decode(greedy_in, h_0)
    restarted = torch.cat([model.decode(greedy_in[t : t + 1], h_0)[0] for t in range(3)])
print("greedy tokens:", tuple(greedy.shape))
print("step by step, state carried == one shot:", torch.allclose(step_by_step, one_shot, atol=1e-5))
print("step by step, state restarted == one shot:", torch.allclose(restarted, one_shot, atol=1e-5))
