"""Every page has a Markdown twin with the same programs and outputs, and each language an llms.txt.

hooks/markdown_twins.py writes them; this reads them back from the built site.
"""

import re
import textwrap
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

import website

PAGES = [p for p in website.expected_paths() if not p.endswith("404.html")]
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})[^\n]*\n(?P<body>.*?)\n(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)


def twin_of(path: str) -> str:
    """`/shapes/` -> `shapes.md`, `/en/` -> `en/index.md`, as hooks/markdown_twins.py names them."""
    rel = path.lstrip("/")
    return rel + "index.md" if rel in ("", "en/") else rel.rstrip("/") + ".md"


def page_blocks(page: BeautifulSoup) -> list[str]:
    article = page.find("article")
    # An empty block is the calculator's, written by its script as the reader types.
    return [text for code in article.select("div.highlight pre > code") if (text := code.get_text().rstrip("\n"))]


def twin_blocks(markdown: str) -> list[str]:
    return [(textwrap.dedent(m["body"]) if m["indent"] else m["body"]).rstrip("\n") for m in FENCE.finditer(markdown)]


@pytest.mark.parametrize("path", PAGES)
def test_twin_carries_the_pages_code_and_outputs(site_dir, path):
    page = BeautifulSoup((site_dir / path.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
    twin = site_dir / twin_of(path)
    assert twin.is_file(), f"{path}: no Markdown twin at /{twin_of(path)}"
    link = page.select_one('a[type="text/markdown"]')
    assert link and urljoin(path, link["href"]) == "/" + twin_of(path), f"{path}: no link to its twin, or a wrong one: {link}"
    text = twin.read_text(encoding="utf-8")
    assert "--8<--" not in text, f"/{twin_of(path)}: a snippet line left unreplaced"
    relative = re.findall(r"\]\((?!https?://|mailto:)([^)]+)\)", FENCE.sub("", text))
    assert not relative, f"/{twin_of(path)}: relative links, which do not resolve where the twin is read: {relative[:5]}"
    assert twin_blocks(text) == page_blocks(page), f"/{twin_of(path)}: its code blocks differ from the page's"


@pytest.mark.parametrize("lang", list(website.LANGS))
def test_llms_txt_lists_every_twin_of_its_language(site_dir, lang):
    prefix = website.LANGS[lang]
    listed = re.findall(r"^- \[[^\]]+\]\((\S+)\)$", (site_dir / prefix / "llms.txt").read_text(encoding="utf-8"), re.M)
    site = re.match(r"https?://[^/]+(/.*)$", listed[0])[1].removesuffix(twin_of("/" + prefix))
    wanted = sorted(twin_of(p) for p in PAGES if website.lang_of(p) == lang)
    got = sorted(re.match(r"https?://[^/]+(/.*)$", url)[1].removeprefix(site) for url in listed)
    assert got == wanted, f"{prefix}llms.txt lists {got}, the site has {wanted}"
