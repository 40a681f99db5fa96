import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, E, H, num_layers = 6, 3, 5, 4, 2


def bridge(h_n, right=True):  # (num_layers * 2, N, H) -> (num_layers, N, 2 * H)
    if right:
        h = h_n.view(num_layers, 2, N, H)  # [layer, direction]
    else:
        h = h_n.view(2, num_layers, N, H).transpose(0, 1)  # wrong: read as [direction, layer]
    return torch.cat([h[:, 0], h[:, 1]], dim=2)


# Label each row of h_n with its index and see where it lands.
rows = torch.arange(2 * num_layers).float().view(-1, 1, 1).expand(-1, N, H)
for right in [True, False]:
    h_0 = bridge(rows, right)
    print("right:" if right else "wrong:", ", ".join(
        f"decoder layer {k} <- rows {h_0[k, 0, ::H].int().tolist()}" for k in range(num_layers)))

# Change only the encoder's top layer: only decoder layer 1 may change.
encoder = nn.GRU(E, H, num_layers=num_layers, bidirectional=True)
x = torch.randn(L, N, E)
_, before = encoder(x)
with torch.no_grad():
    for name, p in encoder.named_parameters():
        if "_l1" in name:
            p.add_(0.5)
_, after = encoder(x)
print("encoder rows changed:", [r for r in range(2 * num_layers) if not torch.allclose(before[r], after[r], atol=1e-6)])
for right in [True, False]:
    changed = [k for k in range(num_layers)
               if not torch.allclose(bridge(before, right)[k], bridge(after, right)[k], atol=1e-6)]
    print("right" if right else "wrong", "bridge, decoder layers changed:", changed)
