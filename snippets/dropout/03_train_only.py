import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(5, 3, 4)  # (L, N, H_in)
lstm = nn.LSTM(4, 6, num_layers=2, dropout=0.5)
plain = nn.LSTM(4, 6, num_layers=2)  # dropout=0.0
plain.load_state_dict(lstm.state_dict())
reference, _ = plain(x)

print("lstm.training:", lstm.training)
first, _ = lstm(x)
second, _ = lstm(x)
print("train: two calls equal:", torch.equal(first, second))
print("train: equals dropout=0:", torch.equal(first, reference))

lstm.eval()
print("lstm.training:", lstm.training)
first, _ = lstm(x)
second, _ = lstm(x)
print("eval:  two calls equal:", torch.equal(first, second))
print("eval:  equals dropout=0:", torch.equal(first, reference))
print("lstm.dropout:", lstm.dropout)
