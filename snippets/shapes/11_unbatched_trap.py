import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(4, 6)
x = torch.randn(3, 4)  # (N, H_in)

wrong, _ = rnn(x)  # (L=3, H)
right, _ = rnn(x.unsqueeze(0))  # (1, N, H_in) -> (1, N, H)
print("wrong:", tuple(wrong.shape), "right:", tuple(right.shape))

alone = [rnn(x[i : i + 1])[0][0] for i in range(3)]
print("wrong[i] == alone[i]:", [torch.allclose(wrong[i], alone[i], atol=1e-6) for i in range(3)])
print("right[0, i] == alone[i]:", [torch.allclose(right[0, i], alone[i], atol=1e-6) for i in range(3)])

x2 = x.clone()
x2[0] = 0.0
print("wrong[1] unchanged:", torch.allclose(rnn(x2)[0][1], wrong[1], atol=1e-6))
print("right[0, 1] unchanged:", torch.allclose(rnn(x2.unsqueeze(0))[0][0, 1], right[0, 1], atol=1e-6))
