import torch
import torch.nn as nn

x = torch.randn(3, 4)  # one step: (N, H_in)
lstm_cell = nn.LSTMCell(4, 6)
lstm = nn.LSTM(4, 6)


def three_names():
    out, h, c = lstm(torch.randn(5, 3, 4))


mistakes = {
    "LSTMCell, state as one tensor": lambda: lstm_cell(x, torch.zeros(3, 6)),
    "LSTMCell, a whole sequence": lambda: lstm_cell(torch.randn(5, 3, 4)),
    "GRUCell, a whole sequence": lambda: nn.GRUCell(4, 6)(torch.randn(5, 3, 4)),
    "out, h, c = lstm(x)": three_names,
}
for name, mistake in mistakes.items():
    try:
        mistake()
    except (TypeError, ValueError) as e:
        print(f"{name}:\n  {type(e).__name__}: {e}")

h, c = lstm_cell(x, (torch.zeros(3, 6), torch.zeros(3, 6)))  # the cell's state: a tuple (h, c)
output, (h_n, c_n) = lstm(torch.randn(5, 3, 4))  # two values, the second a tuple
print("fixed:", tuple(h.shape), tuple(c.shape), tuple(output.shape), tuple(h_n.shape))
