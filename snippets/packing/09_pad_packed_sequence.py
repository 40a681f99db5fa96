import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

a = torch.tensor([[10.0], [11.0], [12.0], [13.0]])  # (4, 1)
b = torch.tensor([[20.0], [21.0]])  # (2, 1)
c = torch.tensor([[30.0]])  # (1, 1)
x = pad_sequence([a, b, c], padding_value=99.0)  # (4, 3, 1)
x = torch.cat([x, torch.full((2, 3, 1), 99.0)])  # (6, 3, 1)
print("x:", tuple(x.shape))
packed = pack_padded_sequence(x, [4, 2, 1])

padded, lengths = pad_packed_sequence(packed)
print("padded:", tuple(padded.shape), padded[:, :, 0].int().tolist())
print("lengths:", lengths.tolist(), lengths.dtype, lengths.device)

padded, _ = pad_packed_sequence(packed, padding_value=-1.0)
print("padding_value=-1:", padded[:, :, 0].int().tolist())

padded, _ = pad_packed_sequence(packed, total_length=x.shape[0])
print("total_length=6:", tuple(padded.shape))

try:
    pad_packed_sequence(packed, total_length=3)
except ValueError as e:
    print(f"{type(e).__name__}: {e}")
