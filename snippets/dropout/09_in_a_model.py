import torch
import torch.nn as nn


class LockedDropout(nn.Module):
    """One dropout mask per sequence, reused at every time step."""

    def __init__(self, p=0.5, batch_first=False):
        super().__init__()
        if not 0 <= p < 1:
            raise ValueError(f"p must be in [0, 1), got {p}")
        self.p = p
        self.batch_first = batch_first

    def forward(self, x):  # (L, N, H), or (N, L, H) if batch_first
        if not self.training or self.p == 0:
            return x
        if self.batch_first:
            shape = (x.size(0), 1, x.size(2))  # (N, 1, H)
        else:
            shape = (1, x.size(1), x.size(2))  # (1, N, H)
        mask = x.new_empty(shape).bernoulli_(1 - self.p) / (1 - self.p)
        return x * mask


class Tagger(nn.Module):
    def __init__(self, vocab, E, H, classes, p_in=0.2, p=0.3):
        super().__init__()
        self.embed = nn.Embedding(vocab, E)
        self.drop_in = LockedDropout(p_in)
        self.lstm0 = nn.LSTM(E, H)
        self.lstm1 = nn.LSTM(H, H)
        self.drop = LockedDropout(p)
        self.head = nn.Linear(H, classes)

    def forward(self, tokens):  # (L, N)
        x = self.drop_in(self.embed(tokens))  # (L, N, E)
        out0, _ = self.lstm0(x)  # (L, N, H)
        out1, _ = self.lstm1(self.drop(out0))  # (L, N, H)
        return self.head(self.drop(out1))  # (L, N, classes)


torch.manual_seed(0)
model = Tagger(vocab=20, E=8, H=16, classes=5)
tokens = torch.randint(0, 20, (7, 3))  # (L, N)
print("logits:", tuple(model(tokens).shape))
print("train: two calls equal:", torch.equal(model(tokens), model(tokens)))
seen = {}
model.lstm1.register_forward_hook(lambda module, args, out: seen.update(input=args[0]))
model(tokens)
kept = seen["input"] != 0  # (L, N, H): what lstm1 received
print("train: zeros in lstm1's input per step:", (~kept).sum(dim=(1, 2)).tolist())
print("train: the same zeros at every t:", all(torch.equal(kept[t], kept[0]) for t in range(len(kept))))
model.eval()
print("eval:  two calls equal:", torch.equal(model(tokens), model(tokens)))

stacked = nn.LSTM(8, 16, num_layers=2)  # the same weights as lstm0 and lstm1
stacked.load_state_dict({**model.lstm0.state_dict(),
                         **{k.replace("_l0", "_l1"): v for k, v in model.lstm1.state_dict().items()}})
x = model.embed(tokens)  # (L, N, E)
out1, _ = model.lstm1(model.lstm0(x)[0])
print("eval:  lstm1(lstm0(x)) == stacked(x):", torch.equal(out1, stacked(x)[0]))
