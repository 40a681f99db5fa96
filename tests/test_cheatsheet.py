"""Every cell of the cheat sheet is what torch does, in both languages.

The tables are written in the pages (readable, translated headers); this test
reads them back and evaluates each code cell under many configurations:
shapes as tuples of the page's symbols, the equalities of `output` and `h_n`,
each parameter's shape (every parameter torch creates must be covered by a
row), the gate order (recomputing one step by hand in that order), and the
shapes of packed input. Both languages must have the same code in the same
cells.
"""

import itertools
import re

import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from pages import DOCS, LANGS
import website
from website import Visit
from pages import tables as page_tables

# A CPU backend note torch prints once per process; it says nothing about shapes.
pytestmark = pytest.mark.filterwarnings("ignore:LSTM with projections is not supported with oneDNN")

PAGES = {lang: DOCS / lang / "cheatsheet.md" for lang in LANGS}
CODE = re.compile(r"`([^`]+)`")
GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}
L, N, H_IN, H = 4, 3, 5, 7  # distinct, so a swapped symbol shows


def tables(lang: str) -> dict[str, list[list[str]]]:
    """Heading id -> rows (header first) of the Markdown table under it."""
    return {t.heading: [t.header] + [cells for _, cells in t.rows] for t in page_tables(PAGES[lang])}


def code(cell: str) -> list[str]:
    return CODE.findall(cell)


def evaluate(expr: str, env: dict):
    return eval(expr, {"__builtins__": {}, "sum": sum, "max": max}, env)


def configs():
    for module, bidir, layers in itertools.product(GATES, (False, True), (1, 2)):
        for proj in ((0, 2) if module == "LSTM" else (0,)):
            yield module, bidir, layers, proj


CONFIGS = list(configs())


def make(module, bidir, layers, proj, **kw):
    torch.manual_seed(0)
    extra = {"proj_size": proj} if proj else {}
    return getattr(nn, module)(H_IN, H, layers, bidirectional=bidir, **extra, **kw)


def symbols(module, bidir, layers, proj) -> dict:
    return {"L": L, "N": N, "H_in": H_IN, "H": H, "H_out": proj or H, "D": 2 if bidir else 1,
            "num_layers": layers, "G": GATES[module]}


def test_both_languages_have_the_same_code_in_every_table():
    a, b = tables("ko"), tables("en")
    assert list(a) == list(b), f"tables under different headings: {list(a)} vs {list(b)}"
    for heading in a:
        ko, en = ([[code(c) for c in row] for row in t[heading][1:]] for t in (a, b))  # headers are prose
        assert ko == en, f"#{heading}: the code in the cells differs between ko and en"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: "-".join(map(str, c)))
def test_tensor_shapes(lang, config):
    header, *rows = tables(lang)["tensors"]
    assert code(header[1]) == ["batch_first=False"] and code(header[2]) == ["batch_first=True"], header
    row_of = {name: row for row in rows for name in code(row[0])}
    assert set(row_of) == {"input", "h_0", "h_n", "c_0", "c_n", "output"}, set(row_of)
    lstm = config[0] == "LSTM"
    env = symbols(*config)
    for column, layout in ((1, False), (2, True), (3, None)):  # the last column: unbatched
        def page(name):
            return evaluate(code(row_of[name][column])[0], env)

        rnn = make(*config, batch_first=bool(layout))
        x = torch.randn(page("input"))
        out, state = rnn(x)
        h_n, c_n = state if lstm else (state, None)
        assert x.dim() == (2 if layout is None else 3) and x.shape[-1] == H_IN
        for name, tensor in (("output", out), ("h_n", h_n)) + ((("c_n", c_n),) if lstm else ()):
            assert tuple(tensor.shape) == page(name), \
                f"{lang} #tensors {name}, {header[column]}: page {page(name)}, torch {tuple(tensor.shape)}"
        # torch refuses an initial state of any other shape than the one it expects
        h_0 = torch.zeros(page("h_0"))
        rnn(x, (h_0, torch.zeros(page("c_0"))) if lstm else h_0)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: "-".join(map(str, c)))
def test_final_states_inside_output(lang, config):
    _, *rows = tables(lang)["final-states"]
    module, bidir, layers, proj = config
    env0 = symbols(*config)
    for row in rows:
        layout, this, relation, that = code(row[0]), code(row[1])[0], row[2], code(row[3])[0]
        layouts = (False, True) if not layout else (layout[0] == "True",)
        if "H_out:" in this and not bidir:
            continue  # "the rows with H_out: apply with bidirectional=True"
        for batch_first in layouts:
            rnn = make(*config, batch_first=batch_first)
            out, state = rnn(torch.randn((N, L, H_IN) if batch_first else (L, N, H_IN)))
            env = {**env0, "output": out, "h_n": state[0] if module == "LSTM" else state}
            equal = torch.equal(evaluate(this, env), evaluate(that, env))
            assert equal == (relation == "="), f"{lang} #final-states: {this} {relation} {that} is false for {config}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("bias", (True, False))
@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: "-".join(map(str, c)))
def test_parameter_shapes(lang, config, bias):
    _, *rows = tables(lang)["parameters"]
    env = symbols(*config)
    patterns = []
    for row in rows:
        for name in code(row[0]):
            if name.startswith(("weight", "bias")):
                regex = re.escape(name).replace("_lk", r"_l(?P<k>\d+)") + "(_reverse)?"
                patterns.append((name, re.compile(regex), code(row[1])[0]))
    for name, p in make(*config, bias=bias).named_parameters():
        exact = [pt for pt in patterns if pt[1].fullmatch(name) and "k" not in pt[1].groupindex]
        matches = exact or [pt for pt in patterns if pt[1].fullmatch(name)]
        assert matches, f"{lang} #parameters: no row covers {name}"
        row_name, _, shape = matches[0]
        assert tuple(p.shape) == evaluate(shape, env), f"{lang} #parameters {row_name}: page {shape}, torch {name} {tuple(p.shape)}"


def lstm_step(gates_order, rnn, x, h, c):
    w_ih, w_hh, b = rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0 + rnn.bias_hh_l0
    z = dict(zip(gates_order, (x @ w_ih.T + h @ w_hh.T + b).chunk(4, -1)))
    c = torch.sigmoid(z["f"]) * c + torch.sigmoid(z["i"]) * torch.tanh(z["g"])
    return torch.sigmoid(z["o"]) * torch.tanh(c)


def gru_step(gates_order, rnn, x, h):
    gi = dict(zip(gates_order, (x @ rnn.weight_ih_l0.T + rnn.bias_ih_l0).chunk(3, -1)))
    gh = dict(zip(gates_order, (h @ rnn.weight_hh_l0.T + rnn.bias_hh_l0).chunk(3, -1)))
    r, z = torch.sigmoid(gi["r"] + gh["r"]), torch.sigmoid(gi["z"] + gh["z"])
    n = torch.tanh(gi["n"] + r * gh["n"])
    return (1 - z) * n + z * h


@pytest.mark.parametrize("lang", LANGS)
def test_gate_order(lang):
    _, *rows = tables(lang)["gate-order"]
    order = {code(row[0])[0]: [g.strip() for g in code(row[1])[0].split(",")] for row in rows}
    assert set(order) == {"nn.LSTM", "nn.GRU"}
    torch.manual_seed(0)
    x, h, c = torch.randn(N, H_IN), torch.randn(N, H), torch.randn(N, H)
    lstm, gru = nn.LSTM(H_IN, H), nn.GRU(H_IN, H)
    with torch.no_grad():
        _, (h1, _) = lstm(x[None], (h[None], c[None]))
        assert torch.allclose(lstm_step(order["nn.LSTM"], lstm, x, h, c), h1[0], atol=1e-6), f"{lang}: LSTM order {order['nn.LSTM']}"
        _, h1 = gru(x[None], h[None])
        assert torch.allclose(gru_step(order["nn.GRU"], gru, x, h), h1[0], atol=1e-6), f"{lang}: GRU order {order['nn.GRU']}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: "-".join(map(str, c)))
def test_packed_shapes(lang, config):
    _, *rows = tables(lang)["packed"]
    lengths = [L, L - 1, 2]
    env = {**symbols(*config), "lengths": lengths}
    for batch_first in (False, True):
        rnn = make(*config, batch_first=batch_first)
        x = torch.randn((N, L, H_IN) if batch_first else (L, N, H_IN))
        packed = pack_padded_sequence(x, lengths, batch_first=batch_first)
        output, state = rnn(packed)
        h_n = state[0] if config[0] == "LSTM" else state
        actual = {
            "packed.data": packed.data.shape, "packed.batch_sizes": packed.batch_sizes.shape,
            "output.data": output.data.shape, "pad_packed_sequence(output)[0]": pad_packed_sequence(output)[0].shape,
            "pad_packed_sequence(output, batch_first=True)[0]": pad_packed_sequence(output, batch_first=True)[0].shape,
            "h_n": h_n.shape,
        }
        for row in rows:
            name, expected = code(row[0])[0], evaluate(code(row[1])[0], env)
            assert tuple(actual[name]) == expected, f"{lang} #packed {name}: page {expected}, torch {tuple(actual[name])}"


def test_a_wrong_cell_is_caught(monkeypatch):
    """The checker is not vacuous: a page that says `(N, L, H_in)` for time-major input fails."""
    real = tables

    def broken(lang):
        t = real(lang)
        t["tensors"][1][1] = "`(N, L, H_in)`"
        return t

    monkeypatch.setitem(globals(), "tables", broken)
    # torch takes the swapped input (only the last axis is checked); the output then disagrees
    with pytest.raises(AssertionError, match="#tensors output"):
        test_tensor_shapes("en", CONFIGS[0])


@pytest.mark.parametrize("lang", LANGS)
def test_printout_leaves_out_the_navigation(chromium, server, lang):
    """The page says it prints without the navigation: check it in Chromium's print mode."""
    visit = Visit(chromium, server, website.LANGS[lang] + "cheatsheet/")
    try:
        page = visit.page
        page.emulate_media(media="print")
        shown = [s for s in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary") if page.is_visible(s)]
        assert not shown, f"printed with {shown}"
        assert page.locator("article table").first.is_visible()
    finally:
        visit.close()
