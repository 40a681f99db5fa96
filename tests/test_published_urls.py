"""Every address a reader, a link or a search engine may hold stays where it was.

`published_urls.txt` lists every file of the built site outside `assets/` (pages,
their Markdown twins, notebook downloads, sitemaps, search indexes, 404 pages)
and every heading's `#id` on every page, as they were when the site moved from
one mkdocs-static-i18n build to one build per language. A page or heading added
on purpose is added to the list in the same change; one that disappears or moves
fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).parent
LIST = HERE / "published_urls.txt"
HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')


def published(site: Path) -> list[str]:
    """URL paths of the site's files outside assets/, and `page#id` for each heading."""
    out = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or re.match(r"(en/)?assets/", rel):
            continue
        url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        out.append(url)
        if rel.endswith(".html"):
            out += [f"{url}#{i}" for i in HEADING_ID.findall(path.read_text(encoding="utf-8"))]
    return sorted(out)


def test_every_published_url_and_anchor_is_where_it_was(site_dir):
    expected = LIST.read_text(encoding="utf-8").split()
    built = published(site_dir)
    missing = sorted(set(expected) - set(built))
    added = sorted(set(built) - set(expected))
    assert not missing and not added, (
        f"gone or moved: {missing[:20]}{' ...' if len(missing) > 20 else ''}\n"
        f"new (add them to {LIST.name} if meant): {added[:20]}")


if __name__ == "__main__":  # python tests/test_published_urls.py SITE_DIR > tests/published_urls.txt
    import sys
    print("\n".join(published(Path(sys.argv[1]))))
