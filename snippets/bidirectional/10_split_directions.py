import torch
import torch.nn as nn

torch.manual_seed(0)
L, N, H_in, H = 5, 2, 4, 3

bi = nn.RNN(H_in, H, bidirectional=True)
output, h_n = bi(torch.randn(L, N, H_in))
dirs = output.view(L, N, 2, H)  # [..., direction, :]
print("time-major:", tuple(dirs.shape))
print("  dirs[..., 0, :] == output[..., :H]:", torch.equal(dirs[..., 0, :], output[..., :H]))
print("  dirs[..., 1, :] == output[..., H:]:", torch.equal(dirs[..., 1, :], output[..., H:]))
print("  dirs[-1, :, 0] == h_n[0]:", torch.equal(dirs[-1, :, 0], h_n[0]))
print("  dirs[0, :, 1] == h_n[1]: ", torch.equal(dirs[0, :, 1], h_n[1]))

bi = nn.RNN(H_in, H, bidirectional=True, batch_first=True)
output, h_n = bi(torch.randn(N, L, H_in))
dirs = output.view(N, L, 2, H)
print("batch_first:", tuple(dirs.shape))
print("  dirs[:, -1, 0] == h_n[0]:", torch.equal(dirs[:, -1, 0], h_n[0]))
print("  dirs[:, 0, 1] == h_n[1]: ", torch.equal(dirs[:, 0, 1], h_n[1]))
