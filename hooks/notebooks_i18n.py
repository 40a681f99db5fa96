"""Notebooks (mkdocs-jupyter) in a two-language site (mkdocs-static-i18n).

Three things break when the two plugins meet; this hook mends each:

- static-i18n rebuilds the file list for each language as plain `File`s, so a
  notebook stops being a page: its raw JSON is copied to `.../index.html` and
  its nav title reads "None", while `--strict` still passes
  (ultrabug/mkdocs-static-i18n#198). Wrapped again here, after static-i18n,
  with what static-i18n gives pages and skipped for notebooks: the other
  language's version (hreflang, language selector) and a place in the sitemap.
- each language's build evicts the other language's entries from
  mkdocs-jupyter's cache, so every build executes every notebook again. All
  notebooks' entries are kept; the cache lives in a folder named after the
  torch and Keras versions, so a new version executes them afresh.
- nbconvert derives heading ids from the text and drops Hangul: Korean
  headings get empty or clipped ids. Every notebook takes its ids from its
  English twin, in order, so `#a-first-check` is the same section in both.
  The table of contents also loses text in backticks (a heading `proj_size`
  became a link without a name); its titles are taken from the headings.
"""

from __future__ import annotations

import os
import re
from importlib.metadata import version
from pathlib import Path, PurePath
from types import SimpleNamespace

from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs_jupyter.plugin import NotebookFile, _compute_cache_key, _get_cache_path

HEADING_LINE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
HEADING_HTML = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="headerlink" href="#[^"]*"', re.S)


def _jupyter(config):
    return config.plugins["mkdocs-jupyter"]


def on_config(config):
    # $NOTEBOOK_CACHE lets `make bench` time a build with a cold cache.
    root = os.environ.get("NOTEBOOK_CACHE") or Path(config.config_file_path).parent / ".cache" / "notebooks"
    tag = f"torch-{version('torch')}-keras-{version('keras')}"
    _jupyter(config).config["cache_dir"] = str(Path(root) / tag)


@event_priority(-200)  # after static-i18n's on_files (-100), which unwraps notebooks
def on_files(files, config):
    jupyter, i18n = _jupyter(config), config.plugins["i18n"]
    for f in list(files):
        if not isinstance(f, NotebookFile) and jupyter.should_include(f):
            nb = NotebookFile(f, config.use_directory_urls, config.site_dir)
            # static-i18n already moved the page under its language's folder
            nb.dest_path, nb.abs_dest_path, nb.url = f.dest_path, f.abs_dest_path, f.url
            nb.alternates = _alternates(nb, config, i18n)
            files.remove(f)
            files.append(nb)
    i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()  # the sitemap
    return files


def _alternates(nb, config, i18n) -> dict:
    """This notebook in every language it exists in, as static-i18n records it for a page."""
    rel = PurePath(nb.src_uri).relative_to(PurePath(nb.src_uri).parts[0])
    out = {}
    for lang in sorted(i18n.build_languages):
        if (Path(config.docs_dir) / lang / rel).exists():
            prefix = "" if lang == i18n.default_language else f"{lang}/"
            url = f"{prefix}{rel.with_suffix('').as_posix()}/"
            out[lang] = nb if lang == i18n.current_language else SimpleNamespace(url=url, page=None, locale=lang)
    return out


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
    lang = PurePath(page.file.src_uri).parts[0]
    twin = Path(config.docs_dir) / "en" / PurePath(page.file.src_uri).relative_to(lang)
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


@event_priority(50)  # before mkdocs-jupyter's own on_post_build evicts "unused" entries
def on_post_build(config):
    jupyter = _jupyter(config)
    if not jupyter.config["cache"]:
        return
    for notebook in Path(config.docs_dir).rglob("*.ipynb"):
        key = _compute_cache_key(str(notebook), jupyter.config, jupyter.config["execute"])
        jupyter._used_cache_paths.add(_get_cache_path(jupyter.config["cache_dir"], key))
