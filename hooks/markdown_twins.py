"""A Markdown twin of every page, and an llms.txt per language, for AI assistants and tools.

`/shapes/` has a twin at `/shapes.md` (`/en/shapes/` at `/en/shapes.md`, a
language's home at `index.md`): the page's Markdown with every `--8<--` line
replaced by the program or output it names, every link made absolute (to the
HTML page and its section), and what only the site's own build reads removed
(heading ids, test markers, search wrappers). A lab's twin is its notebook:
Markdown cells as they are, each code cell fenced, then the outputs the build
printed under it (read from the page, so they are the ones the reader sees).
Each page links to its twin next to the edit button; `llms.txt` lists the
twins in the order of the navigation (https://llmstxt.org).
tests/test_markdown_twins.py checks that a twin carries the page's code and
outputs, block for block.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import markdown as python_markdown

TITLE = {"ko": "Markdown으로 보기", "en": "View as Markdown"}
LINK = re.compile(r"(\]\()(?P<target>[^)\s]+)(\))")
FENCED = re.compile(r"^([ \t]*)(`{3,}).*?\n\1\2[ \t]*$", re.M | re.S)
HEADING_ID = re.compile(r"^(#{1,6} .*?)[ \t]*\{ *#[\w-]+ *\}[ \t]*$", re.M)
BUILD_ONLY = re.compile(r"^\s*(<!--pytest-codeblocks:[\w-]+-->|<div markdown[^>]*>|</div>)\s*\n", re.M)
# On a lab's page: each program, then the blocks it printed (notebook_html.py's classes).
CELL_BLOCK = re.compile(
    r'<div class="language-(?P<kind>python|text(?: nb-\w+)?) highlight"[^>]*><pre>.*?<code>(?P<code>.*?)</code></pre>', re.S)

# This build's (one language's) twins and navigation, filled page by page.
_twins: dict[str, dict] = {}  # twin path in the site -> {"title", "url", "text"}
_nav: list = []  # [(section title or None, page url)] in the navigation's order


def on_config(config):
    _twins.clear()  # `mkdocs serve` may run the next build in this process
    _nav.clear()


def twin_path(page) -> str:
    """`shapes/` -> `shapes.md`; the home page -> `index.md`."""
    return "index.md" if page.url == "" else page.url.rstrip("/") + ".md"


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return markdown
    snippets = python_markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": config["mdx_configs"].get("pymdownx.snippets", {})})
    text = "\n".join(snippets.preprocessors["snippet"].run(markdown.split("\n")))
    _remember(page, config, text)
    return markdown


def _remember(page, config, text):
    path = twin_path(page)
    base = posixpath.dirname(page.file.src_uri)  # links are relative to the source file

    def absolute(m):
        target = m["target"]
        if target.startswith("#"):
            return m[1] + _site(config) + page.url + target + m[3]
        if re.match(r"^[a-z]+:", target):
            return m.group(0)
        where, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(base, where))
        if resolved.endswith((".md", ".ipynb")):
            resolved = re.sub(r"\.(md|ipynb)$", "/", re.sub(r"(^|/)index\.md$", r"\1", resolved))
        return m[1] + _site(config) + resolved + (f"#{anchor}" if anchor else "") + m[3]

    # Links are rewritten in the prose only: a program may well contain `](x)`.
    text, out, end = BUILD_ONLY.sub("", HEADING_ID.sub(r"\1", text)), [], 0
    for fence in FENCED.finditer(text):
        out += [LINK.sub(absolute, text[end:fence.start()]), fence.group(0)]
        end = fence.end()
    text = "".join(out) + LINK.sub(absolute, text[end:])
    header = {"ko": "> 원문 페이지: ", "en": "> Page: "}[config.theme["language"]] + _site(config) + page.url
    _twins[path] = {"url": page.url, "title": page.title, "text": header + "\n\n" + text.strip() + "\n"}


def _site(config) -> str:
    """Links relative to the docs folder become absolute: x.md is <this language's site>/x/."""
    return (config["site_url"] or "/").rstrip("/") + "/"


def on_nav(nav, config, files):
    _nav[:] = [(p.parent.title if p.parent else None, p.url) for p in nav.pages]
    return nav


def on_page_context(context, page, config, nav):
    page.meta["twin"] = {"href": posixpath.relpath("/" + twin_path(page), "/" + page.url),
                         "title": TITLE[config.theme["language"]]}
    return context


def on_post_page(output, page, config):
    if page.file.src_uri.endswith(".ipynb"):
        _remember(page, config, _notebook(Path(page.file.abs_src_path), output))
    twin = _twins[twin_path(page)]
    twin["title"] = page.title
    target = Path(config["site_dir"]) / twin_path(page)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(twin["text"], encoding="utf-8")
    return output


def _notebook(path: Path, page_html: str) -> str:
    """The notebook as Markdown, with the outputs printed on its page."""
    article = page_html[page_html.index("<article"):page_html.index("</article>")]
    blocks = [(m["kind"].strip(), html.unescape(re.sub(r"<[^>]+>", "", m["code"])))
              for m in CELL_BLOCK.finditer(article)]
    programs = [i for i, (kind, _) in enumerate(blocks) if kind == "python"]
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    if len(programs) != len(code):
        raise ValueError(f"{path}: {len(code)} code cells, {len(programs)} programs on its page")
    out, n = [], 0
    for cell in cells:
        source = "".join(cell["source"]).strip()
        if cell["cell_type"] == "markdown":
            out.append(source)
            continue
        start = programs[n]
        end = programs[n + 1] if n + 1 < len(programs) else len(blocks)
        n += 1
        out.append(f"```python\n{source}\n```")
        for kind, text in blocks[start + 1:end]:
            out.append(f"```text\n{text.rstrip(chr(10))}\n```")
    return "\n\n".join(out)


def on_post_build(config):
    by_url = {t["url"]: (p, t) for p, t in _twins.items()}
    lines, section = [f"# {config['site_name']}", "", f"> {config['site_description']}", ""], False
    for title, url in _nav:
        if title != section:
            section = title
            lines += ["", f"## {title}", ""] if title else []
        path, twin = by_url[url]
        lines.append(f"- [{twin['title']}]({_site(config)}{path})")
    (Path(config["site_dir"]) / "llms.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
