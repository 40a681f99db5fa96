import torch
import torch.nn as nn


class LSTMWithLearnedState(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1, bidirectional=False):
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers=num_layers,
                            bidirectional=bidirectional)
        rows = (2 if bidirectional else 1) * num_layers
        self.h_0 = nn.Parameter(torch.zeros(rows, 1, hidden_size))  # (D * num_layers, 1, H)
        self.c_0 = nn.Parameter(torch.zeros(rows, 1, hidden_size))

    def forward(self, x):  # (L, N, H_in)
        N = x.shape[1]
        state = (self.h_0.expand(-1, N, -1), self.c_0.expand(-1, N, -1))  # (D * num_layers, N, H)
        return self.lstm(x, state)


torch.manual_seed(0)
model = LSTMWithLearnedState(3, 4, num_layers=2, bidirectional=True)
x = torch.randn(5, 8, 3)  # (L, N, H_in)

output, (h_n, c_n) = model(x)
print("h_0 parameter:", tuple(model.h_0.shape), "expanded:", tuple(model.h_0.expand(-1, 8, -1).shape))
print("output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
print("zeros at start == no state:", torch.equal(output, model.lstm(x)[0]))

output.pow(2).mean().backward()
print("h_0.grad:", tuple(model.h_0.grad.shape), "c_0.grad:", tuple(model.c_0.grad.shape))
torch.optim.SGD(model.parameters(), lr=0.1).step()
print("h_0 still zero after a step:", bool((model.h_0 == 0).all()))
print("other batch size:", tuple(model(torch.randn(5, 2, 3))[0].shape))
