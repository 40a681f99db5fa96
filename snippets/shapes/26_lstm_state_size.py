import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence

x = torch.randn(5, 3, 4)  # (L, N, H_in)
lstm = nn.LSTM(4, 6, num_layers=2, bidirectional=True)  # state: (D * num_layers, N, H) = (4, 3, 6)
good = torch.zeros(4, 3, 6)
cases = {
    "h_0 batch first": (torch.zeros(3, 4, 6), good),
    "c_0 batch first": (good, torch.zeros(3, 4, 6)),
    "h_0 with num_layers rows": (torch.zeros(2, 3, 6), good),
}
for name, state in cases.items():
    try:
        lstm(x, state)
    except RuntimeError as e:
        print(f"{name:25} {type(e).__name__}: {e}")

packed = pack_padded_sequence(x, torch.tensor([5, 4, 2]))
try:
    lstm(packed, (torch.zeros(4, 2, 6), torch.zeros(4, 2, 6)))  # a state for 2 sequences, not 3
except RuntimeError as e:
    print(f"{'packed, state for N=2':25} {type(e).__name__}: {e}")

N = int(packed.batch_sizes[0])  # the number of sequences in a packed batch
output, (h_n, c_n) = lstm(packed, (torch.zeros(4, N, 6), torch.zeros(4, N, 6)))
print(f"{'packed, state for N=' + str(N):25} h_n {tuple(h_n.shape)}")
