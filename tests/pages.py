"""Read the documentation pages the way the site does, for the tests.

A page's code lives in `snippets/` and reaches the page through `--8<--`
includes. Stock pytest-codeblocks cannot see through them, so this module
first expands every page with pymdownx's own snippet preprocessor, configured
exactly as `mkdocs.yml` configures it, and then extracts the fenced blocks with
pytest-codeblocks' own parser. Each extracted example remembers where it came
from (page, line, snippet file) so that a failure can say where to look.

The tree it reads is the repository, or the one named by $GUIDE_ROOT (the
meta-tests point it at small broken trees to prove the suite goes red).
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import markdown
import yaml
from pytest_codeblocks import extract_from_buffer

ROOT = Path(os.environ.get("GUIDE_ROOT", Path(__file__).resolve().parents[1]))
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
LANGS = ("ko", "en")

# Fence labels a page may use. The runner only executes `python`, and treats a
# `py`, `python3`, `pycon` or ` python` fence as prose, silently. So anything
# outside this list is an error, not a skip.
CODE_LABEL = "python"
OUTPUT_LABEL = "text"
ALLOWED_LABELS = {CODE_LABEL, OUTPUT_LABEL}

INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
FENCE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
HEADING_ID = re.compile(r"\{\s*#(?P<id>[A-Za-z][\w-]*)\s*\}$")
MARKER = re.compile(r"^\s*<!--[-\s]*(?P<body>pytest[-.\w]*:?.*?)-->\s*$")
IMAGE = re.compile(r"!\[[^\n]*?\]\((?P<src>[^)\s]+)\)")
# Raw HTML a script or a link relies on (the calculator's form): ids, names, data-*.
HTML_HOOK = re.compile(r'\s(?P<attr>id|name|for|href|data-[\w-]+)="(?P<value>[^"]*)"')


class PageError(Exception):
    """A page breaks a rule of the site; the message says where and why."""


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# Each language's MkDocs configuration (the English one inherits the Korean one).
CONFIGS = {"ko": "mkdocs.yml", "en": "mkdocs.en.yml"}


@cache
def mkdocs_config(lang: str = "ko") -> dict:
    """A language's configuration file as written (INHERIT not applied)."""

    class Loader(yaml.SafeLoader):
        pass

    # The files may hold `!!python/name:` and `!ENV` tags; none matter here.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / CONFIGS[lang]).read_text(encoding="utf-8"), Loader)


def nav_pages(lang: str) -> list[tuple[str, str]]:
    """(title, source file) of every page in a language's navigation, in order."""
    out = []

    def walk(items):
        for item in items:
            for title, target in item.items():
                walk(target) if isinstance(target, list) else out.append((title, target))

    walk(mkdocs_config(lang)["nav"])
    return out


@cache
def snippet_config() -> dict:
    """The `pymdownx.snippets` settings from mkdocs.yml, paths made absolute."""
    config = mkdocs_config("ko")
    for ext in config.get("markdown_extensions", []):
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            settings = dict(ext["pymdownx.snippets"] or {})
            break
    else:
        raise PageError("mkdocs.yml does not configure pymdownx.snippets")
    bases = settings.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else bases
    settings["base_path"] = [str(ROOT / b) for b in bases]
    if not settings.get("check_paths"):
        raise PageError("mkdocs.yml must set pymdownx.snippets check_paths: true")
    return settings


def expand(text: str, page: Path) -> str:
    """Expand `--8<--` includes with pymdownx's own code, as mkdocs does."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippet_config()},
    )
    try:
        lines = md.preprocessors["snippet"].run(text.split("\n"))
    except Exception as e:  # SnippetMissingError and friends
        raise PageError(f"{rel(page)}: {type(e).__name__}: {e}") from e
    return "\n".join(lines)


@dataclass
class Example:
    """One code block of a page and the output block that follows it."""

    page: Path
    lineno: int  # line of the opening fence in the page source
    info: str  # everything after the fence's backticks
    code: str
    snippet: str | None  # include target of the code, e.g. "shapes/01_four.py"
    expected: str | None = None
    output_snippet: str | None = None
    marks: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        # `python title="x.py"`: the label is the first word. A leading space
        # (" python") leaves an empty label on purpose: the runner skips it.
        return self.info.split(" ", 1)[0]

    @property
    def where(self) -> str:
        return f"{rel(self.page)}:{self.lineno}"


def _includes(block_code: str) -> list[str]:
    return [m["path"] for line in block_code.splitlines() if (m := INCLUDE.match(line))]


def _drop_include_newline(raw: str, expanded: str) -> str:
    # pymdownx turns a snippet file's final newline into one extra empty line,
    # so a block that ends with an include gains one "\n". Remove it once.
    # (tests/test_pages.py requires every snippet file to end with a newline.)
    last = raw.rstrip("\n").rsplit("\n", 1)[-1]
    if INCLUDE.match(last) and expanded.endswith("\n\n"):
        return expanded[:-1]
    return expanded


def examples(page: Path) -> list[Example]:
    """Every fenced block of `page`, includes expanded, with its origin."""
    raw_text = page.read_text(encoding="utf-8")
    raw_blocks = extract_from_buffer(io.StringIO(raw_text))
    expanded_blocks = extract_from_buffer(io.StringIO(expand(raw_text, page)))
    if len(raw_blocks) != len(expanded_blocks):
        raise PageError(
            f"{rel(page)}: an include added or removed a fenced block "
            f"({len(raw_blocks)} blocks before expansion, {len(expanded_blocks)} after); "
            "includes belong inside fences"
        )
    out = []
    for raw, full in zip(raw_blocks, expanded_blocks):
        code_inc = _includes(raw.code)
        out_inc = _includes(raw.expected_output or "")
        out.append(
            Example(
                page=page,
                lineno=raw.lineno,
                info=raw.syntax or "",
                code=_drop_include_newline(raw.code, full.code),
                snippet=code_inc[0] if code_inc else None,
                expected=(
                    None
                    if full.expected_output is None
                    else _drop_include_newline(raw.expected_output, full.expected_output)
                ),
                output_snippet=out_inc[0] if out_inc else None,
                marks=list(raw.marks) + ([f"importorskip({raw.importorskip})"] if raw.importorskip else []),
            )
        )
    return out


def pages(lang: str) -> list[Path]:
    return sorted((DOCS / lang).rglob("*.md"))


def notebooks(lang: str) -> list[Path]:
    """The labs: notebooks rendered as pages by mkdocs-jupyter."""
    return sorted((DOCS / lang).rglob("*.ipynb"))


def page_pairs() -> list[tuple[str, Path, Path]]:
    """(relative path, Korean page, English page) for pages in both languages."""
    ko = {p.relative_to(DOCS / "ko").as_posix(): p for p in pages("ko")}
    en = {p.relative_to(DOCS / "en").as_posix(): p for p in pages("en")}
    return [(name, ko[name], en[name]) for name in sorted(ko.keys() & en.keys())]


def outside_fences(page: Path | str):
    """(lineno, line) for each line of a page (a path, or its text) that is not inside a fence."""
    text = page if isinstance(page, str) else page.read_text(encoding="utf-8")
    fence = None
    for lineno, line in enumerate(text.split("\n"), 1):
        m = FENCE.match(line)
        if fence is None:
            if m:
                fence = m["ticks"]
                continue
            yield lineno, line
        elif m and m["ticks"].startswith(fence[0] * len(fence)) and not m["info"].strip():
            fence = None


@dataclass
class Table:
    """A Markdown table outside fences: the heading id above it, its header and body rows."""

    heading: str | None
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line in the page, cells)


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


def tables(page: Path) -> list[Table]:
    """Every table of a page, in order. A table's second line must be its |---| separator."""
    found, heading, block = [], None, []

    def close():
        if block:
            (head_no, head), *rest = block
            if not rest or not re.fullmatch(r"\|(\s*:?-+:?\s*\|)+\s*", rest[0][1].strip()):
                raise PageError(f"{rel(page)}:{head_no}: a table's second line must be its |---| separator")
            found.append(Table(heading, _cells(head), [(n, _cells(line)) for n, line in rest[1:]]))
            block.clear()

    for lineno, line in outside_fences(page):
        if line.lstrip().startswith("|"):
            block.append((lineno, line))
            continue
        close()
        if (h := HEADING.match(line)) and (m := HEADING_ID.search(h["text"])):
            heading = m["id"]
    close()
    return found


def structure(page: Path) -> dict[str, list[tuple[str, int]]]:
    """What must be identical between the two languages' versions of a page.

    Each entry is (value, line in the page); only the values are compared.
    """
    heading_ids, markers, fences, includes, images, html = [], [], [], [], [], []
    for lineno, line in outside_fences(page):
        images += [(m["src"], lineno) for m in IMAGE.finditer(line)]
        if line.lstrip().startswith("<"):
            html += [(f'{m["attr"]}="{m["value"]}"', lineno) for m in HTML_HOOK.finditer(line)]
        if h := HEADING.match(line):
            m = HEADING_ID.search(h["text"])
            heading_ids.append((f"{h['hashes']} #{m['id']}" if m else f"{h['hashes']} (no id)", lineno))
        elif m := MARKER.match(line):
            markers.append((m["body"].strip(), lineno))
    for ex in examples(page):
        fences.append((ex.label or repr(ex.info), ex.lineno))
        includes += [(i, ex.lineno) for i in (ex.snippet, ex.output_snippet) if i]
    return {"heading ids": heading_ids, "test markers": markers, "fence labels": fences,
            "includes": includes, "images": images, "HTML attributes": html}
