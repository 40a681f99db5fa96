import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
alphabet = "helo"
words = ["hello", "olleh", "lohel"]
ids = torch.tensor([[alphabet.index(ch) for ch in w] for w in words])
x_bf = F.one_hot(ids, num_classes=4).float()  # (N, L, H_in)
x_tm = x_bf.transpose(0, 1)  # (L, N, H_in)

rnn_tm = nn.RNN(4, 2)
rnn_bf = nn.RNN(4, 2, batch_first=True)

cases = [
    ("rnn_tm(x_tm)", rnn_tm, x_tm),
    ("rnn_bf(x_bf)", rnn_bf, x_bf),
    ("rnn_bf(x_tm)", rnn_bf, x_tm),
    ("rnn_tm(x_bf)", rnn_tm, x_bf),
]
for name, rnn, x in cases:
    output, h_n = rnn(x)
    print(f"{name}  input {tuple(x.shape)}  output {tuple(output.shape)}  h_n {tuple(h_n.shape)}")
