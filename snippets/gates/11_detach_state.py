import torch
import torch.nn as nn

torch.manual_seed(0)
stream = torch.randn(12, 2, 3)  # (L, N, H_in), read in chunks of 4 steps

for detach in [False, True]:
    torch.manual_seed(0)
    lstm = nn.LSTM(3, 4)
    optimizer = torch.optim.SGD(lstm.parameters(), lr=0.1)
    state = None
    for k, chunk in enumerate(stream.split(4)):
        if detach and state is not None:
            state = tuple(s.detach() for s in state)
        output, state = lstm(chunk, state)
        loss = output.pow(2).mean()
        optimizer.zero_grad()
        try:
            loss.backward()
        except RuntimeError as e:
            print(f"detach={detach} chunk {k}: {type(e).__name__}: {e}")
            break
        optimizer.step()
        print(f"detach={detach} chunk {k}: loss", round(loss.item(), 4))
