import warnings

import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 4)

    def forward(self, x):
        out, (h_n, c_n) = self.lstm(x)
        return h_n[-1]


class PackedEncoder(Encoder):
    def forward(self, x, lengths):
        out, (h_n, c_n) = self.lstm(pack_padded_sequence(x, lengths, enforce_sorted=False))
        return h_n[-1]


torch.manual_seed(0)
x, lengths = torch.randn(5, 2, 3), torch.tensor([5, 3])
model, packed_model = Encoder().eval(), PackedEncoder().eval()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    scripted, traced = torch.jit.script(model), torch.jit.trace(model, (x,))
    scripted_p, traced_p = torch.jit.script(packed_model), torch.jit.trace(packed_model, (x, lengths))
messages = []
for w in caught:
    message = f"{w.category.__name__}: {str(w.message)}".split(". We can't")[0]
    if message not in messages:
        messages.append(message)
print("warnings, each once:")
for message in messages:
    print("   ", message)

y = torch.randn(7, 3, 3)  # another L and another N
y_lengths = torch.tensor([2, 7, 4])  # other lengths, in another order
print("another L and N: script, trace equal eager:",
      [torch.allclose(m(y), model(y), atol=1e-6) for m in [scripted, traced]])
print("packed, other lengths: script, trace equal eager:",
      [torch.allclose(m(y, y_lengths), packed_model(y, y_lengths), atol=1e-6) for m in [scripted_p, traced_p]])
