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
`proj_size: null` and `nonlinearity: null` mean "not passed": GRU and RNN refuse
proj_size even as 0, LSTM and GRU refuse nonlinearity. A float with a whole value
(7.0) is written {"float": 7.0}: JSON readers in JavaScript would take 7.0 for the
int 7, and torch treats the two differently.

torch prints one warning only once per process: the CPU build's oneDNN note at
the forward pass of an LSTM with projections. A reader's script is a process of
its own, so each such configuration runs in a child forked from this process
before it has run anything in torch (`fresh`); the others run here, afterwards.
Configurations too large for memory (hidden_size=1000000) run on the meta device,
which gives every shape and parameter without allocating them.

Some cases also carry the URL `query` a reader may type; their configuration is
what this script reads from it (Python's True and False, Python's literals).
"""

from __future__ import annotations

import ast
import json
import os
import random
import re
import sys
import warnings
from urllib.parse import parse_qsl
from pathlib import Path

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "calculator" / "fixture.json"
MODULES = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}
DEFAULTS = dict(module="LSTM", input_size=3, hidden_size=4, num_layers=1, nonlinearity=None, bias=True,
                batch_first=False, dropout=0, bidirectional=False, proj_size=None,
                batch=2, seq_len=5, batched=True, lengths=None, enforce_sorted=True)
# Above this many parameters a configuration runs on the meta device.
META_ABOVE = 20_000_000


def shape(t) -> list[int]:
    return list(t.shape)


def fresh(config: dict) -> bool:
    """Whether `config` may print a warning torch prints once per process."""
    return config["module"] == "LSTM" and bool(config["proj_size"])


def ask_torch(config: dict) -> dict:
    """What torch does with `config`; in a fresh process where that matters."""
    return in_fresh_process(_ask_torch, config) if fresh(config) else _ask_torch(config)


def in_fresh_process(fn, arg):
    """fn(arg) in a child forked from this process, which has run nothing in torch."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        try:
            out = json.dumps({"ok": fn(arg)})
        except BaseException as e:  # noqa: BLE001 - reported to the parent
            out = json.dumps({"failed": f"{type(e).__name__}: {e}"})
        with os.fdopen(write, "w") as pipe:
            pipe.write(out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    answer = json.loads(text)
    if "failed" in answer:
        raise RuntimeError(f"{arg}: {answer['failed']}")
    return answer["ok"]


def _ask_torch(config: dict) -> dict:
    """Shapes and parameters, the error torch raises, or the calculator's refusal; every warning."""
    c = config
    kwargs = dict(bias=c["bias"], batch_first=c["batch_first"], dropout=c["dropout"],
                  bidirectional=c["bidirectional"])
    if c["proj_size"] is not None:
        kwargs["proj_size"] = c["proj_size"]
    if c["nonlinearity"] is not None:
        kwargs["nonlinearity"] = c["nonlinearity"]
    device = "cpu"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            count = sum(p.numel() for p in MODULES[c["module"]](
                c["input_size"], c["hidden_size"], c["num_layers"], **kwargs, device="meta").parameters())
            device = "meta" if count > META_ABOVE else "cpu"
        except Exception:
            pass  # the constructor raises: it raises the same on the CPU below
        caught.clear()
        try:
            rnn = MODULES[c["module"]](c["input_size"], c["hidden_size"], c["num_layers"], **kwargs,
                                       device=device)
            result = forward(rnn, c, device)
        except Exception as e:  # the calculator must show exactly this
            result = {"error": {"type": type(e).__name__, "message": str(e)}}
        told = [f"{w.category.__name__}: {w.message}" for w in caught]
    if device == "meta":
        result["on_meta"] = True
    return {**result, "warnings": told}


def unchecked(c: dict, packing_raised: bool) -> str | None:
    """Packed input that torch does not check: the calculator refuses it with its own message.

    torch checks lengths in pack_padded_sequence before it touches any data, so
    its own errors come first. What is left:
    - with enforce_sorted=False, torch sorts the lengths and picks the batch in
      that order (index_select) before any check: a longer list fails there with
      an indexing error that does not mention lengths (the only refusal where
      torch raises), a shorter one silently drops sequences;
    - a length beyond the padded tensor passes every check, and the RNN reads
      past the end of the data (pytorch/pytorch#146744).
    Unbatched input (L, H_in) is packed as if one of its axes were the batch,
    into 1-D data: nn.RNN and nn.GRU refuse it before reading it, nn.LSTM does
    not check it, and its kernel fails in ways that depend on the lengths.
    """
    lengths = c["lengths"]
    if c["batched"]:
        batch = c["batch"]
    else:
        batch = c["seq_len"] if c["batch_first"] else c["input_size"]
    if packing_raised:
        if not c["enforce_sorted"] and len(lengths) > batch:
            return "lengths_not_batch" if c["batched"] else "lengths_need_batch"
        return None
    if not c["batched"]:
        return "lengths_need_batch" if c["module"] == "LSTM" else None
    if not c["enforce_sorted"] and len(lengths) < batch:
        return "lengths_not_batch"
    if max(lengths) > c["seq_len"]:
        return "length_beyond_seq_len"
    return None


def forward(rnn: nn.RNNBase, c: dict, device: str) -> dict:
    lstm = isinstance(rnn, nn.LSTM)
    d = 2 if c["bidirectional"] else 1
    h_out = rnn.proj_size or rnn.hidden_size
    if not c["batched"]:
        x = torch.zeros(c["seq_len"], c["input_size"], device=device)
    elif c["batch_first"]:
        x = torch.zeros(c["batch"], c["seq_len"], c["input_size"], device=device)
    else:
        x = torch.zeros(c["seq_len"], c["batch"], c["input_size"], device=device)
    packed_in = None
    if c["lengths"] is not None:
        try:
            packed_in = pack_padded_sequence(x, c["lengths"], batch_first=c["batch_first"],
                                             enforce_sorted=c["enforce_sorted"])
        except Exception:
            if (refusal := unchecked(c, packing_raised=True)):
                return {"calculator_refuses": refusal}
            raise
        if (refusal := unchecked(c, packing_raised=False)):
            return {"calculator_refuses": refusal}  # no forward pass: it would read past the data
    out, state = rnn(x if packed_in is None else packed_in)
    h_n, c_n = state if lstm else (state, None)

    # The initial state a reader may pass: torch checks its shape strictly, so
    # passing zeros of the expected shape proves that shape.
    n = [c["batch"]] if c["batched"] else []
    h_0, c_0 = [d * c["num_layers"], *n, h_out], [d * c["num_layers"], *n, rnn.hidden_size]
    hx = (torch.zeros(h_0, device=device), torch.zeros(c_0, device=device)) if lstm else torch.zeros(h_0, device=device)
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
        # A length beyond L: torch's own checks come first (issue 21, class 1).
        {"lengths": [3, 6]}, {"lengths": [6, 2], "seq_len": 0}, {"lengths": [6, 0]}, {"lengths": [6, -1]},
        {"lengths": [6, 0], "enforce_sorted": False}, {"lengths": [6, 2], "batch": 3},
        {"lengths": [6, 2], "enforce_sorted": False}, {"lengths": [2, 6], "enforce_sorted": False},
        {"lengths": [6], "enforce_sorted": False}, {"lengths": [6], "enforce_sorted": False, "seq_len": 0},
        {"lengths": [0], "enforce_sorted": False}, {"lengths": [6, 3, 1], "enforce_sorted": False},
        {"lengths": [2, 1], "batch": 0, "enforce_sorted": False}, {"lengths": [], "enforce_sorted": False},
        {"lengths": [6, 2], "batch_first": True, "batch": 2, "seq_len": 0},
        # Unbatched input packs along one of its axes; the forward pass refuses the 1-D data.
        {"batched": False, "lengths": [5, 3, 2]}, {"batched": False, "lengths": [5, 3]},
        {"batched": False, "lengths": [5, 3, 2], "module": "GRU"}, {"batched": False, "lengths": [7, 3, 2], "module": "RNN"},
        {"batched": False, "lengths": [5, 3], "module": "GRU", "enforce_sorted": False},
        {"batched": False, "lengths": [3, 3], "batch_first": True, "enforce_sorted": False, "module": "RNN"},
        {"batched": False, "lengths": [7, 3, 2]}, {"batched": False, "lengths": [2, 3, 5]},
        {"batched": False, "lengths": [5, 3]}, {"batched": False, "lengths": [5, 3], "enforce_sorted": False},
        {"batched": False, "lengths": [5, 3, 2, 1], "enforce_sorted": False},
        {"batched": False, "lengths": [5, 4, 3, 2, 1], "batch_first": True},
        {"batched": False, "lengths": [3, 3], "batch_first": True, "enforce_sorted": False},
        {"batched": False, "lengths": [1], "seq_len": 0, "batch_first": True, "enforce_sorted": False},
        # Floats with a whole value are floats (class 2).
        {"input_size": 1.0}, {"hidden_size": 7.0}, {"hidden_size": 1e1}, {"input_size": -1.0},
        {"hidden_size": 7.0, "proj_size": 2}, {"module": "RNN", "input_size": 3.0, "hidden_size": 0},
        {"dropout": 1}, {"dropout": 1.0}, {"dropout": 0.0}, {"dropout": 1, "num_layers": 2}, {"dropout": 2},
        # oneDNN's note at the forward pass of an LSTM with projections (class 3).
        {"proj_size": 2, "batched": False}, {"proj_size": 2, "batch": 0}, {"proj_size": 2, "lengths": [5, 3]},
        {"proj_size": 1, "dropout": 0.5}, {"proj_size": 2, "seq_len": 0}, {"proj_size": 0, "batched": False},
        # nonlinearity (class 5).
        {"module": "RNN", "nonlinearity": "relu"}, {"module": "RNN", "nonlinearity": "tanh"},
        {"module": "RNN", "nonlinearity": "sigmoid"}, {"module": "RNN", "nonlinearity": "ReLU"},
        {"module": "RNN", "nonlinearity": "sigmoid", "proj_size": 2}, {"module": "RNN", "nonlinearity": "relu", "hidden_size": 0},
        {"module": "RNN", "nonlinearity": "relu", "bidirectional": True, "num_layers": 2, "lengths": [5, 2]},
        {"module": "LSTM", "nonlinearity": "relu"}, {"module": "GRU", "nonlinearity": "tanh"},
        {"module": "GRU", "nonlinearity": "tanh", "proj_size": 1}, {"module": "LSTM", "nonlinearity": "tanh", "hidden_size": 0},
        {"module": "RNN", "nonlinearity": "it's"},
        # Too large to allocate: shapes and parameters from the meta device (class 6).
        {"hidden_size": 1000000}, {"module": "RNN", "hidden_size": 1000000, "bidirectional": True},
        {"module": "GRU", "num_layers": 3, "hidden_size": 100000, "input_size": 1000000},
    ]
    return [{**DEFAULTS, **c} for c in cases]


# Addresses a reader may type or share, read by `read_query` (issue 21, class 4).
QUERIES = [
    "bias=True&bidirectional=True&batched=True", "bias=False&batch_first=True", "bias=false&bidirectional=true",
    "bias=0&bidirectional=1", "batched=False&batch_first=True", "enforce_sorted=False&lengths=3,5",
    "module=rnn&nonlinearity=sigmoid", "module=gru&nonlinearity=relu", "module=RNN&nonlinearity=relu&hidden_size=1e1",
    "input_size=1.0", "hidden_size=7.0", "dropout=1", "dropout=1.0&num_layers=2", "dropout=1e-5",
    "hiden_size=5&module=GRU", "lengths=6,2&seq_len=5", "lengths=6, 0", "module=lstm&proj_size=2&bidirectional=True",
]
BOOLEANS = {"True": True, "true": True, "1": True, "False": False, "false": False, "0": False}


def read_query(query: str) -> dict:
    """The configuration an address means, read as Python would read what is typed."""
    c = dict(DEFAULTS)
    for key, text in parse_qsl(query, keep_blank_values=True):
        if key not in c:
            continue  # the page names keys it does not know, and ignores them
        if isinstance(DEFAULTS[key], bool):
            c[key] = BOOLEANS[text]
        elif key == "module":
            c[key] = text.upper()
        elif key == "nonlinearity":
            c[key] = text or None
        elif key == "lengths":
            c[key] = [int(p) for p in re.split(r"[\s,]+", text) if p] if text.strip() else None
        elif key == "proj_size":
            c[key] = int(text) if text else None
        else:
            c[key] = ast.literal_eval(text)  # 7 is an int, 7.0 and 1e1 are floats
    return c


def sampled(n: int, seed: int = 2026) -> list[dict]:
    """Random configurations, mostly valid, with invalid values mixed in on purpose."""
    rng = random.Random(seed)

    def size(bad: tuple) -> int | float:
        return rng.choice(bad) if rng.random() < 0.06 else rng.randint(1, 9)

    cases = []
    for _ in range(n):
        module = rng.choice(list(MODULES))
        c = {**DEFAULTS, "module": module}
        c["input_size"] = size((0, -2, 2.5, 3.0))
        c["hidden_size"] = size((0, -1, 3.5, 5.0))
        c["num_layers"] = rng.choice([1, 1, 2, 2, 3, 4]) if rng.random() > 0.04 else rng.choice([0, -1])
        c["bias"], c["batch_first"], c["bidirectional"] = (rng.random() < p for p in (0.85, 0.5, 0.4))
        c["dropout"] = rng.choice([0] * 10 + [0.2, 0.5, 1.0, 0.05, -0.5, 2.0, 1, 0.0])
        hidden = c["hidden_size"] if isinstance(c["hidden_size"], int) else 4
        if module == "LSTM":
            c["proj_size"] = rng.choice([None, None, 0, rng.randint(1, max(1, hidden)), rng.choice([-1, hidden, hidden + 1])])
        else:
            c["proj_size"] = None if rng.random() < 0.92 else rng.choice([0, 2])
        if module == "RNN" and rng.random() < 0.5:
            c["nonlinearity"] = rng.choice(["tanh", "relu", "relu", "sigmoid"])
        elif rng.random() < 0.03:
            c["nonlinearity"] = "tanh"
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
    queries = [(q, read_query(q)) for q in QUERIES]
    for query, c in queries + [(None, c) for c in hand_picked() + sampled(620)]:
        key = json.dumps(c, sort_keys=True)
        if key not in seen or query is not None:
            seen.add(key)
            out.append({"config": c} | ({"query": query} if query else {}))
    # Forked cases first, while this process has run nothing in torch.
    for case in sorted(out, key=lambda case: not fresh(case["config"])):
        case["torch"] = ask_torch(case["config"])
    return [{"config": c["config"], "torch": c["torch"], **({"query": c["query"]} if "query" in c else {})}
            for c in out]


def floats_marked(value):
    """A float with a whole value as {"float": 7.0}, so that JavaScript can tell it from 7."""
    if isinstance(value, float) and value.is_integer():
        return {"float": value}
    if isinstance(value, dict):
        return {k: floats_marked(v) for k, v in value.items()}
    return value


def render() -> str:
    # One case per line: a change in torch shows up as a readable diff.
    body = ",\n".join(json.dumps({**c, "config": floats_marked(c["config"])}, ensure_ascii=False)
                       for c in cases())
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
