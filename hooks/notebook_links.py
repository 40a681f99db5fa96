"""Links in notebooks, on the site and in the download.

A notebook links to a chapter the way a page does, with a relative Markdown
path (`../shapes.md#batch-first`). mkdocs does not resolve links inside
notebooks, so this hook does: on the page the link becomes the chapter's URL
(a missing page fails the build); in the `.ipynb` offered for download, next
to the page, it becomes the published address, so it still works on the
reader's machine. The page gets a download link under its title, and next
to it a link that opens the notebook in Colab from the published GitHub
repository (`repo_url`, on the branch and folder `edit_uri` names): a plain
link, so nothing is requested from Google until the reader follows it.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs_jupyter.plugin import NotebookFile

MD_LINK = re.compile(r"\]\((?P<path>[^)#\s]+\.md)(?P<anchor>#[^)\s]*)?\)")
HREF = re.compile(r'href="(?P<path>[^"#:]+\.md)(?P<anchor>#[^"]*)?"')
DOWNLOAD = {"ko": "이 노트북 내려받기", "en": "Download this notebook"}
COLAB = {"ko": "Colab에서 열기", "en": "Open in Colab"}
GITHUB = re.compile(r"^https://github\.com/(?P<repo>[^/]+/[^/]+?)/?$")
# Material's edit link is repo_url + edit_uri + the page's path: "edit/<branch>/<docs folder>/".
EDIT_URI = re.compile(r"^(?:edit|blob)/(?P<branch>[^/]+)/(?P<docs>.*?)/?$")


def colab_url(config, src_uri: str) -> str:
    """Colab opens a notebook from GitHub by its path in the repository, at a branch."""
    repo, edit = GITHUB.match(config.repo_url or ""), EDIT_URI.match(config.edit_uri or "")
    if not repo or not edit:
        raise PluginError(f"Colab links need a GitHub repo_url and an edit_uri like edit/main/docs/ "
                          f"(repo_url {config.repo_url!r}, edit_uri {config.edit_uri!r})")
    path = posixpath.join(edit["docs"], src_uri)
    return f"https://colab.research.google.com/github/{repo['repo']}/blob/{edit['branch']}/{path}"


def target(page, path, files):
    src = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    found = files.get_file_from_path(src)
    if found is None:
        raise PluginError(f"{page.file.src_uri}: link to {path} ({src}), which is not a page")
    return found


def on_page_content(html, page, config, files):
    if not isinstance(page.file, NotebookFile):
        return html
    html = HREF.sub(lambda m: f'href="{target(page, m["path"], files).url_relative_to(page.file)}{m["anchor"] or ""}"', html)
    write_download(page, config, files)
    lang = config.theme["language"]
    name = Path(page.file.abs_src_path).name
    link = (f'<p class="nb-download"><a href="{name}" download>{DOWNLOAD[lang]}</a> '
            f'(<code>{name}</code>) · <a href="{colab_url(config, page.file.src_uri)}">{COLAB[lang]}</a></p>')
    return html.replace("</h1>", "</h1>" + link, 1)


def write_download(page, config, files):
    """The notebook, next to its page, with each chapter link made the published address."""
    notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))

    def published(m):
        return f"]({config.site_url or ''}{target(page, m['path'], files).url}{m['anchor'] or ''})"

    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = MD_LINK.sub(published, text)
    dest = Path(page.file.abs_dest_path).parent / Path(page.file.abs_src_path).name
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
