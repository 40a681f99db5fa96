import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
H_in, H = 4, 3
a = torch.randn(5, H_in)  # (5, H_in)
b = torch.randn(3, H_in)  # (3, H_in)
x = pad_sequence([a, b])  # (5, 2, H_in)
lengths = [5, 3]

gru = nn.GRU(H_in, H, bidirectional=True)
_, h_alone = gru(b.unsqueeze(1))  # (3, 1, H_in)
_, h_padded = gru(x)
_, h_packed = gru(pack_padded_sequence(x, lengths))

for d, name in [(0, "forward"), (1, "backward")]:
    print(f"b, {name}:")
    print("  alone ", [round(v, 4) for v in h_alone[d, 0].tolist()])
    print("  padded", [round(v, 4) for v in h_padded[d, 1].tolist()])
    print("  packed", [round(v, 4) for v in h_packed[d, 1].tolist()])
print("padded == alone (forward, backward):", [torch.allclose(h_padded[d, 1], h_alone[d, 0], atol=1e-6) for d in range(2)])
print("packed == alone (forward, backward):", [torch.allclose(h_packed[d, 1], h_alone[d, 0], atol=1e-6) for d in range(2)])
