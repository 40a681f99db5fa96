import torch
import torch.nn as nn

torch.manual_seed(0)
time_major = nn.GRU(4, 6)
batch_first = nn.GRU(4, 6, batch_first=True)
batch_first.load_state_dict(time_major.state_dict())  # the same weights
x = torch.randn(5, 4)  # 2-D: one sequence of 5 steps, whatever batch_first says

out_t, h_t = time_major(x)
out_b, h_b = batch_first(x)
print("output:", tuple(out_t.shape), tuple(out_b.shape), "same:", torch.allclose(out_t, out_b, atol=1e-6))
print("h_n:   ", tuple(h_t.shape), tuple(h_b.shape))
print("h_n.shape[1] == H, not a batch size:", h_b.shape[1] == batch_first.hidden_size)
