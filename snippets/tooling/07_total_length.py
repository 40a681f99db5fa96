import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class Tagger(nn.Module):
    def __init__(self, total_length=False):
        super().__init__()
        self.gru = nn.GRU(3, 4, batch_first=True)
        self.total_length = total_length

    def forward(self, x, lengths):  # x (N, L, H_in), padded
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out_packed, _ = self.gru(packed)
        total = x.size(1) if self.total_length else None
        out, _ = pad_packed_sequence(out_packed, batch_first=True, total_length=total)
        return out  # (N, L, H), L = this batch's longest sequence unless total_length


torch.manual_seed(0)
x = torch.randn(4, 6, 3)
lengths = torch.tensor([6, 4, 3, 2])
for total_length in [False, True]:
    torch.manual_seed(1)
    model = Tagger(total_length)
    whole = model(x, lengths)
    # what nn.DataParallel does with two devices: split the batch, run each half, concatenate
    halves = [model(x[i:i + 2], lengths[i:i + 2]) for i in (0, 2)]
    print(f"total_length={total_length}: halves", [tuple(h.shape) for h in halves])
    try:
        gathered = torch.cat(halves)
        print("  gathered:", tuple(gathered.shape), "equal one process:", torch.allclose(gathered, whole, atol=1e-6))
    except Exception as e:
        print("  gathered:", type(e).__name__ + ":", e)
