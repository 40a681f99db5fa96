import torch.nn as nn

H = 6
for cls in [nn.RNN, nn.GRU, nn.LSTM]:
    m = cls(4, H, num_layers=2, bidirectional=True)
    rows = m.weight_ih_l0.shape[0]
    print(f"{cls.__name__:5}", "weight_ih_l0", tuple(m.weight_ih_l0.shape),
          "weight_ih_l1", tuple(m.weight_ih_l1.shape), "gates:", rows // H)
