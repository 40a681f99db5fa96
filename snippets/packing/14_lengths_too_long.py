import torch
from torch.nn.utils.rnn import pack_padded_sequence

x = torch.zeros(3, 2, 4)  # time-major: padded to L = 3 steps, a batch of 2
packed = pack_padded_sequence(x, [5, 2])  # 5 does not fit in 3 steps

print("no error")
print("batch_sizes:", packed.batch_sizes.tolist(), "- rows they describe:", int(packed.batch_sizes.sum()))
print("rows in packed.data:", packed.data.shape[0])
