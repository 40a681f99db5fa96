"""`mkdocs build --strict` succeeds without a single warning, and pages name the torch and CPU that printed."""

import platform
import re
from importlib.metadata import version

import pytest


def test_strict_build_passes_without_warnings(built_site):
    assert built_site.returncode == 0, f"mkdocs build --strict failed:\n{built_site.log}"
    warnings = [l for l in built_site.log.splitlines() if re.match(r"^\s*(WARNING|ERROR)\b", l)]
    assert not warnings, "the build printed warnings:\n" + "\n".join(warnings)


@pytest.mark.parametrize("home, lang", [("index.html", "ko"), ("en/index.html", "en")])
def test_home_page_names_the_installed_torch_and_cpu(site_dir, home, lang):
    import torch

    html = (site_dir / home).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert version("torch") in html, f"{home} does not name torch {version('torch')}"
    build = f"CUDA {torch.version.cuda}" if torch.version.cuda else "CPU"
    assert f"({build} {'build' if lang == 'en' else '빌드'})" in html, f"{home} does not name the {build} build"
    capability = torch.backends.cpu.get_cpu_capability()
    assert re.search(rf"<strong>[^<]+\({platform.machine()}, {capability}\)</strong>", html), \
        f"{home} does not name this CPU ({platform.machine()}, {capability})"
    assert not re.search(r"\{\{ *(torch_version|torch_build|cpu) *\}\}", html)



# Custom properties keep their text as written, so runs of white space and the
# space after a comma are evened out; a space that is a combinator still counts.
RULES = """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
                   return [...sheet.cssRules].map(rule => rule.cssText.replace(/\\s+/g, ' ').replace(/ ?, ?/g, ',')); }"""


def test_stylesheets_lose_comments_and_keep_every_rule(site_dir, chromium):
    """hooks/css_without_comments.py: Chromium reads the same rules from the sent file as from the source."""
    from pages import DOCS

    page = chromium.new_page()
    try:
        for source in sorted((DOCS / "assets" / "css").glob("*.css")):
            sent = (site_dir / source.relative_to(DOCS)).read_text(encoding="utf-8")
            text = source.read_text(encoding="utf-8")
            assert "/*" not in sent and len(sent) < len(text), f"{source.name}: the site's copy keeps its comments"
            assert page.evaluate(RULES, sent) == page.evaluate(RULES, text), (
                f"{source.name}: Chromium reads other rules from the site's copy than from the source")
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_language_has_its_own_sitemap_search_index_and_404(site_dir, lang):
    """One build per language (scripts/sites.py): each lists, searches and answers for its own pages only."""
    import json

    import website
    from pages import LANGS

    folder, other = site_dir / website.LANGS[lang], next(l for l in LANGS if l != lang)
    mine = sorted(p for p in website.expected_paths() if website.lang_of(p) == lang and not p.endswith("404.html"))
    root = website.published_prefix(site_dir)  # the site's path; the sitemap's addresses are absolute
    sitemap = (folder / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>\s*<loc>[^<]*?//[^/]+([^<]*)</loc>(.*?)</url>", sitemap, re.S)
    assert sorted("/" + loc[len(root):] for loc, _ in entries) == mine, f"{lang}: the sitemap lists other pages"
    for loc, links in entries:
        path = "/" + loc[len(root):]
        twins = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="(\w+)" href="[^"]*?//[^/]+([^"]*)"/>', links))
        here = path[1 + len(website.LANGS[lang]):]
        assert twins == {l: root + website.LANGS[l] + here for l in LANGS}, f"{lang} sitemap, {path}: hreflang {twins}"

    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {"/" + website.LANGS[lang] + d["location"].split("#")[0] for d in index["docs"]}
    assert pages == set(mine), f"{lang}: the search index covers {sorted(pages ^ set(mine))[:5]} too or misses them"
    assert index["config"]["lang"] == (["en", "ko"] if lang == "ko" else ["en"])

    not_found = (folder / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in not_found and f'hreflang="{other}"' in not_found
