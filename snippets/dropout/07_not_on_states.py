import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(5, 3, 4)  # (L, N, H_in)
lstm = nn.LSTM(4, 6, num_layers=3, dropout=0.5)

out_a, (h_a, c_a) = lstm(x)  # train()
out_b, (h_b, c_b) = lstm(x)  # train(), other masks
lstm.eval()
out_e, (h_e, c_e) = lstm(x)

for layer in range(3):
    same = torch.equal(h_a[layer], h_b[layer]) and torch.equal(c_a[layer], c_b[layer])
    as_eval = torch.equal(h_a[layer], h_e[layer]) and torch.equal(c_a[layer], c_e[layer])
    print(f"layer {layer}: (h_n, c_n) same in both train calls: {same!s:5}  equal to eval: {as_eval}")

print("train: h_n[-1] == output[-1]:", torch.equal(h_a[-1], out_a[-1]))
print("train: zeros in output, h_n, c_n:",
      int((out_a == 0).sum()), int((h_a == 0).sum()), int((c_a == 0).sum()))
