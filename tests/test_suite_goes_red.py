"""The suite fails, and says where, when a page or a snippet is broken.

Each case builds a small copy of the site layout in a temporary folder, breaks
one thing, and runs the real page and snippet tests on it in a subprocess
($GUIDE_ROOT points them at the copy). A first case proves the unbroken copy
passes, so the failures below come from the breakage and nothing else.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pages import ROOT

TESTS = ROOT / "tests"

PAGE = """\
# Demo {{ #demo }}

## {heading} {{ #first }}

```python title="01_sum.py"
--8<-- "demo/01_sum.py"
```
<!--pytest-codeblocks:expected-output-->
```text
--8<-- "demo/01_sum.out"
```
"""


def make_tree(root: Path) -> Path:
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / config, root / config)
    for lang, heading in (("ko", "합계"), ("en", "A sum")):
        (root / "docs" / lang).mkdir(parents=True)
        (root / "docs" / lang / "demo.md").write_text(PAGE.format(heading=heading), encoding="utf-8")
    (root / "snippets" / "demo").mkdir(parents=True)
    (root / "snippets" / "demo" / "01_sum.py").write_text("print(sum([1, 2, 3]))\n")
    (root / "snippets" / "demo" / "01_sum.out").write_text("6\n")
    return root


def run_suite(root: Path, tests=("test_examples.py", "test_pages.py")) -> tuple[int, str]:
    env = {**os.environ, "GUIDE_ROOT": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT),
         "-c", str(ROOT / "pytest.ini"), *(str(TESTS / t) for t in tests)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unbroken_tree_passes(tmp_path):
    code, log = run_suite(make_tree(tmp_path), ("test_examples.py", "test_pages.py",
                                                "test_outputs_hold_on_any_cpu.py"))
    assert code == 0, log
    assert "passed" in log


def _break_output(root):
    (root / "snippets/demo/01_sum.out").write_text("7\n")


def _raise(root):
    (root / "snippets/demo/01_sum.py").write_text("print(1)\nprint({}['missing'])\n")


def _missing_snippet(root):
    edit(root / "docs/en/demo.md", "demo/01_sum.py", "demo/01_gone.py")


def _drop_include_in_one_language(root):
    edit(root / "docs/ko/demo.md", '```python title="01_sum.py"\n--8<-- "demo/01_sum.py"\n```\n'
         "<!--pytest-codeblocks:expected-output-->\n"
         '```text\n--8<-- "demo/01_sum.out"\n```\n', "")


def _orphan_output(root):
    (root / "snippets/demo/02_old.out").write_text("old\n")


def _heading_without_id(root):
    edit(root / "docs/en/demo.md", "## A sum { #first }", "## A sum")


def _main_guard(root):
    (root / "snippets/demo/01_sum.py").write_text('if __name__ == "__main__":\n    print(6)\n')


def _label(label):
    def breaker(root):
        edit(root / "docs/en/demo.md", '```python title="01_sum.py"', f"```{label}")
    return breaker


# (breakage, words the failure report must contain)
CASES = {
    "wrong .out": (_break_output, ["snippets/demo/01_sum.py", "docs/en/demo.md:5", "-7", "+6"]),
    "exception": (_raise, ["snippets/demo/01_sum.py", "docs/ko/demo.md:5", "KeyError: 'missing'", "line 2"]),
    "missing snippet": (_missing_snippet, ["docs/en/demo.md", "SnippetMissingError", "demo/01_gone.py"]),
    "include removed in one language": (_drop_include_in_one_language, ["includes differ", "demo.md"]),
    "orphan .out": (_orphan_output, ["snippets/demo/02_old.out is not shown on any page"]),
    "heading without id": (_heading_without_id, ["docs/en/demo.md:3", "## A sum"]),
    "__main__ guard": (_main_guard, ["snippets/demo/01_sum.py", "no `if __name__"]),
    "```py fence": (_label("py"), ["docs/en/demo.md:5", "fence label 'py'"]),
    "```python3 fence": (_label("python3"), ["docs/en/demo.md:5", "fence label 'python3'"]),
    "```pycon fence": (_label("pycon"), ["docs/en/demo.md:5", "fence label 'pycon'"]),
    "``` python fence": (_label(" python"), ["docs/en/demo.md:5", "fence label ' python'"]),
}


@pytest.mark.parametrize("case", CASES)
def test_breakage_fails_the_suite_and_says_where(case, tmp_path):
    breaker, words = CASES[case]
    root = make_tree(tmp_path)
    breaker(root)
    code, log = run_suite(root)
    assert code != 0, f"the suite passed despite: {case}\n{log}"
    missing = [w for w in words if w not in log]
    assert not missing, f"the failure report for {case!r} lacks {missing}:\n{log}"


# One rule of the calculator's module changed, each: the Node tests against the
# torch fixture must fail and name how many configurations now differ.
MODULE_RULES = {
    "GRU has three gates": ("GRU: 3 }", "GRU: 4 }"),
    "num_layers 0 is refused": ("if (c.num_layers <= 0)", "if (c.num_layers < 0)"),
    "proj_size shrinks h but not c": ("const hOut = c.proj_size || c.hidden_size;", "const hOut = c.hidden_size;"),
    "torch's dropout warning": ("num_layers greater than 1", "num_layers above 1"),
}


@pytest.mark.parametrize("rule", MODULE_RULES)
def test_changed_calculator_rule_fails_the_node_tests(rule, tmp_path):
    old, new = MODULE_RULES[rule]
    scripts = tmp_path / "docs/assets/scripts"
    scripts.mkdir(parents=True)
    for name in ("rnn_shapes.js", "calculator.js"):
        shutil.copy(ROOT / "docs/assets/scripts" / name, scripts / name)
    shutil.copytree(TESTS / "calculator", tmp_path / "tests/calculator")
    shutil.copy(ROOT / "package.json", tmp_path / "package.json")  # ES modules on any Node
    node = shutil.which("node") or pytest.fail("node not found", pytrace=False)

    def run():
        return subprocess.run([node, "--test", "tests/calculator/"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)

    assert run().returncode == 0, "the unchanged copy must pass"
    edit(scripts / "rnn_shapes.js", old, new)
    done = run()
    assert done.returncode != 0, f"the Node tests passed despite: {rule}"
    assert "configurations differ from torch" in done.stdout, done.stdout[-3000:]


def test_lab_cell_that_raises_fails_the_build(tmp_path):
    """Notebooks are executed at build time; an exception in any cell stops the build."""
    import nbformat
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / config, tmp_path / config)
    for folder in ("docs", "snippets", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    if (ROOT / ".cache" / "notebooks").is_dir():  # only the broken notebook runs again
        shutil.copytree(ROOT / ".cache" / "notebooks", tmp_path / ".cache" / "notebooks")
    lab = tmp_path / "docs/en/labs/shapes.ipynb"
    nb = nbformat.read(lab, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('this lab cell fails on purpose')"))
    nbformat.write(nb, lab)
    env = {k: v for k, v in os.environ.items() if k != "NOTEBOOK_CACHE"}
    # The English lab is broken: its language's build is the one to run.
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.en.yml", "-d", str(tmp_path / "site")],
                          cwd=tmp_path, env={**env, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=900)
    log = done.stdout + done.stderr
    assert done.returncode != 0, f"the build passed with a raising cell:\n{log[-2000:]}"
    assert "this lab cell fails on purpose" in log, log[-3000:]


# Snippets that print what a reader on another CPU would not see, or that break
# the tolerance policy: (source, words the CPU matrix's report must contain).
# Their .out is what the native configuration prints here.
CPU_DEPENDENT = {
    # A float32 sum of 100,000 numbers: its last digits follow the vector width
    # and the thread count, like the allclose of issue #15 on an AVX-512 CPU.
    "02_full_precision_sum.py": (
        "import torch\ntorch.manual_seed(0)\nprint(torch.randn(100_000).sum().item())\n",
        ["snippets/demo/02_full_precision_sum.py does not print its .out", "baseline (ATen DEFAULT",
         "ATEN_CPU_CAPABILITY=default MKL_ENABLE_INSTRUCTIONS=SSE4_2 ONEDNN_MAX_CPU_ISA=SSE41 python "
         "snippets/demo/02_full_precision_sum.py", "1-thread (ATen"]),
    "03_thread_count.py": (
        "import torch\nprint(torch.get_num_threads())\n",
        ["snippets/demo/03_thread_count.py does not print its .out", "1-thread (ATen", "4-threads (ATen",
         "torch.set_num_threads(4)", "+4"]),
    "04_warns.py": (
        "import warnings\nwarnings.warn('seen in the terminal only')\nprint('done')\n",
        ["snippets/demo/04_warns.py", "wrote to stderr", "seen in the terminal only"]),
    "05_keras_default_backend.py": (
        "import keras\nprint(keras.backend.backend())\n",
        ["snippets/demo/05_keras_default_backend.py", "not run: it imports keras without setting"]),
    "06_default_atol.py": (
        "import torch\nprint(torch.allclose(torch.zeros(2), torch.zeros(2)))\n",
        ["snippets/demo/06_default_atol.py:2: torch.allclose(torch.zeros(2), torch.zeros(2))"]),
}


def test_cpu_matrix_fails_on_output_that_depends_on_the_cpu(tmp_path):
    root = make_tree(tmp_path)
    for name, (source, _) in CPU_DEPENDENT.items():
        path = root / "snippets/demo" / name
        path.write_text(source)
        printed = subprocess.run([sys.executable, str(path)], cwd=tmp_path, capture_output=True,
                                 text=True).stdout if "torch" in source else ""
        path.with_suffix(".out").write_text(printed)
    code, log = run_suite(root, ("test_outputs_hold_on_any_cpu.py",))
    assert code != 0, log
    for name, (_, words) in CPU_DEPENDENT.items():
        missing = [w for w in words if w not in log]
        assert not missing, f"the report for {name} lacks {missing}:\n{log}"
    assert "demo/01_sum.py" not in log.split("short test summary")[-1], "the sound snippet failed too"


# A stand-in for torch: the watchdog does not depend on it, and the real one takes 2.5 s to import.
RUN_ONE = """
import json, sys, types
sys.modules["torch"] = types.SimpleNamespace(
    set_num_threads=lambda n: None, get_num_threads=lambda: 1,
    backends=types.SimpleNamespace(cpu=types.SimpleNamespace(get_cpu_capability=lambda: "-")))
sys.path.insert(0, sys.argv[1])
import cpu_matrix
cpu_matrix.CPU_LIMIT_S, cpu_matrix.IDLE_LIMIT_S = 1, 2
print(json.dumps(cpu_matrix.run_one(cpu_matrix.Path(sys.argv[2]), None)))
"""

STARVED = ("import time\nend = time.monotonic() + 2.5\nwhile time.monotonic() < end:\n"
           "    time.sleep(0.3)\n    busy = time.process_time() + 0.06\n"
           "    while time.process_time() < busy:\n        pass\nprint('done')\n")
WATCHED = {
    "spins.py": ("while True:\n    pass\n", "killed after 1 s of CPU time"),
    "waits.py": ("import os\nread, write = os.pipe()\nos.read(read, 1)\n",
                 "killed after 2 s without using the CPU"),
    # 2.5 s on the clock, 0.5 s of CPU, never off it for long: what a snippet looks like
    # on a machine whose cores are busy with the browser checks. It must run to its end.
    "starved.py": (STARVED, 0),
    # The same work in a child process, which the snippet waits for: not idle either.
    "delegates.py": (f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {STARVED!r}])\n", 0),
    # A child that never ends is stopped with the snippet ({tmp} marks its command line).
    "spins_in_a_child.py": ("import subprocess, sys\n"
                            "subprocess.run([sys.executable, '-c', 'while True: pass  # {tmp}'])\n",
                            "killed after 1 s of CPU time"),
}


def test_cpu_matrix_stops_a_stuck_snippet_and_says_why_but_waits_for_a_starved_one(tmp_path):
    runs = {}
    for name, (source, _) in WATCHED.items():
        (tmp_path / name).write_text(source.replace("{tmp}", str(tmp_path)))
        runs[name] = subprocess.Popen([sys.executable, "-c", RUN_ONE, str(TESTS), str(tmp_path / name)],
                                      stdout=subprocess.PIPE, text=True)
    wrong = {}
    for name, (_, expected) in WATCHED.items():
        try:
            rc = json.loads(runs[name].communicate(timeout=30)[0])["rc"]
        except subprocess.TimeoutExpired:
            runs[name].kill()  # the snippet's processes are found below
            runs[name].communicate()
            rc = "still running after 30 s"
        if not (rc == expected if expected == 0 else str(rc).startswith(expected)):
            wrong[name] = rc
    # Every process started here names tmp_path on its command line (a fork keeps its parent's).
    left = [cmd for cmd in Path("/proc").glob("[0-9]*/cmdline") if str(tmp_path) in _read(cmd)]
    for cmd in left:
        os.kill(int(cmd.parent.name), signal.SIGKILL)
    assert not wrong and not left, (wrong, f"{len(left)} processes left running")


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode(errors="replace")
    except OSError:  # it ended meanwhile
        return ""
