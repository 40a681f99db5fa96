"""No link in the built site points to a missing file or a missing anchor.

The strict build already checks links written in Markdown; this reads the
built HTML, so it also covers links made by the theme, the hooks and the
templates (navigation, language selector, 404 pages, footer).
"""

import hashlib
import json
import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

import website


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                self.links.append((tag, attrs[key]))


# Parsing every page is most of the check; a page's ids and links are kept by the hash of its
# bytes and of this file (the parser), so a rebuild that changed one page parses one page.
PARSED = Path(__file__).resolve().parents[1] / ".cache" / "links"
PARSER = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _parse(path: Path) -> _Links:
    data = path.read_bytes()
    kept = PARSED / (hashlib.sha256(PARSER.encode() + data).hexdigest()[:32] + ".json")
    parser = _Links()
    try:
        ids, links = json.loads(kept.read_text(encoding="utf-8"))
        parser.ids, parser.links = set(ids), [tuple(link) for link in links]
    except (OSError, ValueError):
        parser.feed(data.decode("utf-8"))
        kept.parent.mkdir(parents=True, exist_ok=True)
        part = kept.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps([sorted(parser.ids), parser.links]), encoding="utf-8")
        part.replace(kept)
    return parser


def _target(site: Path, url_path: str) -> Path:
    rel = unquote(url_path).lstrip("/")
    target = site / rel
    return target / "index.html" if rel == "" or rel.endswith("/") or target.is_dir() else target


def broken_links(site_dir: Path, prefix: str) -> list[str]:
    base = "https://site.invalid" + prefix  # stands for site_url; any host would do
    pages = {p: _parse(p) for p in site_dir.rglob("*.html") if not p.relative_to(site_dir).as_posix().startswith("assets/")}
    broken = []
    for page, parsed in pages.items():
        page_url = urljoin(base, page.relative_to(site_dir).as_posix().replace("index.html", ""))
        for tag, link in parsed.links:
            url = urlsplit(urljoin(page_url, link))
            if url.scheme not in ("http", "https") or url.netloc != "site.invalid":
                continue  # another site, mailto:, data:
            if not url.path.startswith(prefix):
                broken.append(f"{page.relative_to(site_dir)}: <{tag}> {link} leaves the site's path {prefix}")
                continue
            target = _target(site_dir, url.path[len(prefix):])
            if not target.is_file():
                broken.append(f"{page.relative_to(site_dir)}: <{tag}> {link} -> missing {target.relative_to(site_dir)}")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(site_dir)}: <{tag}> {link} -> no id {url.fragment!r} in {target.relative_to(site_dir)}")
    assert pages, "no HTML pages found"
    return sorted(set(broken))


def test_no_broken_links_or_anchors(site_dir):
    broken = broken_links(site_dir, website.published_prefix(site_dir))
    if broken:
        pytest.fail(f"{len(broken)} broken links:\n" + "\n".join(broken), pytrace=False)


def test_the_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(
        '<h1 id="top">x</h1><a href="#top">ok</a><a href="en/">ok</a><a href="en/#gone">anchor</a>'
        '<a href="nowhere/">page</a><a href="https://example.org/">other site</a><img src="/repo/a.png">')
    (tmp_path / "en" / "index.html").write_text('<h1 id="here">y</h1><a href="../#top">ok</a>')
    (tmp_path / "a.png").write_bytes(b"")
    assert broken_links(tmp_path, "/repo/") == [
        "index.html: <a> en/#gone -> no id 'gone' in en/index.html",
        "index.html: <a> nowhere/ -> missing nowhere/index.html",
    ]


def test_a_changed_page_is_parsed_again(tmp_path):
    """The kept parse of a page (PARSED) is the parse of those very bytes."""
    page = tmp_path / "index.html"
    page.write_text('<h1 id="before">x</h1><a href="a/">a</a>')
    assert (_parse(page).ids, _parse(page).links) == ({"before"}, [("a", "a/")])  # parsed, then kept
    page.write_text('<h1 id="after">x</h1><a href="b/">b</a>')
    assert (_parse(page).ids, _parse(page).links) == ({"after"}, [("a", "b/")])
