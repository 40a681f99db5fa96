import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
x = torch.randn(L, N, H_in)

lstm = nn.LSTM(H_in, H, num_layers=2, bidirectional=True)
output, (h_n, c_n) = lstm(x)

features = torch.cat([h_n[-2], h_n[-1]], dim=1)  # (N, 2 * H)
print("features:", tuple(features.shape))
print("== cat(output[-1, :, :H], output[0, :, H:]):",
      torch.equal(features, torch.cat([output[-1, :, :H], output[0, :, H:]], dim=1)))
print("output[-1]:", tuple(output[-1].shape), "== features:", torch.equal(output[-1], features))

classifier = nn.Linear(2 * H, 5)
print("logits:", tuple(classifier(features).shape))  # (N, classes)
