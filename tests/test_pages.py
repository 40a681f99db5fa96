"""The rules every page and snippet follow, and the parity of the two languages."""

import difflib
import re

import pytest

from pages import (
    ALLOWED_LABELS, CODE_LABEL, CONFIGS, DOCS, HEADING, HEADING_ID, LANGS, SNIPPETS,
    examples, nav_pages, outside_fences, page_pairs, pages, rel, structure,
)

ALL_PAGES = [p for lang in LANGS for p in pages(lang)]
PAIRS = page_pairs()


def _ids(paths):
    return [rel(p) for p in paths]


def test_both_languages_have_the_same_pages():
    ko = {p.relative_to(DOCS / "ko").as_posix() for p in pages("ko")}
    en = {p.relative_to(DOCS / "en").as_posix() for p in pages("en")}
    assert ko, "no pages found under docs/ko"
    assert ko - en == set(), f"pages only in docs/ko: {sorted(ko - en)}"
    assert en - ko == set(), f"pages only in docs/en: {sorted(en - ko)}"


def test_both_languages_list_the_same_pages_in_the_same_order():
    """Each language's build has its own nav (mkdocs.yml, mkdocs.en.yml); the titles differ, the pages do not."""
    ko, en = ([page for _, page in nav_pages(lang)] for lang in ("ko", "en"))
    assert ko == en, f"{CONFIGS['ko']} and {CONFIGS['en']} list different pages or orders:\n" + \
        "\n".join(difflib.unified_diff(ko, en, CONFIGS["ko"], CONFIGS["en"], lineterm=""))


@pytest.mark.parametrize("name, ko, en", PAIRS, ids=[p[0] for p in PAIRS])
@pytest.mark.parametrize("aspect", ["includes", "fence labels", "heading ids", "test markers", "images"])
def test_languages_match(aspect, name, ko, en):
    a, b = structure(ko)[aspect], structure(en)[aspect]
    va, vb = [v for v, _ in a], [v for v, _ in b]
    if va != vb:
        i = next(i for i in range(max(len(va), len(vb))) if va[i:i + 1] != vb[i:i + 1])

        def at(side, page):
            return f"{rel(page)}:{side[i][1]} has {side[i][0]!r}" if i < len(side) else f"{rel(page)} has nothing more"

        diff = "\n".join(difflib.unified_diff(va, vb, rel(ko), rel(en), lineterm=""))
        pytest.fail(f"{aspect} differ between the languages of {name}; first difference: "
                    f"{at(a, ko)}, {at(b, en)}\n{diff}", pytrace=False)


@pytest.mark.parametrize("page", ALL_PAGES, ids=_ids(ALL_PAGES))
def test_fences_are_runnable_pairs(page):
    """Code is one include of a snippet; its output is one include of the matching .out.

    A fence label the runner does not execute (py, python3, pycon, " python")
    would make a block silently untested, so it is an error here.
    """
    problems = []
    for lineno, line in outside_fences(page):
        if line.lstrip().startswith("~~~"):
            problems.append(f"{rel(page)}:{lineno}: use backtick fences, not ~~~")
    for ex in examples(page):
        if ex.label not in ALLOWED_LABELS:
            problems.append(f"{ex.where}: fence label {ex.info!r} is not one of {sorted(ALLOWED_LABELS)} "
                            "(the test runner would skip it silently)")
            continue
        if ex.marks:
            problems.append(f"{ex.where}: skip or xfail markers are not allowed: {ex.marks}")
        if ex.label == CODE_LABEL:
            if ex.snippet is None:
                problems.append(f"{ex.where}: a python block must be one `--8<--` include of a snippet")
            if ex.expected is None:
                problems.append(f"{ex.where}: a python block needs an expected-output block under it")
            elif ex.output_snippet != (ex.snippet or "")[:-3] + ".out":
                problems.append(f"{ex.where}: the output of {ex.snippet} must include "
                                f"{(ex.snippet or '')[:-3]}.out, found {ex.output_snippet}")
        elif ex.snippet and ex.snippet.endswith(".py"):
            problems.append(f"{ex.where}: {ex.snippet} is included in a `{ex.label}` block, so it never runs")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.parametrize("page", ALL_PAGES, ids=_ids(ALL_PAGES))
def test_every_heading_has_an_explicit_id(page):
    # Without `{ #id }` Korean headings get ids like `_1`, and links between languages break.
    missing = [f"{rel(page)}:{n}: {line}" for n, line in outside_fences(page)
               if (h := HEADING.match(line)) and not HEADING_ID.search(h["text"])]
    if missing:
        pytest.fail("headings without `{ #id }`:\n" + "\n".join(missing), pytrace=False)


def _used_snippets():
    used = set()
    for page in ALL_PAGES:
        for ex in examples(page):
            used |= {s for s in (ex.snippet, ex.output_snippet) if s}
    return used


def test_every_snippet_is_shown_and_paired():
    files = {p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*") if p.suffix in (".py", ".out")}
    used = _used_snippets()
    problems = [f"snippets/{f} is not shown on any page" for f in sorted(files - used)]
    for f in sorted(files):
        twin = f[:-3] + ".out" if f.endswith(".py") else f[:-4] + ".py"
        if twin not in files:
            problems.append(f"snippets/{f} has no snippets/{twin}")
    stray = [p for p in SNIPPETS.rglob("*") if p.is_file() and p.suffix not in (".py", ".out")
             and "__pycache__" not in p.parts]
    problems += [f"{rel(p)}: only .py and .out files belong in snippets/" for p in stray]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


MAIN_GUARD = re.compile(r"__name__\s*[!=]=")
SNIPPET_FILES = sorted(p for p in SNIPPETS.rglob("*") if p.suffix in (".py", ".out"))


@pytest.mark.parametrize("path", SNIPPET_FILES, ids=_ids(SNIPPET_FILES))
def test_snippet_file_is_well_formed(path):
    text = path.read_text(encoding="utf-8")
    # The include expansion drops exactly one final newline (tests/pages.py).
    assert text.endswith("\n"), f"{rel(path)} must end with a newline"
    if path.suffix == ".py":
        # The runner executes blocks under another __name__: such a body would never run.
        assert not MAIN_GUARD.search(text), f"{rel(path)}: no `if __name__ == ...` in snippets"
        name = path.name
        assert name[:2].isdigit() and name[2] == "_", f"{rel(path)}: name snippets NN_what.py"
