import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H, p = 4, 2, 8, 0.5
rnn = nn.RNN(1, H, num_layers=2, nonlinearity="relu", dropout=p)
with torch.no_grad():
    for param in rnn.parameters():
        param.zero_()
    rnn.bias_ih_l0.fill_(1.0)  # layer 0 outputs 1.0 everywhere
    rnn.weight_ih_l1.copy_(torch.eye(H))  # layer 1 outputs its input

output, _ = rnn(torch.zeros(L, N, 1))  # (L, N, H): the mask layer 1 received
print("values in output:", sorted(set(output.flatten().tolist())))
kept = (output > 0).int()
for t in range(L):
    print(f"t={t}  n=0 kept: {kept[t, 0].tolist()}  n=1 kept: {kept[t, 1].tolist()}")
print("same mask as t=0:", [torch.equal(kept[t], kept[0]) for t in range(1, L)])
print("same mask for n=0 and n=1:", [torch.equal(kept[t, 0], kept[t, 1]) for t in range(L)])
