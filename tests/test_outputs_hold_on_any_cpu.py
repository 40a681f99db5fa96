"""Every snippet prints exactly its `.out` on any reader's CPU.

torch chooses kernels by instruction set and thread count, and float32 results
may differ in their last bits between them. Each snippet runs in a fresh
process (see `cpu_matrix.py`) under every configuration of `cpu_matrix.CONFIGS`:
the native code path, ATen, MKL and oneDNN held to AVX2, held to the baseline
without AVX, and with 1 and with 4 intra-op threads. Each must print its `.out`
exactly and write nothing to stderr.

The snippets themselves follow the tolerance policy (README, "Adding an
example"): float comparisons name their `atol`.
"""

import ast
import difflib
import json
from pathlib import Path

import pytest

import cpu_matrix
from pages import LANGS, ROOT, SNIPPETS, notebooks

MATRIX = pytest.StashKey[dict]()  # the running workers, set by conftest.py

FILES = sorted(SNIPPETS.rglob("*.py"))
NAMES = [p.relative_to(SNIPPETS).as_posix() for p in FILES]


@pytest.fixture(scope="module")
def matrix(request) -> dict[tuple[str, str], dict]:
    """(snippet, configuration) -> what it printed. conftest.py started the workers already."""
    workers = request.config.stash.get(MATRIX, None) or cpu_matrix.start(FILES)
    try:
        results = cpu_matrix.collect(workers)
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)
    return {(Path(r["snippet"]).relative_to(SNIPPETS).as_posix(), r["config"]): r for r in results}


def how_to_rerun(name: str, config: str) -> str:
    code_path, threads = cpu_matrix.CONFIGS[config]
    env = " ".join(f"{k}={v}" for k, v in cpu_matrix.PATHS[code_path].items())
    path = f"snippets/{name}"
    if threads is None:
        return f"{env} python {path}".strip()
    # torch caps OMP_NUM_THREADS at the number of cores; set_num_threads does not.
    return (f'{env} python -c "import runpy, torch; torch.set_num_threads({threads}); '
            f"runpy.run_path('{path}', run_name='__main__')\"").strip()


@pytest.mark.parametrize("name", NAMES)
def test_snippet_prints_its_out_in_every_cpu_configuration(matrix, name):
    out_file = SNIPPETS / name.replace(".py", ".out")
    expected = out_file.read_text(encoding="utf-8") if out_file.exists() else None
    failures = []
    for config in cpu_matrix.CONFIGS:
        r = matrix[(name, config)]
        if r["rc"] == "refused":  # the same in every configuration
            failures = [f"not run: it {r['stderr']}"]
            break
        threads = f"{r.get('threads', '?')} thread{'' if r.get('threads') == 1 else 's'}"
        where = f"{config} (ATen {r.get('capability', '?')}, {threads}; rerun: {how_to_rerun(name, config)})"
        if r["rc"] != 0:
            stopped = r["rc"] if isinstance(r["rc"], str) else f"exit {r['rc']}"
            failures.append(f"{where}: {stopped}\n{r['stderr']}")
        elif r["stderr"]:
            failures.append(f"{where}: wrote to stderr, which the page does not show:\n{r['stderr']}")
        elif expected is None:
            failures.append(f"{where}: snippets/{name} has no .out; run `make outputs`")
        elif r["stdout"] != expected:
            diff = "\n".join(difflib.unified_diff(
                expected.splitlines(), r["stdout"].splitlines(),
                f"snippets/{out_file.relative_to(SNIPPETS).as_posix()}", f"printed under {config}",
                lineterm=""))
            failures.append(f"{where}:\n{diff}")
    if failures:
        pytest.fail(f"snippets/{name} does not print its .out on every CPU:\n\n" + "\n\n".join(failures)
                    + "\n\nCompare floats with an explicit atol and round printed floats "
                      "(README, \"Adding an example\").", pytrace=False)


def test_each_configuration_runs_the_code_path_it_names(matrix):
    """A configuration that silently ran the native path would prove nothing.

    Code path and thread count are read inside each snippet's process, after it ran.
    """
    ran = [(config, r) for (_, config), r in matrix.items() if "threads" in r]
    capability = {c: {r["capability"] for rc, r in ran if rc == c} for c in cpu_matrix.CONFIGS}
    threads = {c: {r["threads"] for rc, r in ran if rc == c} for c in cpu_matrix.CONFIGS}
    assert capability["baseline"] == {"DEFAULT"}, capability
    assert threads["1-thread"] == {1} and threads["4-threads"] == {4}, threads
    if capability["avx2"] != {"AVX2"}:
        pytest.skip(f"this CPU has no AVX2: the avx2 configuration ran ATen {capability['avx2']}")


LABS = [nb for lang in LANGS for nb in notebooks(lang)]


def _code(path: Path) -> list[tuple[str, str]]:
    """(where, source) of a snippet, or of each code cell of a lab (executed at build time)."""
    if path.suffix == ".py":
        return [(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"))]
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(f"{path.relative_to(ROOT).as_posix()} cell {c.get('id', i)}", "".join(c["source"]))
            for i, c in enumerate(cells) if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", FILES + LABS, ids=[p.relative_to(ROOT).as_posix() for p in FILES + LABS])
def test_float_comparisons_name_their_atol(path):
    """torch's default atol (1e-8) rejects float32 values near zero that differ in the last bit."""
    missing = []
    for where, source in _code(path):
        for node in ast.walk(ast.parse(source)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"allclose", "isclose", "assert_close"}
                    and not any(k.arg in {"atol", "abs_tol"} for k in node.keywords)):
                missing.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    if missing:
        pytest.fail("compare float32 results with an explicit atol, e.g. torch.allclose(a, b, atol=1e-6) "
                    "(README, \"Adding an example\"):\n" + "\n".join(missing), pytrace=False)
