import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H, p = 50, 20, 100, 0.25
rnn = nn.RNN(1, H, num_layers=2, nonlinearity="relu", dropout=p)
with torch.no_grad():
    for param in rnn.parameters():
        param.zero_()
    rnn.bias_ih_l0.fill_(1.0)  # layer 0 outputs 1.0 everywhere
    rnn.weight_ih_l1.copy_(torch.eye(H))  # layer 1 outputs its input

x = torch.zeros(L, N, 1)
output, _ = rnn(x)  # (L, N, H): what layer 1 received
survivors = output[output > 0]
print("elements:", output.numel())
print("dropped fraction:", round((output == 0).float().mean().item(), 4))
print("survivor values:", sorted({round(v, 4) for v in survivors.tolist()}))
print("1 / (1 - p):", round(1 / (1 - p), 4))
print("mean, train:", round(output.mean().item(), 4))

rnn.eval()
output, _ = rnn(x)
print("mean, eval:", round(output.mean().item(), 4))
