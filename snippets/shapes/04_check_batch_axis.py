import torch
import torch.nn as nn


def run_checked(rnn, x, batch_size):
    output, h_n = rnn(x)
    if h_n.shape[1] != batch_size:
        raise ValueError(f"h_n.shape[1] == {h_n.shape[1]}, batch_size == {batch_size}")
    return output, h_n


rnn = nn.RNN(4, 2, batch_first=True)
x_bf = torch.randn(3, 5, 4)  # (N, L, H_in)
x_tm = torch.randn(5, 3, 4)  # (L, N, H_in)

for x in [x_bf, x_tm]:
    try:
        output, h_n = run_checked(rnn, x, batch_size=3)
        print("ok:", tuple(output.shape), tuple(h_n.shape))
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")
