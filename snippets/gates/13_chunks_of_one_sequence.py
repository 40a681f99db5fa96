import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(3, 4)
stream = torch.randn(12, 2, 3)  # (L, N, H_in): two long sequences

whole, _ = lstm(stream)
carried, fresh, state = [], [], None
for chunk in stream.split(4):  # steps 0-3, 4-7, 8-11 of the same two sequences
    output, state = lstm(chunk, state)
    state = tuple(s.detach() for s in state)  # keep the values, cut the graph
    carried.append(output)
    fresh.append(lstm(chunk)[0])  # a zero state at every chunk
print("carried state == whole sequence:", torch.allclose(torch.cat(carried), whole, atol=1e-6))
print("zero state    == whole sequence:", torch.allclose(torch.cat(fresh), whole, atol=1e-6))
