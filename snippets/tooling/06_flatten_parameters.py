import warnings

import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(3, 4, num_layers=2)
x = torch.randn(5, 2, 3)


def storages(module):  # how many separate blocks of memory hold the weights
    return len({p.untyped_storage().data_ptr() for p in module.parameters()})


print("on", x.device.type, "- parameters:", len(list(lstm.parameters())), "in", storages(lstm), "blocks")
lstm.flatten_parameters()
print("after flatten_parameters():", storages(lstm), "blocks")

# what breaks one chunk on a GPU: a parameter replaced after the module was built
with torch.no_grad():
    lstm.weight_hh_l0 = nn.Parameter(lstm.weight_hh_l0.clone())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    out, _ = lstm(x)
print("weight replaced, forward on a CPU: warnings:", [str(w.message) for w in caught])
