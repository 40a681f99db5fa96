import numpy as np
import torch
import torch.nn as nn

rnn = nn.RNN(4, 6)
x = torch.from_numpy(np.zeros((5, 3, 4)))
print(x.dtype)

try:
    rnn(x)
except ValueError as e:
    print(f"{type(e).__name__}: {e}")

output, _ = rnn(x.float())
print(output.dtype)

output, _ = rnn.double()(x)
print(output.dtype)
