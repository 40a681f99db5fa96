import torch
import torch.nn as nn

ids = torch.tensor([[0, 1, 2, 2, 3], [3, 2, 2, 1, 0], [2, 3, 0, 1, 2]])  # (N, L)
print(ids.dtype, tuple(ids.shape))

rnn = nn.RNN(4, 6, batch_first=True)
try:
    rnn(ids)
except ValueError as e:
    print(f"{type(e).__name__}: {e}")
try:
    rnn.to(torch.int64)
except TypeError as e:
    print(f"{type(e).__name__}: {e}")

embedding = nn.Embedding(num_embeddings=4, embedding_dim=8)
rnn = nn.RNN(8, 6, batch_first=True)
x = embedding(ids)  # (N, L, 8)
output, h_n = rnn(x)
print("x:", tuple(x.shape), "output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
