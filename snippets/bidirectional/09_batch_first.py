import torch
import torch.nn as nn

torch.manual_seed(0)
N, L, H_in, H = 2, 5, 4, 3
x = torch.randn(N, L, H_in)

bi = nn.RNN(H_in, H, bidirectional=True, batch_first=True)
output, h_n = bi(x)
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
print("h_n[0] == output[:, -1, :H]:", torch.equal(h_n[0], output[:, -1, :H]))
print("h_n[1] == output[:, 0, H:]: ", torch.equal(h_n[1], output[:, 0, H:]))

right = torch.cat([h_n[-2], h_n[-1]], dim=1)
recipe = torch.cat([output[-1, :, :H], output[0, :, H:]], dim=1)
print("recipe:", tuple(recipe.shape), "right:", tuple(right.shape))

x = torch.randn(4, 4, H_in)  # N == L == 4
output, h_n = bi(x)
right = torch.cat([h_n[-2], h_n[-1]], dim=1)
recipe = torch.cat([output[-1, :, :H], output[0, :, H:]], dim=1)
print("N == L: recipe:", tuple(recipe.shape), "right:", tuple(right.shape),
      "equal:", torch.equal(recipe, right))
