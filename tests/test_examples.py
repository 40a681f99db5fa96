"""Every code block a reader sees runs, and prints exactly the output shown under it.

Blocks are collected from both languages. The parity tests make the two
languages include the same snippets, so each distinct (code, output) pair is
run once and its test id lists every page and line that shows it.
"""

import difflib
import traceback

import pytest
from pytest_codeblocks.main import stdout_io

from pages import CODE_LABEL, LANGS, SNIPPETS, PageError, examples, pages, rel


ALL_PAGES = [page for lang in LANGS for page in pages(lang)]


def _collect():
    runs = {}
    for page in ALL_PAGES:
        try:
            found = examples(page)
        except PageError:  # reported by test_page_expands; the other pages still run
            continue
        for ex in found:
            if ex.label == CODE_LABEL:
                runs.setdefault((ex.code, ex.expected), []).append(ex)
    return [pytest.param(group, id=group[0].snippet or group[0].where) for group in runs.values()]


@pytest.mark.parametrize("page", ALL_PAGES, ids=[rel(p) for p in ALL_PAGES])
def test_page_expands(page):
    examples(page)


@pytest.mark.parametrize("group", _collect())
def test_block_prints_its_output(group):
    ex = group[0]
    where = ", ".join(e.where for e in group)
    source = f"snippets/{ex.snippet}" if ex.snippet else where
    # The same execution as pytest-codeblocks' own runner: fresh globals, sys.stdout captured.
    with stdout_io() as out:
        try:
            exec(compile(ex.code, str(SNIPPETS / ex.snippet) if ex.snippet else where, "exec"),
                 {"__MODULE__": "__main__"})
        except BaseException as e:
            # Drop this harness's own frame: the traceback starts in the snippet.
            error = "".join(traceback.format_exception(type(e), e, e.__traceback__.tb_next))
        else:
            error = None
    printed = out.getvalue()
    if error:
        pytest.fail(f"{source} (shown at {where}) raised:\n{error}\nprinted before that:\n{printed}",
                    pytrace=False)
    if ex.expected is None:
        pytest.fail(f"{source} (shown at {where}) has no expected-output block under it", pytrace=False)
    if printed != ex.expected:
        expected_file = f"snippets/{ex.output_snippet}" if ex.output_snippet else "the page"
        diff = "\n".join(difflib.unified_diff(
            ex.expected.splitlines(), printed.splitlines(),
            f"expected ({expected_file})", "printed now", lineterm=""))
        pytest.fail(f"{source} (shown at {where}) printed something else than {expected_file}:\n{diff}\n"
                    "If the new output is right, run `make outputs` and review the diff.", pytrace=False)
