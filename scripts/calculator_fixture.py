"""Ask real torch what the shape calculator should answer, and write it down.

Builds `tests/calculator/fixture.json`: several hundred configurations of
nn.RNN / nn.LSTM / nn.GRU (valid and invalid), each run through torch exactly
as a reader would (module, zeros of the input shape, optionally packed, a
forward pass), with what torch answered: every shape and parameter, or the
error type and text, and every warning. The calculator's JavaScript module
(docs/assets/scripts/rnn_shapes.js) is tested against every line of it.

    python scripts/calculator_fixture.py           # rewrite the fixture
    python scripts/calculator_fixture.py --check   # exit 1 if it is out of date

The configuration keys are the calculator's (and the URL query's) names.
`proj_size: null` means "not passed": GRU and RNN refuse the argument even as 0.
"""

from __future__ import annotations

import json
import random
import sys
import warnings
from pathlib import Path

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "calculator" / "fixture.json"
MODULES = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}
DEFAULTS = dict(module="LSTM", input_size=3, hidden_size=4, num_layers=1, bias=True,
                batch_first=False, dropout=0.0, bidirectional=False, proj_size=None,
                batch=2, seq_len=5, batched=True, lengths=None, enforce_sorted=True)


def shape(t) -> list[int]:
    return list(t.shape)


def ask_torch(config: dict) -> dict:
    """What torch does with `config`: shapes and parameters, or the error it raises."""
    c = config
    kwargs = dict(bias=c["bias"], batch_first=c["batch_first"], dropout=c["dropout"],
                  bidirectional=c["bidirectional"])
    if c["proj_size"] is not None:
        kwargs["proj_size"] = c["proj_size"]
    # Only the constructor's warnings are recorded: the forward pass may add
    # backend notes (oneDNN, once per process) that say nothing about shapes.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            rnn = MODULES[c["module"]](c["input_size"], c["hidden_size"], c["num_layers"], **kwargs)
        except Exception as e:  # the calculator must show exactly this
            rnn, result = None, {"error": {"type": type(e).__name__, "message": str(e)}}
    told = [f"{w.category.__name__}: {w.message}" for w in caught]
    if rnn is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                result = forward(rnn, c)
            except Exception as e:
                result = {"error": {"type": type(e).__name__, "message": str(e)}}
        if (refusal := unchecked(c)):
            result["calculator_refuses"] = refusal
    return {**result, "warnings": told}


def unchecked(c: dict) -> str | None:
    """Packed input that torch does not check, so its answer depends on memory.

    The calculator refuses these with its own message instead of a shape:
    a length beyond the padded tensor (torch reads past its end, see
    pytorch/pytorch#146744), and, with enforce_sorted=False, a lengths list
    shorter or longer than the batch (torch reorders the batch by the lengths
    before it checks, so a short list silently drops sequences).
    """
    lengths = c["lengths"]
    if lengths is None or not c["batched"] or min(c["seq_len"], c["batch"]) < 0:
        return None  # not packed, or no input tensor to pack (torch.zeros refused it)
    if lengths and max(lengths) > c["seq_len"]:
        return "length_beyond_seq_len"
    if not c["enforce_sorted"] and len(lengths) != c["batch"]:
        return "lengths_not_batch"
    return None


def forward(rnn: nn.RNNBase, c: dict) -> dict:
    lstm = isinstance(rnn, nn.LSTM)
    d = 2 if c["bidirectional"] else 1
    h_out = rnn.proj_size or rnn.hidden_size
    if not c["batched"]:
        x = torch.zeros(c["seq_len"], c["input_size"])
    elif c["batch_first"]:
        x = torch.zeros(c["batch"], c["seq_len"], c["input_size"])
    else:
        x = torch.zeros(c["seq_len"], c["batch"], c["input_size"])
    packed_in = None
    if c["lengths"] is not None:
        packed_in = pack_padded_sequence(x, c["lengths"], batch_first=c["batch_first"],
                                         enforce_sorted=c["enforce_sorted"])
    out, state = rnn(x if packed_in is None else packed_in)
    h_n, c_n = state if lstm else (state, None)

    # The initial state a reader may pass: torch checks its shape strictly, so
    # passing zeros of the expected shape proves that shape.
    n = [c["batch"]] if c["batched"] else []
    h_0, c_0 = [d * c["num_layers"], *n, h_out], [d * c["num_layers"], *n, rnn.hidden_size]
    hx = (torch.zeros(h_0), torch.zeros(c_0)) if lstm else torch.zeros(h_0)
    rnn(x if packed_in is None else packed_in, hx)

    result = {
        "shapes": {
            "input": shape(x), "h_0": h_0, "c_0": c_0 if lstm else None,
            "output": shape(out.data if packed_in is not None else out),
            "h_n": shape(h_n), "c_n": shape(c_n) if lstm else None,
        },
        "params": [[name, shape(p)] for name, p in rnn.named_parameters()],
        "param_count": sum(p.numel() for p in rnn.parameters()),
        "packed": None,
    }
    if packed_in is not None:
        padded, _ = pad_packed_sequence(out, batch_first=c["batch_first"])
        result["packed"] = {"data": shape(packed_in.data), "batch_sizes": packed_in.batch_sizes.tolist(),
                            "padded_output": shape(padded)}
    return result


def hand_picked() -> list[dict]:
    """Cases named in the issue and the chapters, each changing the defaults a little."""
    cases = [
        {}, {"module": "GRU"}, {"module": "RNN"},
        {"batch_first": True}, {"batched": False}, {"batched": False, "batch_first": True},
        {"bidirectional": True, "num_layers": 2}, {"proj_size": 2}, {"proj_size": 2, "bidirectional": True, "num_layers": 3},
        {"lengths": [2, 1], "batch": 3, "enforce_sorted": False}, {"lengths": [2, 1, 1], "batch": 2, "enforce_sorted": False},
        {"proj_size": 0}, {"proj_size": 4}, {"proj_size": 5}, {"proj_size": -1},
        {"module": "GRU", "proj_size": 2}, {"module": "GRU", "proj_size": 0}, {"module": "RNN", "proj_size": 1},
        {"dropout": 0.5}, {"dropout": 0.5, "num_layers": 2}, {"dropout": 1.0, "num_layers": 2},
        {"dropout": 1.0}, {"dropout": 1e-05}, {"dropout": 0.1}, {"dropout": -0.1}, {"dropout": 1.5},
        {"dropout": 1.5, "num_layers": 1, "hidden_size": 0},
        {"hidden_size": 0}, {"hidden_size": -3}, {"input_size": 0}, {"input_size": -1}, {"num_layers": 0},
        {"num_layers": -2}, {"hidden_size": 2.5}, {"input_size": 3.5},
        {"dropout": 0.3, "hidden_size": 0}, {"proj_size": 2, "hidden_size": 0}, {"proj_size": -1, "hidden_size": 0},
        {"bias": False}, {"bias": False, "proj_size": 3, "bidirectional": True},
        {"seq_len": 0}, {"batch": 0}, {"batch": -1}, {"seq_len": -2}, {"batch": -1, "batched": False},
        {"seq_len": -1, "lengths": [2, 1]}, {"batch": -2, "lengths": [2, 1]}, {"batch": 0, "batch_first": True}, {"seq_len": 0, "batched": False},
        {"lengths": [5, 3]}, {"lengths": [3, 5]}, {"lengths": [3, 5], "enforce_sorted": False},
        {"lengths": [5, 3], "batch_first": True}, {"lengths": [5, 3, 1], "batch": 3, "bidirectional": True},
        {"lengths": [5]}, {"lengths": [5, 3, 2]}, {"lengths": [5, 0]}, {"lengths": [0, 5]},
        {"lengths": [0, 5], "enforce_sorted": False}, {"lengths": [5, -1]}, {"lengths": [4, 4]},
        {"lengths": [], "batch": 0}, {"lengths": [2, 1], "seq_len": 0},
        {"lengths": [6, 2]}, {"lengths": [2, 7], "enforce_sorted": False},
        {"module": "GRU", "lengths": [5, 2], "proj_size": 2},
    ]
    return [{**DEFAULTS, **c} for c in cases]


def sampled(n: int, seed: int = 2026) -> list[dict]:
    """Random configurations, mostly valid, with invalid values mixed in on purpose."""
    rng = random.Random(seed)

    def size(bad: tuple) -> int | float:
        return rng.choice(bad) if rng.random() < 0.06 else rng.randint(1, 9)

    cases = []
    for _ in range(n):
        module = rng.choice(list(MODULES))
        c = {**DEFAULTS, "module": module}
        c["input_size"] = size((0, -2, 2.5))
        c["hidden_size"] = size((0, -1, 3.5))
        c["num_layers"] = rng.choice([1, 1, 2, 2, 3, 4]) if rng.random() > 0.04 else rng.choice([0, -1])
        c["bias"], c["batch_first"], c["bidirectional"] = (rng.random() < p for p in (0.85, 0.5, 0.4))
        c["dropout"] = rng.choice([0.0] * 10 + [0.2, 0.5, 1.0, 0.05, -0.5, 2.0])
        hidden = c["hidden_size"] if isinstance(c["hidden_size"], int) else 4
        if module == "LSTM":
            c["proj_size"] = rng.choice([None, None, 0, rng.randint(1, max(1, hidden)), rng.choice([-1, hidden, hidden + 1])])
        else:
            c["proj_size"] = None if rng.random() < 0.92 else rng.choice([0, 2])
        c["batched"] = rng.random() < 0.85
        c["batch"] = rng.randint(1, 5) if rng.random() > 0.04 else 0
        c["seq_len"] = rng.randint(1, 7) if rng.random() > 0.04 else 0
        if c["batched"] and rng.random() < 0.4:
            count = c["batch"] if rng.random() > 0.08 else c["batch"] + rng.choice([-1, 1])
            top = max(c["seq_len"], 1)
            lengths = [rng.randint(1, top) for _ in range(max(count, 0))]
            if lengths and rng.random() < 0.1:
                lengths[rng.randrange(len(lengths))] = rng.choice([0, top + 1])
            if rng.random() < 0.6:
                lengths.sort(reverse=True)
            c["lengths"] = lengths
            c["enforce_sorted"] = rng.random() < 0.5
        cases.append(c)
    return cases


def cases() -> list[dict]:
    seen, out = set(), []
    for c in hand_picked() + sampled(620):
        key = json.dumps(c, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append({"config": c, "torch": ask_torch(c)})
    return out


def render() -> str:
    # One case per line: a change in torch shows up as a readable diff.
    body = ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases())
    return f'{{"torch": {json.dumps(torch.__version__)},\n"cases": [\n{body}\n]}}\n'


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if not FIXTURE.exists() or FIXTURE.read_text(encoding="utf-8") != text:
            print(f"{FIXTURE} is out of date: run `make outputs`", file=sys.stderr)
            return 1
        return 0
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(text, encoding="utf-8")
    data = json.loads(text)
    bad = sum("error" in c["torch"] for c in data["cases"])
    print(f"{FIXTURE.relative_to(Path.cwd()) if FIXTURE.is_relative_to(Path.cwd()) else FIXTURE}: "
          f"{len(data['cases'])} configurations, {bad} invalid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
