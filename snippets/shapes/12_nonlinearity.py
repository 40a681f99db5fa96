import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(5, 3, 4)

for nonlinearity in ["tanh", "relu"]:
    rnn = nn.RNN(4, 6, nonlinearity=nonlinearity)
    output, _ = rnn(x)
    print(f"{nonlinearity}: (output >= 0).all() = {bool((output >= 0).all())}")

for make in [lambda: nn.RNN(4, 6, nonlinearity="sigmoid"),
             lambda: nn.LSTM(4, 6, nonlinearity="relu"),
             lambda: nn.GRU(4, 6, nonlinearity="relu")]:
    try:
        make()
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
