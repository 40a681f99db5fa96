import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence


class Attention(nn.Module):
    def __init__(self, enc_dim, query_dim):
        super().__init__()
        self.key = nn.Linear(enc_dim, query_dim, bias=False)

    def forward(self, query, enc_out, lengths, masked=True):  # query (N, Q), enc_out (L, N, enc_dim)
        enc = enc_out.transpose(0, 1)  # (N, L, enc_dim)
        scores = torch.bmm(self.key(enc), query.unsqueeze(2)).squeeze(2)  # (N, L)
        if masked:
            pad = torch.arange(enc.shape[1])[None, :] >= lengths[:, None]  # (N, L), True at pads
            scores = scores.masked_fill(pad, float("-inf"))
        weights = scores.softmax(dim=1)  # (N, L)
        context = torch.bmm(weights.unsqueeze(1), enc).squeeze(1)  # (N, enc_dim)
        return context, weights


torch.manual_seed(0)
E, H, Q = 5, 4, 6
encoder = nn.GRU(E, H, bidirectional=True)
attention = Attention(2 * H, Q)
seqs = [torch.randn(n, E) for n in [5, 2, 4]]
lengths = torch.tensor([5, 2, 4])
query = torch.randn(3, Q)  # e.g. the decoder's state at one step


def attend(x, lengths, query, masked, total_length):
    packed = pack_padded_sequence(x, lengths, enforce_sorted=False)
    enc_out, _ = pad_packed_sequence(encoder(packed)[0], total_length=total_length)  # (L, N, 2 * H)
    return attention(query, enc_out, lengths, masked)


with torch.no_grad():
    x = pad_sequence(seqs)  # (5, 3, E)
    context, weights = attend(x, lengths, query, masked=True, total_length=5)
    print("context:", tuple(context.shape), "weights:", tuple(weights.shape))
    print("weights of sequence 1 (length 2):", [round(w, 4) for w in weights[1].tolist()])
    for masked in [True, False]:
        in_batch, w = attend(x, lengths, query, masked, total_length=5)
        more_pad, _ = attend(x, lengths, query, masked, total_length=8)  # 3 more pad steps
        alone, _ = attend(seqs[1][:, None], lengths[1:2], query[1:2], masked, total_length=2)
        print("mask:   " if masked else "no mask:", "zero weight at pads:", bool((w[1, 2:] == 0).all()),
              "| alone == in the batch:", torch.allclose(alone[0], in_batch[1], atol=1e-6),
              "| more padding == before:", torch.allclose(more_pad, in_batch, atol=1e-6))
