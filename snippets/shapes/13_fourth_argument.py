import torch.nn as nn

rnn = nn.RNN(4, 2, 1, "relu")
print("RNN: ", rnn.nonlinearity, rnn.bias)

lstm = nn.LSTM(4, 2, 1, False)
print("LSTM:", lstm.bias, [name for name, _ in lstm.named_parameters()])

gru = nn.GRU(4, 2, 1, False)
print("GRU: ", gru.bias, [name for name, _ in gru.named_parameters()])

for make in [lambda: nn.LSTM(4, 2, 1, "relu"), lambda: nn.RNN(4, 2, 1, False)]:
    try:
        make()
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
