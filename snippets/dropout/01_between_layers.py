import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
L, N, H_in, H, p = 5, 3, 4, 6, 0.5
x = torch.randn(L, N, H_in)

rnn = nn.RNN(H_in, H, num_layers=2, dropout=p)  # a new module is in train() mode
weights = rnn.state_dict()
layer0 = nn.RNN(H_in, H)
layer0.load_state_dict({k: v for k, v in weights.items() if "_l0" in k})
layer1 = nn.RNN(H, H)
layer1.load_state_dict({k.replace("_l1", "_l0"): v for k, v in weights.items() if "_l1" in k})

torch.manual_seed(1)
output, h_n = rnn(x)


def by_hand(where):
    torch.manual_seed(1)  # the same random numbers as the module's call
    a = F.dropout(x, p) if where == "x" else x
    out0, _ = layer0(a)  # (L, N, H)
    b = F.dropout(out0, p) if where == "out0" else out0
    out1, _ = layer1(b)  # (L, N, H)
    return F.dropout(out1, p) if where == "out1" else out1


for where in ["none", "x", "out0", "out1"]:
    print(f"F.dropout on {where:4}: equals output: {torch.equal(by_hand(where), output)}")

print("zeros in output:", int((output == 0).sum()))
print("h_n[0] == layer0(x) h_n:", torch.equal(h_n[0], layer0(x)[1][0]))
print("h_n[1] == output[-1]:", torch.equal(h_n[1], output[-1]))
