"""Notebook pages drawn like every other page, not as a JupyterLab inside it.

mkdocs-jupyter wraps each rendered notebook in JupyterLab's markup and inlines
its stylesheet (575 KB of CSS on every notebook page), a MathJax <script> from
cdnjs.cloudflare.com (a request to another host), a clipboard script and a
second hidden copy of every code cell. Its "In [1]:" prompts fail contrast and
its scrolling outputs cannot be reached by keyboard. This hook keeps only what
the notebook says: its Markdown as HTML, each code cell as the site's own
Python code block (Material's copy button and colours, kept out of search like
every other program on the site), each output as a text block.

A code cell tagged `answer` in the notebook (an exercise's check, which
prints torch's answer under the question) is folded into a closed
<details>, so the reader predicts before seeing it; <details> opens from
the keyboard without a script.

Parsing mkdocs-jupyter's HTML is a third of a build's time, so the result is
kept in .cache/notebook-html/ under the hash of that HTML, the language, this
file and BeautifulSoup's version: the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import html as htmllib
from importlib.metadata import version
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs_jupyter.plugin import NotebookFile


ANSWER = {"ko": "정답 보기", "en": "Show the answer"}


def stream(out) -> str | None:
    """The class of a text output: nb-stdout, nb-stderr or nb-result (a cell's value); None if not text.

    nbconvert's lab template marks stdout `text/plain`, like a cell's value, which
    it puts inside `.jp-OutputArea-executeResult`.
    """
    mime = out.get("data-mime-type", "")
    if mime == "application/vnd.jupyter.stderr":
        return "nb-stderr"
    if mime == "text/plain":
        return "nb-result" if "jp-OutputArea-executeResult" in out.parent.get("class", []) else "nb-stdout"
    return None


def block(lang: str, inner: str) -> str:
    return f'<div class="language-{lang} highlight"><pre><span></span><code>{inner}</code></pre></div>'


def cell_html(cell) -> str:
    if "jp-MarkdownCell" in cell["class"]:
        md = cell.select_one(".jp-RenderedMarkdown")
        for a in md.select("a.anchor-link"):
            a["class"] = "headerlink"
            a["title"] = "Permanent link"
        return md.decode_contents()
    pre = cell.select_one(".jp-InputArea .highlight-ipynb pre")
    if pre is None:
        raise PluginError(f"code cell {cell.get('id')} has no highlighted source")
    for span in pre.find_all("span", recursive=False, limit=1):
        if not span.get_text() and not span.attrs:
            span.decompose()  # nbconvert's empty leading <span></span>
    parts = [block("python", pre.decode_contents())]
    # A kernel flushes a stream in as many chunks as it likes ("Dense:" then " (2, 5, 4)"),
    # differently from run to run: consecutive chunks of one stream are one box.
    last, chunks = None, []

    def flush():
        if chunks:
            text = "".join(chunks).rstrip("\n") + "\n"
            parts.append(block(f"text {last}", htmllib.escape(text)))
            chunks.clear()

    for out in cell.select(".jp-OutputArea-output"):
        kind = stream(out)
        if kind is not None:
            if kind != last or kind == "nb-result":
                flush()
                last = kind
            # the <pre>'s text only: the white space after it would become a blank line
            pre = out.find("pre")
            chunks.append((pre or out).get_text().removeprefix("\n"))  # <pre> drops a first newline
            continue
        flush()
        last = None
        mime = out.get("data-mime-type", "")
        if out.find("img") is not None:
            parts.append(f'<p class="nb-image">{"".join(str(i) for i in out.find_all("img"))}</p>')
        else:
            raise PluginError(f"cell {cell.get('id')}: output of type {mime or 'unknown'} is not shown by this site")
    flush()
    return "\n".join(parts)


def key(html: str, lang: str) -> str:
    """Everything the drawn page depends on."""
    parts = [html, lang, Path(__file__).read_text(encoding="utf-8"), version("beautifulsoup4")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def on_page_content(html, page, config, files):
    if not isinstance(page.file, NotebookFile):
        return html
    lang = config.theme["language"]
    kept = Path(config.config_file_path).parent / ".cache" / "notebook-html" / f"{key(html, lang)}.html"
    if kept.is_file():
        return kept.read_text(encoding="utf-8")
    out = drawn(html, page, lang)
    kept.parent.mkdir(parents=True, exist_ok=True)
    part = kept.with_suffix(f".{page.file.name}.part")
    part.write_text(out, encoding="utf-8")
    part.replace(kept)  # whole or absent, if a build stops halfway
    return out


def drawn(html: str, page, lang: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    cells = soup.select('.jp-Notebook .jp-Cell[id^="cell-id="]')
    if not cells:
        raise PluginError(f"{page.file.src_uri}: no notebook cells in mkdocs-jupyter's output")
    return "\n".join(folded(cell_html(c), lang) if "celltag_answer" in c.get("class", []) else cell_html(c)
                     for c in cells)


def folded(inner: str, lang: str) -> str:
    """An exercise's answer, closed; Material draws <details> like its collapsible admonitions."""
    return f'<details class="success nb-answer">\n<summary>{ANSWER[lang]}</summary>\n{inner}\n</details>'

