import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(4, 6)
data = torch.randn(5, 10, 4)  # (L, 10 independent sequences, H_in)


def run(data, carry):
    outputs, h = [], None
    for x in data.split(4, dim=1):  # batches of N = 4, 4, 2
        if not carry:
            h = None  # zeros, built for this batch
        elif h is not None:
            h = h[:, : x.shape[1]]  # the "fix" for the smaller batch
        output, h = rnn(x, h)
        outputs.append(output)
    return torch.cat(outputs, dim=1)


try:
    h = None
    for x in data.split(4, dim=1):
        output, h = rnn(x, h)
except RuntimeError as e:
    print("carried, not cut:", f"{type(e).__name__}: {e}")

changed = data.clone()
changed[:, 0] += 1.0  # change sequence 0 only (batch 1, row 0)
for carry in (True, False):
    before, after = run(data, carry), run(changed, carry)
    moved = [i for i in range(10) if not torch.allclose(before[:, i], after[:, i], atol=1e-6)]
    print(f"carry={carry!s:5} sequences whose output changed: {moved}")
