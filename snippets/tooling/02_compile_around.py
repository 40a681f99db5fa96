import torch
import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Sequential(nn.Embedding(20, 8), nn.Linear(8, 8), nn.Tanh())
        self.gru = nn.GRU(8, 6, batch_first=True)
        self.head = nn.Sequential(nn.Linear(6, 6), nn.ReLU(), nn.Linear(6, 3))

    def forward(self, tokens):  # (N, L) token ids
        out, _ = self.gru(self.embed(tokens))
        return self.head(out)  # (N, L, 3)


graphs = []


def counting_backend(gm, example_inputs):  # counts the graphs torch.compile captures, runs each as is
    graphs.append(gm)
    return gm.forward


torch.manual_seed(0)
model = Tagger().eval()
tokens = torch.randint(0, 20, (2, 5))
with torch.no_grad():
    eager = model(tokens)
    whole = torch.compile(model, backend=counting_backend)(tokens)
    print("whole model, no fullgraph:", len(graphs), "graphs captured; equal eager:",
          torch.allclose(whole, eager, atol=1e-6))

    # compile around the recurrent layer: the parts before and after it, each a full graph
    graphs.clear()
    torch._dynamo.reset()  # forget the code the whole-model run marked to run eagerly
    for name in ["embed", "head"]:
        part = getattr(model, name)
        torch.compile(part, fullgraph=True, backend=counting_backend)(
            tokens if name == "embed" else torch.zeros(2, 5, 6))
    print("parts around the GRU:", len(graphs), "graphs captured")
    # aot_eager: Dynamo and AOTAutograd without inductor, whose generated C++ depends on the CPU
    model.embed = torch.compile(model.embed, fullgraph=True, backend="aot_eager")
    model.head = torch.compile(model.head, fullgraph=True, backend="aot_eager")
    print("parts around the GRU, compiled with aot_eager: equal eager:",
          torch.allclose(model(tokens), eager, atol=1e-6))
