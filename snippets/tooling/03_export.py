import warnings

import torch
import torch.nn as nn
from torch.export import Dim, export
from torch.nn.utils.rnn import pack_padded_sequence


class Encoder(nn.Module):
    def __init__(self, batch_first=False):
        super().__init__()
        self.lstm = nn.LSTM(3, 4, batch_first=batch_first)

    def forward(self, x):
        out, (h_n, c_n) = self.lstm(x)
        return out, h_n


class PackedEncoder(Encoder):
    def forward(self, x, lengths):
        out, (h_n, c_n) = self.lstm(pack_padded_sequence(x, lengths, enforce_sorted=False))
        return h_n


seen = []  # the warnings export gave, each kept once


def attempt(label, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            program = export(*args, **kwargs)
        except Exception as e:
            lines = [line.strip() for line in str(e).splitlines() if line.strip()]
            print(f"{label}: {type(e).__name__}: {lines[0]}")
            if "Constraints violated" in lines[0]:
                print("   ", lines[1])
            program = None
    for w in caught:
        message = f"{w.category.__name__}: {str(w.message).split(' (https')[0]}"
        if message not in seen:
            seen.append(message)
    return program


torch.manual_seed(0)
model = Encoder().eval()
x = torch.randn(5, 2, 3)  # (L, N, H_in)
program = attempt("static shapes", model, (x,))
print("static shapes: equal eager:", torch.allclose(program.module()(x)[0], model(x)[0], atol=1e-6))
try:
    program.module()(torch.randn(7, 2, 3))
except Exception as e:
    print("another L:", type(e).__name__ + ":", str(e).splitlines()[0])

program = attempt("dynamic N", model, (x,), dynamic_shapes={"x": {1: Dim("N")}})
y = torch.randn(5, 6, 3)
print("dynamic N, N = 6: equal eager:", torch.allclose(program.module()(y)[0], model(y)[0], atol=1e-6))
print("  the LSTM in the graph:", [str(n.target) for n in program.graph.nodes
                                  if n.op == "call_function" and "lstm" in str(n.target)])

model_bf = Encoder(batch_first=True).eval()
program = attempt("batch_first, dynamic N", model_bf, (x.transpose(0, 1),), dynamic_shapes={"x": {0: Dim("N")}})
y = torch.randn(6, 5, 3)
print("batch_first, dynamic N, N = 6: equal eager:",
      torch.allclose(program.module()(y)[0], model_bf(y)[0], atol=1e-6))

attempt("dynamic L", model, (x,), dynamic_shapes={"x": {0: Dim("L"), 1: Dim("N")}})
attempt("packed", PackedEncoder().eval(), (x, torch.tensor([5, 3])))
print("warnings, each once:")
for message in seen:
    print("   ", message)
