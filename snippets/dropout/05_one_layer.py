import warnings

import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(5, 3, 4)  # (L, N, H_in)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    gru = nn.GRU(4, 6, dropout=0.5)  # num_layers=1
for w in caught:
    print(f"{w.category.__name__}: {w.message}")

plain = nn.GRU(4, 6)
plain.load_state_dict(gru.state_dict())
print("gru.training:", gru.training)
print("train: equals dropout=0:", torch.equal(gru(x)[0], plain(x)[0]))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    nn.GRU(4, 6, num_layers=2, dropout=0.5)
    plain.dropout = 0.5  # set after construction
print("warnings for num_layers=2 or a later assignment:", len(caught))
print("still equal:", torch.equal(gru(x)[0], plain(x)[0]))
