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


torch.manual_seed(0)
L, N, H = 6, 3, 8
ones = torch.ones(L, N, H)
dropout1d = nn.Dropout1d(0.5)  # zeroes whole channels of (N, C, L)
variants = {
    "nn.Dropout(0.5)": nn.Dropout(0.5),
    "LockedDropout(0.5)": LockedDropout(0.5),
    "nn.Dropout1d(0.5) on (N, H, L)": lambda x: dropout1d(x.permute(1, 2, 0)).permute(2, 0, 1),
}
for name, drop in variants.items():
    out = drop(ones)  # (L, N, H)
    kept = (out > 0).int()
    print(f"{name}: survivors {sorted({round(v, 4) for v in out[out > 0].tolist()})}")
    for n in range(N):
        masks = {tuple(kept[t, n].tolist()) for t in range(L)}
        print(f"  n={n}: t=0 kept {kept[0, n].tolist()}, distinct masks over {L} steps: {len(masks)}")

drop = LockedDropout(0.5)
drop.eval()
print("eval: returns x unchanged:", torch.equal(drop(ones), ones))

drop = LockedDropout(0.5, batch_first=True)
kept = drop(torch.ones(N, L, H)) > 0  # (N, L, H)
print("batch_first: same mask at every t:", all(torch.equal(kept[:, t], kept[:, 0]) for t in range(L)))
