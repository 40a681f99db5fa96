import torch
import torch.nn as nn

for value in [1.5, -0.1, True, "0.5", "half", None]:
    try:
        nn.LSTM(4, 6, num_layers=2, dropout=value)
        print(f"dropout={value!r}: accepted")
    except (TypeError, ValueError) as e:
        print(f"dropout={value!r}: {type(e).__name__}: {e}")

torch.manual_seed(0)
lstm = nn.LSTM(4, 6, num_layers=2, dropout=1)
print("dropout=1: accepted, lstm.dropout =", lstm.dropout)
a, b = torch.randn(5, 3, 4), torch.randn(5, 3, 4)  # two unrelated inputs
print("train: output(a) == output(b):", torch.equal(lstm(a)[0], lstm(b)[0]))
lstm.eval()
print("eval:  output(a) == output(b):", torch.equal(lstm(a)[0], lstm(b)[0]))
