"""The shape calculator answers what torch answers.

- The fixture is what torch says now (regenerated and compared).
- The JavaScript module agrees with every configuration of the fixture (Node's
  test runner, tests/calculator/).
- The page, in Chromium, shows the same answers for a sample of the fixture,
  in both languages, read from the URL query (and every address the fixture
  holds, as a reader types it); typing updates results and the query; the
  keyboard reaches every field in order; errors are announced; fields that do
  not apply are greyed out with the reason; the status keeps its place on a
  phone; the Python shown is coloured.
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
ONEDNN = "UserWarning: LSTM with projections is not supported with oneDNN."
# Every 13th case (about 60, valid and invalid, spread over the fixture), every case
# the calculator refuses, every address, and every case with the oneDNN warning. An
# empty `lengths` list cannot be typed (an empty field means "not packed"), so those
# cases stay with the Node tests.
SAMPLE = [c for i, c in enumerate(CASES)
          if (i % 13 == 0 or c["torch"].get("calculator_refuses") or c.get("query")
              or any(w.startswith(ONEDNN) for w in c["torch"]["warnings"])) and c["config"]["lengths"] != []]
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
        if t.get("calculator_refuses") or t.get("on_meta"):
            continue  # no script for input torch does not check; none run for terabytes of parameters
        scope, raised = {}, None
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("always")
            try:
                exec(compile(code, f"<calculator case {i}>", "exec"), scope)
            except Exception as e:
                raised = {"type": type(e).__name__, "message": str(e)}
        # torch prints the oneDNN warning once per process: the next test runs those in fresh ones.
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
        got["warnings"], want["warnings"] = said, [w for w in t["warnings"] if not w.startswith(ONEDNN)]
        if got != want:
            wrong.append(f"case {i}:\n{code}\n  ran:     {got}\n  fixture: {want}")
    assert not wrong, f"{len(wrong)} scripts disagree with torch's recorded answer; first:\n" + "\n".join(wrong[:2])


FRESH_RUN = """
import contextlib, io, json, sys, warnings
sys.path.insert(0, "scripts")
from calculator_fixture import in_fresh_process

def run(code):
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("always")
        exec(compile(code, "<calculator>", "exec"), {})
    return [f"{w.category.__name__}: {w.message}" for w in caught]

print(json.dumps([in_fresh_process(run, code) for code in json.load(sys.stdin)]))
"""


def test_the_python_shown_prints_what_torch_warned_in_a_fresh_process():
    """Each LSTM with projections that torch answered: its script, alone in a process, warns as recorded."""
    done = subprocess.run([node(), "--input-type=module", "-e", CODE_DUMP], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    picked = [(case, code) for case, code in zip(CASES, json.loads(done.stdout), strict=True)
              if case["config"]["module"] == "LSTM" and case["config"]["proj_size"] and "shapes" in case["torch"]]
    assert any(any(w.startswith(ONEDNN) for w in case["torch"]["warnings"]) for case, _ in picked)
    ran = subprocess.run([sys.executable, "-c", FRESH_RUN], cwd=ROOT, input=json.dumps([code for _, code in picked]),
                         capture_output=True, text=True, timeout=240)
    assert ran.returncode == 0, ran.stderr[-3000:]
    wrong = [f"{case['config']}\n  ran:     {said}\n  fixture: {case['torch']['warnings']}"
             for (case, _), said in zip(picked, json.loads(ran.stdout), strict=True) if said != case["torch"]["warnings"]]
    assert not wrong, f"{len(wrong)} of {len(picked)} differ; first:\n" + "\n".join(wrong[:3])


def python_literal(value) -> str:
    """A fixture value as a reader types it: 7, 7.0 for {"float": 7.0}, 1e-05."""
    return repr(value["float"]) if isinstance(value, dict) else str(value)


def query(case: dict) -> str:
    """The URL query the page reads for a fixture case: the reader's own, or one written from the configuration."""
    if case.get("query"):
        return case["query"]
    values = {}
    for name, value in case["config"].items():
        if isinstance(value, bool):
            values[name] = "True" if value else "False"
        elif value is None:
            values[name] = ""
        elif name == "lengths":
            values[name] = ", ".join(map(str, value))
        else:
            values[name] = python_literal(value)  # a float as Python prints it: 1e-05, 0.5, 7.0
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
            // an item's own text, without the note the page adds under a warning
            problems: [...root.querySelectorAll('[data-calc=problems] li')].map((li) => [li.className, li.firstChild.textContent]),
            notes: [...root.querySelectorAll('[data-calc=problems] li .calc-note')].map((p) => p.textContent),
            state: root.querySelector('[data-calc=status]').dataset.state,
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
        return {"results": False, "state": "refused", "problems": warnings + [["calc-error", None]]}
    if t.get("error"):
        return {"results": False, "state": "error",
                "problems": warnings + [["calc-error", f"{t['error']['type']}: {t['error']['message']}"]]}
    rows = {name: fmt(shape) for name, shape in t["shapes"].items() if shape is not None}
    if t["packed"]:
        rows |= {"packed_data": fmt(t["packed"]["data"]), "padded_output": fmt(t["packed"]["padded_output"]),
                 "batch_sizes": "[" + ", ".join(map(str, t["packed"]["batch_sizes"])) + "]"}
    return {"results": True, "state": "ok", "problems": warnings, "rows": rows,
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
            visit.page.goto(f"{visit.url}?{query(case)}")
            visit.page.wait_for_selector("[data-calc=root][data-ready]")
            got, want = shown(visit.page), expected_view(case)
            onednn = sum(w.startswith(ONEDNN) for w in case["torch"]["warnings"])
            if len(got["notes"]) != onednn:
                wrong.append(f"case {CASES.index(case)}: {len(got['notes'])} notes on the build's warning, {onednn} expected")
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
        page.get_by_role("radio", name="nn.GRU").check()
        page.locator("#calc-num_layers").fill("2")
        page.get_by_label("bidirectional=True").check()
        assert shown(page)["rows"]["h_n"] == "(4, 2, 4)"
        assert page.evaluate("location.search") == "?module=GRU&num_layers=2&bidirectional=True"
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
        assert page.locator("#calc-proj_size").is_disabled(), "proj_size is live on a GRU"
        page.get_by_role("radio", name="nn.LSTM").check()
        page.locator("#calc-proj_size").fill("2")
        page.get_by_role("radio", name="nn.GRU").check()  # proj_size holds a value: torch gets it, and refuses
        assert page.locator("#calc-proj_size").is_enabled()
        assert shown(page)["problems"] == [["calc-error", "ValueError: proj_size argument is only supported for LSTM, not RNN or GRU"]]
        assert page.get_by_role("status").text_content().startswith({"en": "torch raises ValueError", "ko": "torch가 ValueError"}[lang])
        assert shown(page)["state"] == "error"
        results = Axe().run(page, options=AXE_OPTIONS)  # the error state is accessible too
        assert results.response["violations"] == [], results.generate_report()

        page.get_by_role("button").filter(has_text={"en": "Reset", "ko": "기본값으로 되돌리기"}[lang]).click()
        page.wait_for_function("location.search === ''")
        assert shown(page)["rows"]["output"] == "(5, 2, 4)"
        assert not visit.problems, visit.problems
    finally:
        visit.close()


def tab_order(page, stops: int) -> list[str]:
    """The fields Tab visits, from the checked module radio on."""
    page.locator("input[name=module]:checked").focus()
    order = []
    for _ in range(stops):
        order.append(page.evaluate("document.activeElement.name || document.activeElement.type"))
        page.keyboard.press("Tab")
    return order


def test_keyboard_reaches_every_field_in_order(chromium, server):
    visit = open_calculator(chromium, server, "en")
    page = visit.page
    try:
        order = tab_order(page, 14)
        # Radios are one tab stop; arrow keys move inside the group. An LSTM takes no
        # nonlinearity, and enforce_sorted does nothing without lengths: both are skipped.
        assert order == ["module", "input_size", "hidden_size", "num_layers", "proj_size", "dropout", "bias",
                         "bidirectional", "batch_first", "batched", "batch", "seq_len", "lengths", "reset"]
        page.locator("input[name=module]:checked").focus()
        page.keyboard.press("ArrowRight")  # LSTM -> GRU
        assert page.evaluate("location.search") == "?module=GRU"
        page.goto(f"{visit.url}?module=RNN&lengths=5,3")
        page.wait_for_selector("[data-calc=root][data-ready]")
        order = tab_order(page, 15)
        assert order == ["module", "input_size", "hidden_size", "num_layers", "nonlinearity", "dropout", "bias",
                         "bidirectional", "batch_first", "batched", "batch", "seq_len", "lengths", "enforce_sorted", "reset"]
    finally:
        visit.close()


def test_unknown_module_in_a_link_is_reported(chromium, server):
    visit = open_calculator(chromium, server, "en", "?module=Transformer")
    try:
        assert shown(visit.page)["problems"] == [["", "module: “Transformer” is not one of RNN, LSTM, GRU."]]
    finally:
        visit.close()


WHY = {  # the reason shown beside a field that does not apply
    "en": {"batch": "not used: unbatched input has no batch axis", "enforce_sorted": "not used: without lengths nothing is packed",
           "proj_size": "nn.RNN and nn.GRU take no proj_size", "nonlinearity": "nn.LSTM and nn.GRU take no nonlinearity",
           "lengths": "packing needs batched input"},
    "ko": {"batch": "배치 없는 입력에는 배치 축이 없어 쓰지 않습니다", "enforce_sorted": "lengths가 없으면 패킹하지 않으므로 쓰지 않습니다",
           "proj_size": "nn.RNN과 nn.GRU는 받지 않습니다", "nonlinearity": "nn.LSTM과 nn.GRU는 받지 않습니다",
           "lengths": "패킹에는 배치 입력이 필요합니다"},
}


def off_fields(page) -> dict:
    """name -> (disabled, the reason shown or None) for every field that has a reason."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-why]')].map((why) => {
        const name = why.dataset.why;
        const field = document.querySelector(`[name=${name}]`);
        return [name, [field.disabled, why.hidden ? null : why.textContent]];
    }))""")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_fields_that_do_not_apply_are_greyed_out_with_the_reason(chromium, server, lang):
    why = WHY[lang]
    visit = open_calculator(chromium, server, lang)
    page = visit.page
    try:
        assert off_fields(page) == {"nonlinearity": [True, why["nonlinearity"]], "proj_size": [False, None],
                                    "batch": [False, None], "lengths": [False, None],
                                    "enforce_sorted": [True, why["enforce_sorted"]]}
        page.get_by_role("radio", name="nn.RNN").check()
        page.locator("input[name=batched]").uncheck()
        assert off_fields(page) == {"nonlinearity": [False, None], "proj_size": [True, why["proj_size"]],
                                    "batch": [True, why["batch"]], "lengths": [True, why["lengths"]],
                                    "enforce_sorted": [True, why["enforce_sorted"]]}
        # The reason is part of the field's name, so a screen reader says it too.
        assert page.get_by_role("textbox", name=why["batch"]).get_attribute("name") == "batch"
        page.locator("#calc-nonlinearity").select_option("relu")
        assert "nonlinearity='relu'" in page.locator("[data-calc=code]").text_content()
        assert page.evaluate("location.search") == "?module=RNN&nonlinearity=relu&batched=False"
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.response["violations"] == [], results.generate_report()
        assert not visit.problems, visit.problems
    finally:
        visit.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_address_the_page_cannot_fully_read_says_so(chromium, server, lang):
    visit = open_calculator(chromium, server, lang, "?module=rnn&nonlinearity=sigmoid&bias=yes&hiden_size=5")
    page = visit.page
    try:
        notice = page.locator("[data-calc=notice]")
        assert notice.is_visible() and "hiden_size" in notice.text_content()
        view = shown(page)
        assert view["state"] == "input" and view["problems"] == [["", {
            "en": "bias: “yes” in the address is neither True nor False.",
            "ko": "bias: 주소의 “yes”은(는) True도 False도 아닙니다."}[lang]]]
        page.get_by_label("bias=True").uncheck()  # the reader decides: the address's value is dropped
        view = shown(page)
        assert view["problems"] == [["calc-error", "ValueError: Unknown nonlinearity 'sigmoid'. Select from 'tanh' or 'relu'."]]
        assert page.locator("#calc-nonlinearity option:checked").text_content() == "'sigmoid'"
        assert page.evaluate("location.search") == "?module=RNN&nonlinearity=sigmoid&bias=False"
        assert not visit.problems, visit.problems
    finally:
        visit.close()


def test_status_is_coloured_and_the_python_is_highlighted(chromium, server):
    visit = open_calculator(chromium, server, "en", "?hidden_size=1000000")
    page = visit.page
    status = page.locator("[data-calc=status]")
    try:
        assert "4,000,020,000,000 parameters (16.0 TB in float32)" in status.text_content()
        ok_colour = status.evaluate("(el) => getComputedStyle(el).borderLeftColor")
        page.locator("#calc-hidden_size").fill("7.0")
        assert shown(page)["problems"] == [["calc-error", "TypeError: hidden_size should be of type int, got: float"]]
        assert status.evaluate("(el) => getComputedStyle(el).borderLeftColor") != ok_colour
        spans = page.locator("[data-calc=code] span").evaluate_all("(els) => els.map((e) => [e.className, e.textContent])")
        assert ["kn", "import"] in spans and ["mf", "7.0"] in spans, spans
        # Coloured as the site's other blocks: a keyword is not drawn in the plain code colour.
        plain, keyword = page.evaluate("""() => [getComputedStyle(document.querySelector('[data-calc=code]')).color,
            getComputedStyle(document.querySelector('[data-calc=code] .kn')).color]""")
        assert plain != keyword
    finally:
        visit.close()


def test_on_a_phone_the_status_stays_in_view_while_editing(chromium, server):
    visit = Visit(chromium, server, website.LANGS["en"] + "calculator/", view="phone")
    page = visit.page
    try:
        page.wait_for_selector("[data-calc=root][data-ready]")
        page.locator("#calc-lengths").fill("5, 3")  # the last text field, far down the form
        box = page.locator("[data-calc=status]").bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert box["y"] >= header["y"] + header["height"] - 1 and box["y"] + box["height"] <= 844, (box, header)
        assert "output (8, 4)" in page.locator("[data-calc=status]").text_content()
    finally:
        visit.close()
