import torch
import torch.nn as nn

# On a CPU, nn.LSTM takes oneDNN's path by default, and oneDNN's bfloat16 LSTM depends on
# the CPU's instructions; ATen's own path prints the same on every CPU.
torch.backends.mkldnn.enabled = False

torch.manual_seed(0)
lstm = nn.LSTM(3, 4)
x = torch.randn(5, 2, 3)
out_f32, _ = lstm(x)
h_0, c_0 = torch.zeros(1, 2, 4), torch.zeros(1, 2, 4)

with torch.autocast("cpu", dtype=torch.bfloat16):
    out, (h_n, c_n) = lstm(x)
    print("autocast, no state:       ", out.dtype, h_n.dtype, c_n.dtype)
    print("  equal float32 run (atol=1e-6):", torch.allclose(out, out_f32, atol=1e-6))
    for name, state in [("h_0, c_0 bfloat16:", (h_0.bfloat16(), c_0.bfloat16())),
                        ("h_0 bfloat16, c_0 float32:", (h_0.bfloat16(), c_0)),
                        ("h_0, c_0 float64:", (h_0.double(), c_0.double()))]:
        try:
            out, (h_n, c_n) = lstm(x, state)
            print("autocast,", name.ljust(26), out.dtype, h_n.dtype, c_n.dtype)
        except Exception as e:
            print("autocast,", name.ljust(26), type(e).__name__ + ":", e)
    print("autocast, GRU, RNN, Linear:", nn.GRU(3, 4)(x)[0].dtype, nn.RNN(3, 4)(x)[0].dtype,
          nn.Linear(3, 4)(x).dtype)

try:
    lstm(x.bfloat16())
except Exception as e:
    print("no autocast, x bfloat16:", type(e).__name__ + ":", e)
