"""The labs: one notebook per chapter, in both languages, stored clean, rendered as real pages.

Stored: no outputs, one canonical formatting (small diffs), the same cells in
both languages with identical code. Built: each notebook page is HTML drawn
like the rest of the site (not JSON, not JupyterLab's stylesheet), executed
(its outputs are there), with the same heading ids in both languages, a nav
title equal to its H1, and a downloadable .ipynb whose links point to the
published site. Each chapter page links to its lab. Rebuilding reuses the
executed results of every notebook in both languages.

Exercises: each cell that checks a prediction (`check(guess, ...)`) is tagged
`answer` and drawn folded, closed, under a summary in the page's language, and
no answer is on the page before its fold. Each lab page links to Colab, which
opens the notebook from the repository; its first code cell installs what the
lab imports only where it is missing.
"""

import ast
import html as htmllib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from pages import CONFIGS, DOCS, LANGS, ROOT, SNIPPETS, mkdocs_config, nav_pages, notebooks
import website

# A chapter is a snippet folder with a page of its own (snippets/home/ belongs to the home page).
CHAPTERS = sorted(p.name for p in SNIPPETS.iterdir() if p.is_dir() and (DOCS / "en" / f"{p.name}.md").is_file())
METADATA = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"}}
ALL = [nb for lang in LANGS for nb in notebooks(lang)]
ANSWER_TAG = {"tags": ["answer"]}
ANSWER_SUMMARY = {"ko": "정답 보기", "en": "Show the answer"}
COLAB_TEXT = {"ko": "Colab에서 열기", "en": "Open in Colab"}


def is_answer(cell) -> bool:
    """The cell that checks an exercise's prediction and prints torch's answer."""
    return cell.cell_type == "code" and re.search(r"^check\(guess, ", cell.source, re.M) is not None


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def h1(nb) -> str:
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "cell 0 must be the title, as `# ...`"
    return first.source[2:].strip()


def test_every_chapter_has_a_lab_in_both_languages():
    for lang in LANGS:
        have = sorted(p.stem for p in notebooks(lang))
        assert have == CHAPTERS, f"docs/{lang}/labs/: {have}, chapters: {CHAPTERS}"


@pytest.mark.parametrize("path", ALL, ids=rel)
def test_notebook_is_stored_clean(path):
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    assert text == nbformat.writes(nb) + "\n", f"{rel(path)}: not in nbformat's own formatting; rewrite it with nbformat.write"
    assert nb.metadata == METADATA, f"{rel(path)}: notebook metadata must be exactly {METADATA}"
    for i, cell in enumerate(nb.cells):
        where = f"{rel(path)} cell {i}"
        assert cell.id == f"{path.stem}-{i:02d}", f"{where}: id {cell.id!r}, expected {path.stem}-{i:02d}"
        expected = ANSWER_TAG if is_answer(cell) else {}
        assert cell.metadata == expected, f"{where}: cell metadata {cell.metadata}, expected {expected}"
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{where}: stored with outputs"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_languages_share_every_code_cell(chapter):
    ko, en = (nbformat.read(DOCS / lang / "labs" / f"{chapter}.ipynb", as_version=4) for lang in ("ko", "en"))
    assert [(c.id, c.cell_type) for c in ko.cells] == [(c.id, c.cell_type) for c in en.cells], \
        f"labs/{chapter}.ipynb: the two languages have different cells"
    for a, b in zip(ko.cells, en.cells):
        if a.cell_type == "code":
            assert a.source == b.source, f"labs/{chapter}.ipynb cell {a.id}: code differs between ko and en"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_nav_title_is_the_notebook_title(lang, chapter):
    title = h1(nbformat.read(DOCS / lang / "labs" / f"{chapter}.ipynb", as_version=4))
    assert (title, f"labs/{chapter}.ipynb") in nav_pages(lang), \
        f"{CONFIGS[lang]} nav: no entry titled {title!r} for labs/{chapter}.ipynb"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_links_to_its_lab(lang, chapter):
    text = (DOCS / lang / f"{chapter}.md").read_text(encoding="utf-8")
    assert f"](labs/{chapter}.ipynb)" in text, f"docs/{lang}/{chapter}.md does not link to labs/{chapter}.ipynb"


class _Page(HTMLParser):
    """Headings with ids, table-of-contents links, code and output blocks of the article."""

    def __init__(self):
        super().__init__()
        self.headings, self.toc, self.blocks, self.downloads = [], [], [], []
        self._toc_depth = 0  # inside the table of contents (nested <nav>s)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if re.fullmatch(r"h[1-6]", tag) and "id" in a:
            self.headings.append(a["id"])
        if tag == "nav" and (self._toc_depth or "md-nav--secondary" in cls):
            self._toc_depth += 1
        href = a.get("href") or ""
        # Material draws the table of contents twice (sidebar and drawer): keep each entry once.
        if tag == "a" and self._toc_depth and href.startswith("#") and href[1:] not in self.toc:
            self.toc.append(href[1:])
        if tag == "a" and "download" in a:
            self.downloads.append(a["href"])
        if tag == "div" and re.match(r"language-(python|text)\b", cls):
            self.blocks.append(cls.split()[0].removeprefix("language-"))

    def handle_endtag(self, tag):
        if tag == "nav" and self._toc_depth:
            self._toc_depth -= 1


# Two boxes of the same stream, one after the other: a kernel's stdout flushed in two chunks.
SAME_STREAM_TWICE = re.compile(r'<div class="language-text (nb-stdout|nb-stderr) highlight">'
                               r'(?:(?!</div>).)*</div>\s*<div class="language-text \1 highlight">', re.S)


def test_stream_flushed_in_chunks_is_one_box():
    """The hook joins consecutive chunks of one stream; the page check sees two boxes if it did not."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("notebook_html", ROOT / "hooks" / "notebook_html.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    from bs4 import BeautifulSoup

    def output(mime, text, child="jp-OutputArea-child"):  # as nbconvert's lab template writes them
        return (f'<div class="{child}"><div class="jp-RenderedText jp-OutputArea-output" '
                f'data-mime-type="{mime}"><pre>\n{text}</pre>\n</div></div>')
    cell = BeautifulSoup(
        '<div class="jp-Cell jp-CodeCell"><div class="jp-InputArea"><div class="highlight-ipynb">'
        '<pre>print("Dense:", end="")</pre></div></div>'
        + output("text/plain", "Dense:") + output("text/plain", " (2, 5, 4)\n") + output("text/plain", "next\n")
        + output("application/vnd.jupyter.stderr", "a warning\n")
        + output("text/plain", "3", "jp-OutputArea-child jp-OutputArea-executeResult") + "</div>",
        "html.parser").div
    drawn = hook.cell_html(cell)
    assert re.findall(r'class="language-text (nb-\w+)', drawn) == ["nb-stdout", "nb-stderr", "nb-result"]
    # a chunk ending a line is followed by the next line, not by a blank one
    assert "<code>Dense: (2, 5, 4)\nnext\n</code>" in drawn and not SAME_STREAM_TWICE.search(drawn)
    unjoined = hook.block("text nb-stdout", "Dense:") + "\n" + hook.block("text nb-stdout", " (2, 5, 4)\n")
    assert SAME_STREAM_TWICE.search(unjoined), "the page check misses two boxes of one stream"


def built(site_dir: Path, lang: str, chapter: str) -> tuple[str, _Page]:
    html = (site_dir / website.LANGS[lang] / "labs" / chapter / "index.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    return html, page


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_lab_pages_are_rendered_executed_and_alike(site_dir, chapter):
    seen = {}
    for lang in LANGS:
        nb = nbformat.read(DOCS / lang / "labs" / f"{chapter}.ipynb", as_version=4)
        html, page = built(site_dir, lang, chapter)
        where = f"{lang} labs/{chapter}/"
        article = html[html.index("<article"): html.index("</article>")]
        assert '"cell_type"' not in html, f"{where}: the notebook's JSON, not a page"
        assert "jupyter-wrapper" not in article and "<style" not in article and "<script" not in article, \
            f"{where}: mkdocs-jupyter's markup is still in the page"
        assert f"<title>{h1(nb)} - " in html, f"{where}: <title> is not the notebook's title {h1(nb)!r}"
        assert not re.search(r'md-ellipsis">\s*None\s*<', html), f"{where}: a nav entry reads None"
        code = sum(c.cell_type == "code" for c in nb.cells)
        assert page.blocks.count("python") == code, f"{where}: {page.blocks.count('python')} code blocks, {code} code cells"
        assert page.blocks.count("text") >= code // 2, f"{where}: {page.blocks.count('text')} outputs for {code} cells: not executed?"
        assert "nb-stderr" not in article, f"{where}: a cell wrote to stderr (a warning?)"
        split = SAME_STREAM_TWICE.search(article)
        assert not split, f"{where}: one cell's output is drawn in two boxes:\n{split and split.group(0)}"
        assert page.headings and all(page.headings), f"{where}: empty heading id in {page.headings}"
        # The title (h1) is not listed in the table of contents; every other heading is.
        assert page.toc == page.headings[1:], f"{where}: table of contents {page.toc} != headings {page.headings[1:]}"
        assert page.downloads == [f"{chapter}.ipynb"], f"{where}: download links {page.downloads}"
        seen[lang] = page.headings
    assert seen["ko"] == seen["en"], f"labs/{chapter}/: heading ids differ: {seen}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_download_is_the_notebook_with_published_links(site_dir, lang, chapter):
    source = nbformat.read(DOCS / lang / "labs" / f"{chapter}.ipynb", as_version=4)
    offered = site_dir / website.LANGS[lang] / "labs" / chapter / f"{chapter}.ipynb"
    assert offered.is_file(), f"{offered.relative_to(site_dir)} is not in the built site"
    got = nbformat.reads(offered.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(got)
    site_url = re.search(r'<link rel="canonical" href="([^"]+?)(en/)?labs/', built(site_dir, lang, chapter)[0])[1]
    home = site_url + website.LANGS[lang]
    for a, b in zip(source.cells, got.cells, strict=True):
        if a.cell_type == "code":
            assert a.source == b.source and b.outputs == []
        else:
            assert ".md" not in re.sub(r"\]\((?!\.)[^)]*\)", "", b.source), f"{offered.name} cell {a.id}: a relative link is left"
            for url in re.findall(r"\]\((https?://[^)]+)\)", b.source):
                if not url.startswith(site_url):
                    continue
                assert url.startswith(home), f"{offered.name} cell {a.id}: {url} is not in the {lang} site"


def test_rebuild_reuses_every_executed_notebook(built_site, tmp_path):
    """Each language's build keeps its own executed notebooks (hooks/notebook_cache.py): a
    shared folder would lose the other language's, which its build does not use. The
    session's own build proves it when it found the cache filled; otherwise build again."""
    log = built_site.log
    if "Converting notebook" in log:  # a cold cache: this run executed them
        done = website.sites.build(tmp_path / "site", reuse=False)
        assert done.returncode == 0, done.log[-3000:]
        log = done.log
    # From docs/ on: a kept build's log names the tree it was built in, maybe a copy's.
    hits = [h.rsplit("/docs/", 1)[-1] for h in re.findall(r"Cache hit: (\S+)", log)]
    assert sorted(hits) == \
        sorted(p.relative_to(DOCS).as_posix() for p in ALL), f"not reused:\n{log[-3000:]}"
    assert "Converting notebook" not in log


# --- exercises, Colab and the setup cell -----------------------------------------------------

def _article(html: str):
    from bs4 import BeautifulSoup
    return BeautifulSoup(html[html.index("<article"): html.index("</article>") + len("</article>")], "html.parser")


def _told(box) -> str | None:
    """What check() printed as torch's answer in an output box, if it did."""
    m = re.search(r"^(?:no guess yet|correct|not quite): torch says (.+)$", box.get_text(), re.M)
    return m and m[1]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_answers_are_folded_closed_in_the_page_language(site_dir, lang, chapter):
    nb = nbformat.read(DOCS / lang / "labs" / f"{chapter}.ipynb", as_version=4)
    answers = [c for c in nb.cells if is_answer(c)]
    assert answers, f"labs/{chapter}.ipynb: no exercise"
    where = f"{lang} labs/{chapter}/"
    page = _article(built(site_dir, lang, chapter)[0])
    folds = page.find_all("details")
    assert len(folds) == len(answers), f"{where}: {len(folds)} <details> for {len(answers)} exercise answers"
    for fold in folds:
        summary = fold.find("summary", recursive=False)
        assert summary is not None and summary.get_text(strip=True) == ANSWER_SUMMARY[lang], \
            f"{where}: an answer's summary is {summary and summary.get_text(strip=True)!r}, not {ANSWER_SUMMARY[lang]!r}"
        assert not fold.has_attr("open"), f"{where}: an answer is open on load"
        # The whole check cell: its code asserts the answer, its output prints it.
        code = fold.select(":scope > div.language-python")
        assert len(code) == 1 and "check(guess, " in code[0].get_text(), f"{where}: a fold without its check cell"
        assert any(_told(box) for box in fold.select(":scope > div.nb-stdout")), f"{where}: a fold without the answer"
    for box in page.select("div.nb-stdout"):
        if _told(box):
            assert box.find_parent("details") is not None, f"{where}: an answer outside its fold:\n{box.get_text()}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_answer_is_on_the_page_before_its_fold(site_dir, lang, chapter):
    """A question, an example in a `guess = None` comment or an earlier output that prints the answer gives it away.

    Only shapes and lists are looked for: a number such as 0 or 2.0 is on every page anyway.
    """
    html = str(_article(built(site_dir, lang, chapter)[0]))
    start = 0
    for fold in re.finditer(r"<details\b.*?</details>", html, re.S):
        told = [t for t in map(_told, _article(f"<article>{fold[0]}</article>").select("div.nb-stdout")) if t]
        before = re.sub(r"<details\b.*?</details>", "", html[:fold.start()], flags=re.S)
        visible = htmllib.unescape(re.sub(r"<[^>]+>", "", before))
        for answer in told:
            if answer[:1] in "([":
                assert answer not in visible, f"{lang} labs/{chapter}/: the answer {answer} is on the page before its fold"
        start = fold.end()
    assert start, f"{lang} labs/{chapter}/: no folded answer"


def _repo() -> str:
    url = mkdocs_config("ko")["repo_url"]
    return re.fullmatch(r"https://github\.com/([^/]+/[^/]+?)/?", url)[1]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_colab_link_opens_this_lab_from_the_repository(site_dir, lang, chapter):
    page = _article(built(site_dir, lang, chapter)[0])
    line = page.select_one("p.nb-download")
    assert line is not None, f"{lang} labs/{chapter}/: no download line"
    links = {a.get_text(strip=True): a["href"] for a in line.find_all("a")}
    expected = f"https://colab.research.google.com/github/{_repo()}/blob/main/docs/{lang}/labs/{chapter}.ipynb"
    assert links.get(COLAB_TEXT[lang]) == expected, f"{lang} labs/{chapter}/: links {links}, expected {expected}"
    assert (ROOT / expected.split("/blob/main/", 1)[1]).is_file()  # what Colab asks GitHub for is this lab
    # A link only: no badge image or script from Google on the page.
    assert not [t for t in page.find_all(src=True) if "colab" in t["src"]], f"{lang} labs/{chapter}/: Colab content on the page"


def _needs(setup) -> dict:
    for node in ast.walk(ast.parse(setup.source)):
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["NEEDS"]:
            return ast.literal_eval(node.value)
    raise AssertionError(f"setup cell {setup.id}: no NEEDS = {{package: major version}}")


def _imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", ALL, ids=rel)
def test_first_code_cell_installs_what_the_lab_imports(path):
    """Colab has torch but not always Keras 3; the setup cell must name every package the lab imports."""
    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    setup, rest = code[0], code[1:]
    assert not _imports(setup.source) - set(sys.stdlib_module_names), f"{rel(path)}: the setup cell imports a package"
    imported = set().union(*(_imports(c.source) for c in rest)) - set(sys.stdlib_module_names)
    assert set(_needs(setup)) == imported, f"{rel(path)}: the setup cell installs {set(_needs(setup))}, the lab imports {imported}"


@pytest.mark.parametrize("state", ["present", "missing", "too old"])
@pytest.mark.parametrize("path", ALL, ids=rel)
def test_setup_cell_installs_only_what_is_missing(path, state, monkeypatch, capsys):
    """Run with its package look-up and pip faked: nothing installed where the build (or Colab) has it."""
    import importlib.metadata
    setup = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    needs = _needs(setup)
    have = {"present": {n: f"{v}.1.0" for n, v in needs.items()}, "missing": {},
            "too old": {n: f"{v - 1}.9.0" for n, v in needs.items()}}[state]
    runs = []

    def version(name):
        if name not in have:
            raise importlib.metadata.PackageNotFoundError(name)
        return have[name]

    def run(cmd, check):
        runs.append(cmd)
        have.update({spec.split(">=")[0]: "99.0" for spec in cmd[5:]})

    monkeypatch.setattr(importlib.metadata, "version", version)
    monkeypatch.setattr(subprocess, "run", run)
    exec(compile(setup.source, f"{rel(path)} cell {setup.id}", "exec"), {})
    wanted = [] if state == "present" else [[sys.executable, "-m", "pip", "install", "-q",
                                             *(f"{n}>={v}" for n, v in needs.items())]]
    assert runs == wanted, f"{rel(path)} cell {setup.id}, packages {state}: ran {runs}"
    printed = capsys.readouterr().out
    assert all(n in printed for n in needs), printed
