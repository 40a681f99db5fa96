"""The writer's loop: run only the checks that the changed files can affect.

    python scripts/check.py [FILE...]     # `make check`; without files, what git sees changed

A page (docs/<lang>/<page>.md): its rules and parity with the other language,
its glossary terms, its snippets (printed output, the CPU matrix), its
twin and its browser checks in every view, on a strict build. A snippet or
its .out: the same for every page that shows it. A lab: the notebook tests
and its page's browser checks. Anything else (CSS, hooks, tests, config):
everything, which is `make test`. The page and snippet checks reuse passing
results whose inputs are unchanged (README, "What `make test` guarantees").
"""

from __future__ import annotations

import atexit
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Checks on one page or snippet, selected by the page or snippet in their ids.
PER_ITEM = ["tests/test_examples.py", "tests/test_outputs_hold_on_any_cpu.py", "tests/test_browser_pages.py",
            "tests/test_markdown_twins.py", "tests/test_inline_code.py", "tests/test_pages.py",
            "tests/test_chapters_answer_first.py", "tests/test_glossary.py",
            "tests/test_site_builds.py"]  # the home page's torch and CPU: its ids name index.html
# Cheap checks over every page, run whenever a page changes: parity, links, the strict build.
ALWAYS = ["tests/test_pages.py::test_languages_match", "tests/test_links.py",
          "tests/test_site_builds.py::test_strict_build_passes_without_warnings",
          "tests/test_site_builds.py::test_each_language_has_its_own_sitemap_search_index_and_404",
          "tests/test_pitfalls_list_every_message.py"]


def changed() -> list[str]:
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return sorted(set(git("diff", "--name-only", "HEAD") + git("ls-files", "--others", "--exclude-standard")))


def items(files: list[str]) -> tuple[set[str], bool]:
    """Page and snippet names the changes touch, and whether something else changed."""
    names, other = set(), False
    for f in files:
        if m := re.fullmatch(r"docs/(?:ko|en)/(labs/)?([\w-]+)\.(md|ipynb)", f):
            names.add((m[1] or "") + m[2])
        elif m := re.fullmatch(r"snippets/([\w-]+/\d+_\w+)\.(py|out)", f):
            names.add(m[1])
            for page in (ROOT / "docs").glob("*/*.md"):  # the pages that show it
                if f'"{m[1]}.py"' in page.read_text(encoding="utf-8"):
                    names.add(page.stem)
        else:
            other = True
    return names, other


class Select:
    """A pytest plugin: of PER_ITEM's tests, only those whose ids name a changed page or snippet.

    A chapter's name does not select its lab's tests (labs/<chapter>): the lab shows none of the page.
    """

    def __init__(self, names: set[str]):
        self.names = names

    def pytest_collection_modifyitems(self, config, items):
        always = [a.split("::") for a in ALWAYS]
        keep, drop = [], []
        for item in items:
            path, _, name = item.nodeid.partition("::")
            chosen = any(path == a[0] and (len(a) == 1 or name.split("[")[0] == a[1]) for a in always) or \
                any(re.search(rf"(?<!labs)[\[/-]{re.escape(n)}[/.\]-]", item.nodeid) for n in self.names)
            (keep if chosen else drop).append(item)
        config.hook.pytest_deselected(items=drop)
        # those that look at the built site last: the others run while it builds (--build-first)
        items[:] = sorted(keep, key=lambda item: "built_site" in item.fixturenames)


def main(argv: list[str]) -> int:
    files = argv or changed()
    names, other = items(files)
    args = ["-q", "-p", "no:cacheprovider"]
    if other:
        print(f"changed beyond pages and snippets ({', '.join(files)}): running everything")
        return subprocess.call([sys.executable, "-m", "pytest", *args], cwd=ROOT)
    if not names:
        print("nothing changed")
        return 0
    print(f"checks for {', '.join(sorted(names))}, and {len(ALWAYS)} cheap whole-site ones")
    os.chdir(ROOT)  # pytest.ini's options; one process: collecting twice cost more than a second
    files = list(dict.fromkeys([*PER_ITEM, *(a.split("::")[0] for a in ALWAYS)]))
    # --build-first: every page change has checks on the built site, so its build begins before collection
    return int(pytest.main([*args, "--build-first", *files], plugins=[Select(names)]))


if __name__ == "__main__":
    code = main(sys.argv[1:])
    # Everything has run and been reported; what is left is the interpreter unloading torch and
    # some 1500 modules (0.6-0.9 s of every run). The atexit handlers still run; the unloading not.
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
