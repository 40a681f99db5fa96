import torch.nn as nn

relu = nn.RNN(4, 6, nonlinearity="relu")
tanh = nn.RNN(4, 6)
print("printed:", relu, tanh)
print("same text:", repr(relu) == repr(tanh))
print("nonlinearity:", relu.nonlinearity, tanh.nonlinearity)
print("mode:", relu.mode, tanh.mode)
