import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(3, 4, num_layers=2, bidirectional=True, proj_size=2)
print("keys of layer 1:", [k for k in lstm.state_dict() if "_l1" in k])

checkpoint = nn.LSTM(3, 4, num_layers=2).state_dict()  # saved from a 2-layer LSTM
for name, module in [("num_layers=1", nn.LSTM(3, 4)),
                     ("bidirectional=True", nn.LSTM(3, 4, num_layers=2, bidirectional=True)),
                     ("proj_size=2", nn.LSTM(3, 4, num_layers=2, proj_size=2)),
                     ("nn.GRU", nn.GRU(3, 4, num_layers=2))]:
    try:
        module.load_state_dict(checkpoint)
        print(name, "loads")
    except Exception as e:
        lines = str(e).splitlines()
        print(f"{name}: {type(e).__name__}: {lines[0]}")
        for line in lines[1:3]:
            print("   ", line.strip())
        if len(lines) > 3:
            print(f"    ... {len(lines) - 3} more size mismatches")

one_layer = nn.LSTM(3, 4)
result = one_layer.load_state_dict(checkpoint, strict=False)
print("num_layers=1, strict=False:", result)
print("  layer 0 loaded:", torch.equal(one_layer.weight_ih_l0, checkpoint["weight_ih_l0"]))
