"""Heading ids in notebooks: the same in both languages, and never empty.

nbconvert derives a heading's id from its text and drops Hangul, so Korean
headings get empty or clipped ids. Every notebook takes its ids from its
English twin, in order, so `#a-first-check` is the same section in both
languages (the language selector keeps the reader's section). The table of
contents also loses text in backticks (a heading `proj_size` became a link
without a name); its titles are taken from the headings.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError
from mkdocs_jupyter.plugin import NotebookFile

HEADING_LINE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
HEADING_HTML = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="headerlink" href="#[^"]*"', re.S)


def headings(notebook: Path) -> list[tuple[int, str]]:
    """(level, text) of every Markdown heading of a notebook, in order."""
    import nbformat
    out = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced and (m := HEADING_LINE.match(line)):
                out.append((len(m[1]), m[2]))
    return out


def english_ids(page, config) -> list[tuple[int, str]]:
    src = Path(page.file.abs_src_path)
    twin = Path(config.docs_dir).parent / "en" / page.file.src_uri
    mine, theirs = headings(src), headings(twin) if twin.exists() else None
    if theirs is None:
        raise PluginError(f"{page.file.src_uri} has no English twin at {twin}")
    if [level for level, _ in mine] != [level for level, _ in theirs]:
        raise PluginError(f"{page.file.src_uri}: headings {[h for h in mine]} do not match "
                          f"the English notebook's {[h for h in theirs]} (same levels, same order)")
    ids = [slugify(text, "-") for _, text in theirs]
    if len(set(ids)) != len(ids) or "" in ids:
        raise PluginError(f"{twin}: headings must give unique, non-empty ids; got {ids}")
    return list(zip([level for level, _ in theirs], ids))


def on_page_content(html, page, config, files):
    if not isinstance(page.file, NotebookFile):
        return html
    ids = english_ids(page, config)
    found = HEADING_HTML.findall(html)
    if len(found) != len(ids):
        raise PluginError(f"{page.file.src_uri}: {len(found)} headings rendered, {len(ids)} in the notebook")
    it = iter(ids)
    titles = [re.sub(r"<[^>]+>", "", inner).strip() for _, inner in found]

    def renamed(m):
        _, new = next(it)
        return f'<h{m[1]} id="{new}">{m[2]}<a class="headerlink" href="#{new}"'

    html = HEADING_HTML.sub(renamed, html)
    # The table of contents lists the same headings, in the same order.
    links = []
    stack = list(reversed(list(page.toc)))
    while stack:
        link = stack.pop()
        links.append(link)
        stack += reversed(list(link.children))
    if len(links) != len(ids):
        raise PluginError(f"{page.file.src_uri}: {len(links)} entries in the table of contents, {len(ids)} headings")
    for link, (_, new), title in zip(links, ids, titles):
        link.id, link.title = new, title
    return html
