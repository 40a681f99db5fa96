import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence, unpad_sequence

seqs = [torch.tensor([3.0, 1.0, 4.0, 1.0]), torch.tensor([5.0, 9.0])]
lengths = torch.tensor([4, 2])
right = pad_sequence(seqs, batch_first=True)  # pads after
left = pad_sequence(seqs, batch_first=True, padding_side="left")  # pads before
print("right:", right.tolist(), "left:", left.tolist())
keras_pre = torch.tensor([[3, 1, 4, 1], [0, 0, 5, 9]])  # keras.utils.pad_sequences, default "pre"
print("left == Keras pre-padding:", torch.equal(left.long(), keras_pre))
print("last column: right", right[:, -1].tolist(), "left", left[:, -1].tolist())
print("unpad_sequence(left)[1]:", unpad_sequence(left, lengths, batch_first=True)[1].tolist())

torch.manual_seed(0)
gru = nn.GRU(1, 3, batch_first=True)
_, h_alone = gru(seqs[1].view(1, -1, 1))  # sequence 1 on its own


def final_state(x, pack):  # the state of sequence 1 at its last real step
    x = x.unsqueeze(-1)  # (N, L, 1)
    if pack:
        _, h_n = gru(pack_padded_sequence(x, lengths, batch_first=True))
        return h_n[-1, 1]
    output, _ = gru(x)
    return output[1, -1]  # the last column


L = left.shape[1]
moved = pad_sequence([row[L - n :] for row, n in zip(left, lengths.tolist())], batch_first=True)
print("left moved to the right == right:", torch.equal(moved, right))
print("sequence 1's final state == alone:")
for name, x, pack in [("right, packed", right, True), ("right, output[:, -1]", right, False),
                      ("left, output[:, -1]", left, False), ("left, packed", left, True),
                      ("left moved to the right, packed", moved, True)]:
    print(f"  {name:32}", torch.allclose(final_state(x, pack), h_alone[-1, 0], atol=1e-6))
