import logging
import warnings

import onnxruntime
import torch
import torch.nn as nn
from torch.export import Dim
from torch.nn.utils.rnn import pack_padded_sequence

logging.getLogger("torch.onnx").setLevel(logging.ERROR)  # keeps its notes about torchvision off stderr


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 4, batch_first=True)

    def forward(self, x):  # (N, L, H_in)
        out, (h_n, c_n) = self.lstm(x)
        return out, h_n


class PackedEncoder(Encoder):
    def forward(self, x, lengths):
        out, (h_n, c_n) = self.lstm(pack_padded_sequence(x, lengths, batch_first=True))
        return h_n


torch.manual_seed(0)
model = Encoder().eval()
x = torch.randn(2, 5, 3)
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")
    onnx_program = torch.onnx.export(model, (x,), dynamo=True, verbose=False,
                                     dynamic_shapes={"x": {0: Dim("N")}})
graph = onnx_program.model_proto.graph
print("ONNX nodes named LSTM:", [n.op_type for n in graph.node].count("LSTM"))
session = onnxruntime.InferenceSession(onnx_program.model_proto.SerializeToString(),
                                       providers=["CPUExecutionProvider"])
print("input:", [(i.name, i.shape) for i in session.get_inputs()])
y = torch.randn(6, 5, 3)
out, h_n = session.run(None, {"x": y.numpy()})
out_t, h_n_t = model(y)
print("onnxruntime, N = 6: output, h_n equal PyTorch:",
      [torch.allclose(torch.from_numpy(a), b, atol=1e-6) for a, b in [(out, out_t), (h_n, h_n_t)]])

with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")
    try:  # sorted lengths, enforce_sorted=True as the docs ask for ONNX
        torch.onnx.export(PackedEncoder().eval(), (x, torch.tensor([5, 3])), dynamo=True, verbose=False)
    except Exception as e:
        print("packed:", type(e).__name__ + ":", str(e).split(" This is step")[0].split("\x1b")[0].strip())
        cause = e.__cause__
        print("  caused by", type(cause).__name__ + ":", str(cause).splitlines()[0])
