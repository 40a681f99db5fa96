import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
alphabet = "helo"
words = ["hello", "olleh", "lohel"]

ids = torch.tensor([[alphabet.index(ch) for ch in w] for w in words])  # (N, L)
x = F.one_hot(ids, num_classes=len(alphabet)).float()  # (N, L, H_in)
x = x.transpose(0, 1)  # (L, N, H_in)

print("hello:", x[:, 0].int().tolist())

rnn = nn.RNN(input_size=4, hidden_size=2)
output, h_n = rnn(x)
print("input: ", tuple(x.shape))
print("output:", tuple(output.shape))
print("h_n:   ", tuple(h_n.shape))
