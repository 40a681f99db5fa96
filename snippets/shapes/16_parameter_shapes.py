import torch.nn as nn

lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, bidirectional=True)
for name, p in lstm.named_parameters():
    print(f"{name:23}", tuple(p.shape))
