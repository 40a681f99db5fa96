"""Measure the site's budgets: build time, test time, page weight, snippet-test overhead.

    python scripts/bench.py [--runs 3]

Prints a Markdown report. Times are medians over --runs runs, because these
machines are shared and noisy; the snippet-test overhead is a ratio of two
medians measured in the same run of this script.
"""

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import website  # noqa: E402
from pages import CODE_LABEL, LANGS, examples, pages  # noqa: E402

PAGE_BUDGET = 300 * 1024
LAB_BUDGET = 400 * 1024  # a notebook page (issue 10)
RATIO_BUDGET = 1.5
# KERAS_HOME: the Keras snippets must not write ~/.keras/keras.json (as in the tests).
# A TemporaryDirectory is removed when this script exits.
KERAS_HOME = tempfile.TemporaryDirectory(prefix="keras-home-")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KERAS_HOME": KERAS_HOME.name}


def wall(cmd, env=None, cwd=ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env or ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_wall(cmd, runs, env=None) -> float:
    return statistics.median(wall(cmd, env) for _ in range(runs))


def inner_loop(runs) -> float:
    """`make check` after a sentence is added to docs/en/packing.md, each run a new sentence.

    In a copy of the repository with its caches (.cache/), so the working tree is never edited.
    """
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "repo"
        # Not the environment, the built site or git (only at the top: .cache/builds/*/site is a kept build).
        shutil.copytree(ROOT, copy, ignore=lambda folder, names: [
            n for n in names if n == "__pycache__" or (Path(folder) == ROOT and n in (".venv", "site", ".git"))])
        page = copy / "docs" / "en" / "packing.md"
        times = []
        for run in range(runs):
            page.write_text(page.read_text(encoding="utf-8") + f"\nA sentence added to time the writer's loop, run {run + 1}.\n",
                            encoding="utf-8")
            times.append(wall([sys.executable, "scripts/check.py", "docs/en/packing.md"], cwd=copy))
        return statistics.median(times)


def snippets_once_script() -> str:
    """One plain Python process that executes every snippet shown on the pages once.

    Each under its own file name, as test_examples.py runs them: TorchScript reads a
    function's source through it.
    """
    codes = {(ex.code, str(ROOT / "snippets" / ex.snippet) if ex.snippet else "<page>")
             for lang in LANGS for p in pages(lang) for ex in examples(p) if ex.label == CODE_LABEL}
    return ("import io, contextlib\nfor code, name in %r:\n    with contextlib.redirect_stdout(io.StringIO()):\n"
            "        exec(compile(code, name, 'exec'), {'__name__': '__main__'})\n" % sorted(codes))


def page_weights(site: Path) -> list[tuple[str, int, int, dict[str, int]]]:
    """Bytes of a first load of each page (empty cache): uncompressed, and transferred.

    The local server compresses text with gzip as GitHub Pages does, so "transferred"
    is what a reader downloads; "uncompressed" is what the browser has to parse.
    """
    from playwright.sync_api import sync_playwright

    server = website.Server(site, website.published_prefix(site))
    out = []
    try:
        with sync_playwright() as p:
            browser = website.launch(p)
            for path in website.page_paths(site):
                context = browser.new_context()
                page = context.new_page()
                sizes, sent = {}, [0]

                def on_finished(req):
                    resp = req.response()
                    try:
                        body = resp.body() if resp else b""
                    except Exception:  # redirects have no body
                        body = b""
                    sizes[req.resource_type] = sizes.get(req.resource_type, 0) + len(body)
                    # Chromium does not report the encoded size of a worker's script; the
                    # server's gzip is deterministic, so compress the body the same way.
                    gzipped = resp is not None and resp.headers.get("content-encoding") == "gzip"
                    sent[0] += len(gzip.compress(body, 6)) if gzipped else len(body)

                page.on("requestfinished", on_finished)
                page.goto(server.root + path.lstrip("/"), wait_until="networkidle")
                out.append((path, sum(sizes.values()), sent[0], sizes))
                context.close()
            browser.close()
    finally:
        server.stop()
    return out


def row(measure: str, value: str, budget: str = ""):
    print(f"| {measure} | {value} | {budget} |", flush=True)  # as soon as measured: a run cut short keeps its rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-suite", action="store_true", help="builds and page weights only")
    args = parser.parse_args()
    py = sys.executable
    pytest = [py, "-m", "pytest", "-q", "-p", "no:cacheprovider"]

    print(f"Medians of {args.runs} runs on {os.cpu_count()} cores.\n")
    print("| measure | value | budget |\n|---|---|---|", flush=True)
    # The issue-24 figures first: a run cut short still has them.
    if not args.skip_suite:
        wall(pytest)  # fills the caches, if this tree's were empty
        row("test suite (`pytest`, what `make test` runs), caches filled, nothing changed",
            f"{median_wall(pytest, args.runs):.1f} s", "150 s")
        row("`make check` after a sentence is added to `docs/en/packing.md`", f"{inner_loop(args.runs):.1f} s", "20 s")
        snippet_tests = median_wall([*pytest, "tests/test_examples.py", "-k", "prints_its_output"], args.runs)
        once = median_wall([py, "-c", snippets_once_script()], args.runs)
        row("snippet tests / one plain process running every snippet once",
            f"{snippet_tests:.1f} s / {once:.1f} s = {snippet_tests / once:.2f}x", f"{RATIO_BUDGET}x")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [py, "scripts/sites.py", "build", "--site-dir", f"{tmp}/site"]
        # Cold: every notebook executed (an empty cache); warm: all reused; both really build
        # (FRESH=1: no kept build). Kept: nothing changed, both languages' builds copied.
        cold = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as cache:
                cold.append(wall(cmd, env={**ENV, "NOTEBOOK_CACHE": cache, "FRESH": "1"}))
        row("`make build`, notebooks executed (cold cache)", f"{statistics.median(cold):.1f} s")
        row("`make build`, notebooks reused (warm cache)", f"{median_wall(cmd, args.runs, env={**ENV, 'FRESH': '1'}):.1f} s")
        wall(cmd)  # keeps this build, if it was not kept yet
        row("`make build`, nothing changed (both builds kept)", f"{median_wall(cmd, args.runs):.1f} s")
        weights = page_weights(Path(tmp) / "site")
    print("\nBytes of a first load (empty cache): uncompressed, then transferred (gzip, as GitHub Pages):\n")
    print("| page | uncompressed | document | css | js | other | transferred | budget (uncompressed) |\n"
          "|---|---|---|---|---|---|---|---|")
    for path, total, sent, sizes in weights:
        other = total - sizes.get("document", 0) - sizes.get("stylesheet", 0) - sizes.get("script", 0)
        budget = LAB_BUDGET if "/labs/" in path else PAGE_BUDGET
        verdict = f"{'ok' if total <= budget else 'over'} ({budget // 1024} KB)"
        print(f"| `{path}` | {total / 1024:.0f} KB | {sizes.get('document', 0) / 1024:.0f} KB | "
              f"{sizes.get('stylesheet', 0) / 1024:.0f} KB | {sizes.get('script', 0) / 1024:.0f} KB | "
              f"{other / 1024:.0f} KB | {sent / 1024:.0f} KB | {verdict} |")


if __name__ == "__main__":
    main()
