import torch
import torch.nn as nn


def classifier_features(h_n, num_layers, bidirectional):
    D = 2 if bidirectional else 1
    _, N, H = h_n.shape
    top = h_n.view(num_layers, D, N, H)[-1]  # (D, N, H)
    return top.transpose(0, 1).reshape(N, D * H)  # (N, D * H)


torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3
for batch_first in [False, True]:
    for num_layers in [1, 2]:
        for bidirectional in [False, True]:
            lstm = nn.LSTM(H_in, H, num_layers=num_layers, bidirectional=bidirectional,
                           batch_first=batch_first)
            x = torch.randn(N, L, H_in) if batch_first else torch.randn(L, N, H_in)
            output, (h_n, c_n) = lstm(x)
            if batch_first:
                output = output.transpose(0, 1)  # (L, N, D * H)
            expected = output[-1, :, :H]
            if bidirectional:
                expected = torch.cat([expected, output[0, :, H:]], dim=1)
            features = classifier_features(h_n, num_layers, bidirectional)
            print(f"batch_first={batch_first!s:5} num_layers={num_layers} bidirectional={bidirectional!s:5}",
                  tuple(features.shape), torch.equal(features, expected))
