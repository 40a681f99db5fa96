import torch.nn as nn

for make in [lambda: nn.LSTM(4, 6, proj_size=6),
             lambda: nn.GRU(4, 6, proj_size=2),
             lambda: nn.RNN(4, 6, proj_size=2)]:
    try:
        make()
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")
