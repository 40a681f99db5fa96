"""Inline code a reader may copy is Python that runs, not pseudo-code.

A span such as `torch.cat([h_n[-2], h_n[-1]], dim=1)` in the prose is something readers
paste. Every inline span that calls something must parse, and `cat`/`stack` must get a
sequence of tensors as their first argument, as torch requires; `cat(h_n[0], h_n[1])`
parses but raises. Left out: torch's messages (`RuntimeError: ...`), and formulas written
in mathematical notation (`g = tanh(W_ig x + ...)`, `σ(0) = 0.5`).
"""

import ast
import re

import pytest

from pages import LANGS, outside_fences, pages, rel

SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
CALL = re.compile(r"[\w\]]\(")
MESSAGE = re.compile(r"^[A-Z]\w*(Error|Warning|Exception): ")
# Maths: σ, ±, ≈, a primed name (h', c'), a matrix written before its vector (W_ig x), or a
# value stated as an equation (`relu(1) = 1.0`).
FORMULA = re.compile(r"[σ±≈]|\w'|\bW_\w+ [a-z(]|^\w+\([^)]*\) = ")


def problems(text: str, where: str) -> list[str]:
    found = []
    for lineno, line in outside_fences(text):
        for m in SPAN.finditer(line):
            code = m.group(1).strip()
            if not CALL.search(code) or MESSAGE.match(code) or FORMULA.search(code):
                continue
            source = ("x" + code if code.startswith(".") else code)  # `.double()`: a method to call on x
            if source.endswith(":"):  # `with torch.no_grad():` opens a block
                source += "\n    pass"
            try:
                tree = ast.parse(source)
            except SyntaxError as e:
                found.append(f"{where}:{lineno}: `{code}` is not Python ({e.msg})")
                continue
            for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
                name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
                if name in {"cat", "stack"} and not (
                        call.args and isinstance(call.args[0], (ast.List, ast.Tuple, ast.ListComp, ast.Name))):
                    found.append(f"{where}:{lineno}: `{code}`: {name} takes a list of tensors, "
                                 f"e.g. torch.{name}([a, b], dim=1)")
    return found


@pytest.mark.parametrize("page", [p for lang in LANGS for p in pages(lang)], ids=rel)
def test_inline_code_is_python(page):
    found = problems(page.read_text(encoding="utf-8"), rel(page))
    if found:
        pytest.fail("\n".join(found), pytrace=False)


def test_checker_reports_pseudo_code():
    page = ("Take `cat(h_n[0], h_n[1])` or `torch.cat([a, b], dim=1` or `torch.stack(h_n[0], h_n[1])`.\n"
            "Fine: `torch.cat([a, b], dim=1)`, `.double()`, `with torch.no_grad():`,\n"
            "`RuntimeError: input.size(-1) must be equal to input_size.`, `h' = o * tanh(c')`, `relu(1) = 1.0`.\n"
            "```python\ncat(a, b)\n```\n")
    found = problems(page, "demo.md")
    assert len(found) == 3, found
    assert found[0].startswith("demo.md:1: `cat(h_n[0], h_n[1])`: cat takes a list"), found
    assert "is not Python" in found[1] and "stack takes a list" in found[2], found
