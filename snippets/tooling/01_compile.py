import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence


def first_lines(e, hint):  # the message's first line and the line that starts with `hint`
    lines = str(e).splitlines()
    return [lines[0]] + [line.strip() for line in lines if line.strip().startswith(hint)]


# aot_eager: Dynamo and AOTAutograd without inductor, whose generated C++ depends on the CPU
BACKEND = "aot_eager"

torch.manual_seed(0)
lstm = nn.LSTM(3, 4)
x = torch.randn(5, 2, 3)  # (L, N, H_in)
packed = pack_padded_sequence(x, torch.tensor([5, 3]))
out, (h_n, c_n) = lstm(x)
out_p, (h_n_p, _) = lstm(packed)

for name, inp in [("padded", x), ("packed", packed)]:
    try:
        torch.compile(lstm, fullgraph=True, backend=BACKEND)(inp)
    except Exception as e:
        print(f"fullgraph=True, {name}:", type(e).__name__)
        for line in first_lines(e, "Hint: Set"):
            print("   ", line)

compiled = torch.compile(lstm, backend=BACKEND)  # without fullgraph: the LSTM runs eagerly
c_out, (c_h_n, c_c_n) = compiled(x)
print("no fullgraph, padded: output, h_n, c_n equal eager:",
      [torch.allclose(a, b, atol=1e-6) for a, b in [(c_out, out), (c_h_n, h_n), (c_c_n, c_n)]])
c_out_p, (c_h_n_p, _) = compiled(packed)
print("no fullgraph, packed: output.data, h_n equal eager:",
      [torch.allclose(a, b, atol=1e-6) for a, b in [(c_out_p.data, out_p.data), (c_h_n_p, h_n_p)]])
