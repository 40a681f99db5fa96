import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence

token_ids = [[3, 1, 4, 1], [5, 9]]  # two sequences, lengths 4 and 2; 0 is the pad id
pre = torch.tensor(keras.utils.pad_sequences(token_ids))  # default padding="pre"
post = torch.tensor(keras.utils.pad_sequences(token_ids, padding="post"))
print("default:", pre.tolist())
print("post:   ", post.tolist())
print("maxlen=3 cuts the front:", keras.utils.pad_sequences(token_ids, maxlen=3).tolist())
lengths = torch.tensor([4, 2])

torch.manual_seed(0)
embed = nn.Embedding(10, 3, padding_idx=0)
lstm = nn.LSTM(3, 2, batch_first=True)
_, (h_alone, _) = lstm(embed(torch.tensor([[5, 9]])))  # sequence 1 on its own
h_alone = h_alone[-1, 0]


def h_of_sequence_1(ids, pack):
    x = embed(ids)
    if pack:
        x = pack_padded_sequence(x, lengths, batch_first=True)
        _, (h_n, _) = lstm(x)
        return h_n[-1, 1]
    output, _ = lstm(x)
    return output[1, -1]  # the last-step trick


print("sequence 1 alone:", [round(v, 4) for v in h_alone.tolist()])
for name, ids, pack in [("post, packed", post, True), ("pre, packed", pre, True),
                        ("pre, output[:, -1]", pre, False)]:
    h = h_of_sequence_1(ids, pack)
    print(f"{name + ':':19}", [round(v, 4) for v in h.tolist()], torch.allclose(h, h_alone, atol=1e-6))

# Keras hides the difference: with a mask, the front pads are skipped
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.layers.Embedding(10, 3, mask_zero=True), keras.layers.LSTM(2)])
print("Keras, mask_zero=True, pre == post:", torch.allclose(model(pre), model(post), atol=1e-5))
