import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(5, 3, 4)  # (L, N, H_in)

for module_cls, cell_cls in [(nn.RNN, nn.RNNCell), (nn.LSTM, nn.LSTMCell), (nn.GRU, nn.GRUCell)]:
    module = module_cls(4, 6)
    cell = cell_cls(4, 6)
    cell.load_state_dict({k.removesuffix("_l0"): v for k, v in module.state_dict().items()})

    output, _ = module(x)
    state, steps = None, []
    for x_t in x:  # (N, H_in)
        state = cell(x_t, state)
        steps.append(state[0] if module_cls is nn.LSTM else state)
    print(f"{module_cls.__name__:4}", torch.allclose(output, torch.stack(steps), atol=1e-6))
