"""The shape calculator answers what torch answers.

- The fixture is what torch says now (regenerated and compared).
- The JavaScript module agrees with every configuration of the fixture (Node's
  test runner, tests/calculator/).
- The page, in Chromium, shows the same answers for a sample of the fixture,
  in both languages, read from the URL query; typing updates results and the
  query; the keyboard reaches every field in order; errors are announced.
"""

import json
import shutil
import subprocess
import sys
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe

from pages import ROOT
import website
from website import AXE_OPTIONS, Visit

FIXTURE = ROOT / "tests" / "calculator" / "fixture.json"
CASES = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]
# Every 13th case (about 50, valid and invalid, spread over the fixture) and every
# case the calculator refuses. An empty `lengths` list cannot be typed (an empty field
# means "not packed"), so those cases stay with the Node tests.
SAMPLE = [c for i, c in enumerate(CASES)
          if (i % 13 == 0 or c["torch"].get("calculator_refuses")) and c["config"]["lengths"] != []]
REFUSAL_STATUS = {"en": "Refused: torch would not check this input.", "ko": "거부: torch가 검사하지 않는 입력입니다."}


def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.fail("node not found: the calculator's tests need Node.js 18 or newer (`make test` installs Debian's nodejs when run as root)", pytrace=False)
    return path


def test_fixture_is_what_torch_says_now():
    done = subprocess.run([sys.executable, "scripts/calculator_fixture.py", "--check"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_sample_has_valid_invalid_and_refused_cases():
    kinds = {"refused" if c["torch"].get("calculator_refuses") else "error" if c["torch"].get("error") else "ok"
             for c in SAMPLE}
    assert kinds == {"ok", "error", "refused"}, kinds
    assert any(c["torch"]["warnings"] for c in SAMPLE)
    assert any(c["torch"].get("packed") for c in SAMPLE)


def test_module_agrees_with_torch_on_every_configuration():
    done = subprocess.run([node(), "--test", "tests/calculator/"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


# Every fixture configuration turned into the Python the page shows for it, by the module itself.
CODE_DUMP = """
import { readFileSync } from "node:fs";
import { pythonCode } from "./docs/assets/scripts/rnn_shapes.js";
const { cases } = JSON.parse(readFileSync("tests/calculator/fixture.json", "utf8"));
process.stdout.write(JSON.stringify(cases.map((c) => pythonCode(c.config))));
"""


def test_the_python_shown_reproduces_torch_for_every_configuration():
    """The page shows a script for the configuration; run, it gives torch's answer from the fixture."""
    import contextlib
    import io
    import warnings

    done = subprocess.run([node(), "--input-type=module", "-e", CODE_DUMP], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    codes = json.loads(done.stdout)
    wrong = []
    for i, (case, code) in enumerate(zip(CASES, codes, strict=True)):
        t = case["torch"]
        if t.get("calculator_refuses"):
            continue  # the page shows no script for input torch does not check
        scope, raised = {}, None
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("always")
            try:
                exec(compile(code, f"<calculator case {i}>", "exec"), scope)
            except Exception as e:
                raised = {"type": type(e).__name__, "message": str(e)}
        said = [f"{w.category.__name__}: {w.message}" for w in caught if "dropout option" in str(w.message)]
        if t.get("error"):
            got = {"error": raised}
            want = {"error": t["error"]}
        else:
            packed = "packed" in scope
            got = {"error": raised} if raised else {
                "input": list(scope["x"].shape),
                "output": list((scope["output"].data if packed else scope["output"]).shape),
                "h_n": list(scope["h_n"].shape),
                "c_n": list(scope["c_n"].shape) if "c_n" in scope else None,
                "params": [[n, list(p.shape)] for n, p in scope["rnn"].named_parameters()],
                "batch_sizes": scope["packed"].batch_sizes.tolist() if packed else None,
            }
            want = {"input": t["shapes"]["input"], "output": t["shapes"]["output"], "h_n": t["shapes"]["h_n"],
                    "c_n": t["shapes"]["c_n"], "params": t["params"],
                    "batch_sizes": t["packed"]["batch_sizes"] if t["packed"] else None}
        got["warnings"], want["warnings"] = said, t["warnings"]
        if got != want:
            wrong.append(f"case {i}:\n{code}\n  ran:     {got}\n  fixture: {want}")
    assert not wrong, f"{len(wrong)} scripts disagree with torch's recorded answer; first:\n" + "\n".join(wrong[:2])


def query(config: dict) -> str:
    """The URL query the page reads for a fixture configuration."""
    values = {}
    for name, value in config.items():
        if isinstance(value, bool):
            values[name] = "1" if value else "0"
        elif value is None:
            values[name] = ""
        elif name == "lengths":
            values[name] = ", ".join(map(str, value))
        else:
            values[name] = str(value)  # a float as Python prints it: 1e-05, 0.5
    return urlencode(values)


def fmt(shape) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else "(" + ", ".join(map(str, shape)) + ")"


def shown(page) -> dict:
    """What the page shows: status, the list under the form, visible rows, parameters."""
    return page.evaluate("""() => {
        const root = document.querySelector('[data-calc=root]');
        const results = root.querySelector('[data-calc=results]');
        const rows = {};
        for (const tr of root.querySelectorAll('tr[data-row]')) {
            if (!tr.hidden) rows[tr.dataset.row] = tr.querySelector('[data-shape]').textContent;
        }
        return {
            status: root.querySelector('[data-calc=status]').textContent,
            problems: [...root.querySelectorAll('[data-calc=problems] li')].map((li) => [li.className, li.textContent]),
            results: !results.hidden,
            rows,
            params: [...root.querySelectorAll('[data-calc=params] tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
            count: root.querySelector('[data-calc=count]').textContent,
        };
    }""")


def expected_view(case: dict) -> dict:
    t = case["torch"]
    warnings = [["calc-warning", w] for w in t["warnings"]]
    if t.get("calculator_refuses"):
        return {"results": False, "problems": warnings + [["calc-error", None]]}
    if t.get("error"):
        return {"results": False, "problems": warnings + [["calc-error", f"{t['error']['type']}: {t['error']['message']}"]]}
    rows = {name: fmt(shape) for name, shape in t["shapes"].items() if shape is not None}
    if t["packed"]:
        rows |= {"packed_data": fmt(t["packed"]["data"]), "padded_output": fmt(t["packed"]["padded_output"]),
                 "batch_sizes": "[" + ", ".join(map(str, t["packed"]["batch_sizes"])) + "]"}
    return {"results": True, "problems": warnings, "rows": rows,
            "params": [[name, fmt(shape)] for name, shape in t["params"]], "count": f"{t['param_count']:,}"}


def open_calculator(chromium, server, lang: str, search: str = "") -> Visit:
    visit = Visit(chromium, server, website.LANGS[lang] + "calculator/" + search)
    visit.page.wait_for_selector("[data-calc=root][data-ready]")
    return visit


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_shows_what_torch_said_for_a_sample(chromium, server, lang):
    visit = open_calculator(chromium, server, lang)
    wrong = []
    try:
        for i, case in enumerate(SAMPLE):
            visit.page.goto(f"{visit.url}?{query(case['config'])}")
            visit.page.wait_for_selector("[data-calc=root][data-ready]")
            got, want = shown(visit.page), expected_view(case)
            if case["torch"].get("calculator_refuses"):
                got["problems"] = [[cls, None if cls == "calc-error" else text] for cls, text in got["problems"]]
                if got["status"] != REFUSAL_STATUS[lang]:
                    wrong.append(f"case {CASES.index(case)}: status {got['status']!r}")
            got = {k: got[k] for k in want}
            if got != want:
                wrong.append(f"case {CASES.index(case)} {case['config']}:\n  page:  {got}\n  torch: {want}")
        # Moving on to the next case cancels the search index still loading: not a fault.
        problems = [p for p in visit.problems if "net::ERR_ABORTED" not in p]
        assert not problems, problems
    finally:
        visit.close()
    assert not wrong, f"{len(wrong)} of {len(SAMPLE)} differ:\n" + "\n".join(wrong[:3])


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_typing_updates_results_and_the_link(chromium, server, lang):
    visit = open_calculator(chromium, server, lang)
    page = visit.page
    try:
        page.get_by_label("nn.GRU").check()
        page.locator("#calc-num_layers").fill("2")
        page.get_by_label("bidirectional=True").check()
        assert shown(page)["rows"]["h_n"] == "(4, 2, 4)"
        assert page.evaluate("location.search") == "?module=GRU&num_layers=2&bidirectional=1"
        code = page.locator("[data-calc=code]")
        assert code.is_visible() and "rnn = nn.GRU(3, 4, num_layers=2, bidirectional=True)" in code.text_content()
        # The link alone brings the same configuration back.
        page.goto(page.url)
        page.wait_for_selector("[data-calc=root][data-ready]")
        assert shown(page)["rows"]["h_n"] == "(4, 2, 4)"

        page.locator("#calc-hidden_size").fill("four")
        view = shown(page)
        assert not view["results"]
        assert view["problems"] == [["", {"en": "hidden_size: “four” is not a number.",
                                          "ko": "hidden_size: “four”은(는) 숫자가 아닙니다."}[lang]]]
        assert not code.is_visible(), "a script is shown for input that is not a configuration"
        field = page.locator("#calc-hidden_size")
        assert field.get_attribute("aria-invalid") == "true"
        assert field.get_attribute("aria-describedby") == "calc-problem-hidden_size"
        page.locator("#calc-hidden_size").fill("")
        assert "hidden_size" in shown(page)["problems"][0][1]

        page.locator("#calc-hidden_size").fill("4")
        page.locator("#calc-proj_size").fill("2")  # on a GRU: torch refuses
        assert shown(page)["problems"] == [["calc-error", "ValueError: proj_size argument is only supported for LSTM, not RNN or GRU"]]
        assert page.get_by_role("status").text_content().startswith({"en": "torch raises ValueError", "ko": "torch가 ValueError"}[lang])
        results = Axe().run(page, options=AXE_OPTIONS)  # the error state is accessible too
        assert results.response["violations"] == [], results.generate_report()

        page.get_by_role("button").filter(has_text={"en": "Reset", "ko": "초기화"}[lang]).click()
        page.wait_for_function("location.search === ''")
        assert shown(page)["rows"]["output"] == "(5, 2, 4)"
        assert not visit.problems, visit.problems
    finally:
        visit.close()


def test_keyboard_reaches_every_field_in_order(chromium, server):
    visit = open_calculator(chromium, server, "en")
    page = visit.page
    try:
        page.locator("input[name=module]:checked").focus()
        order = []
        for _ in range(14):
            order.append(page.evaluate("document.activeElement.name || document.activeElement.type"))
            page.keyboard.press("Tab")
        # Radios are one tab stop; arrow keys move inside the group.
        assert order == ["module", "input_size", "hidden_size", "num_layers", "proj_size", "dropout", "bias",
                         "bidirectional", "batch_first", "batched", "batch", "seq_len", "lengths", "enforce_sorted"]
        page.locator("input[name=module]:checked").focus()
        page.keyboard.press("ArrowRight")  # LSTM -> GRU
        assert page.evaluate("location.search") == "?module=GRU"
    finally:
        visit.close()


def test_unknown_module_in_a_link_is_reported(chromium, server):
    visit = open_calculator(chromium, server, "en", "?module=Transformer")
    try:
        assert shown(visit.page)["problems"] == [["", "module: “Transformer” is not one of RNN, LSTM, GRU."]]
    finally:
        visit.close()
