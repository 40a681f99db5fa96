"""Every page, in both languages, in real Chromium: private, error-free, accessible.

For each page, in light and dark colour schemes and on a phone-sized screen, the page is loaded from the local server and
must make no request to another host, no request that fails or answers 4xx/5xx,
log no console error and throw no page error, and pass axe-core's WCAG 2.0/2.1
A and AA rules plus `aria-dialog-name` (the search dialog's accessible name).
"""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

import website
from pages import DOCS, LANGS, pages

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # A best-practice rule, outside the WCAG tags: Material's search dialog has no name.
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],
}
# view -> (prefers-color-scheme, Material's scheme it must select, viewport)
VIEWS = {
    "light": ("light", "default", {"width": 1280, "height": 800}),
    "dark": ("dark", "slate", {"width": 1280, "height": 800}),
    "phone": ("light", "default", {"width": 390, "height": 844}),
}


def _url_paths():
    """Every page the site should have: one per Markdown page, plus each language's 404."""
    paths = []
    for lang in LANGS:
        prefix = website.LANGS[lang]
        for md in pages(lang):
            rel = md.relative_to(DOCS / lang).as_posix()[: -len(".md")]
            rel = "" if rel == "index" else rel[: -len("index")] if rel.endswith("/index") else rel + "/"
            paths.append(f"/{prefix}{rel}")
        paths.append(f"/{prefix}404.html")
    return paths


PATHS = _url_paths()


def test_every_built_page_is_checked(site_dir):
    built = set(website.page_paths(site_dir))
    assert built == set(PATHS), (f"built but not checked: {sorted(built - set(PATHS))}; "
                                 f"expected but not built: {sorted(set(PATHS) - built)}")


class Visit:
    """One page load with everything that went wrong on the way recorded."""

    def __init__(self, browser, server, path, view="light"):
        scheme, _, viewport = VIEWS[view]
        self.context = browser.new_context(color_scheme=scheme, viewport=viewport)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.problems = []
        origin = server.origin
        page = self.page

        def on_request(req):
            parts = urlsplit(req.url)
            if parts.scheme in ("data", "blob"):
                return
            if f"{parts.scheme}://{parts.netloc}" != origin:
                self.problems.append(f"request to another host: {req.url}")

        def on_response(resp):
            if resp.status >= 400:
                self.problems.append(f"HTTP {resp.status}: {resp.url.replace(origin, '')}")

        page.on("request", on_request)
        page.on("response", on_response)
        page.on("requestfailed", lambda req: self.problems.append(f"request failed ({req.failure}): {req.url}"))
        page.on("console", lambda msg: msg.type == "error" and self.problems.append(f"console error: {msg.text}"))
        page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        self.url = server.root + path.lstrip("/")
        self.response = page.goto(self.url, wait_until="networkidle")

    def close(self):
        self.context.close()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("path", PATHS)
def test_page_is_private_error_free_and_accessible(chromium, server, path, view):
    visit = Visit(chromium, server, path, view)
    try:
        page = visit.page
        assert visit.response is not None and visit.response.status == 200, f"{path}: HTTP {visit.response and visit.response.status}"
        actual_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert actual_scheme == VIEWS[view][1], f"{path}: expected the {view} palette, got {actual_scheme}"
        results = Axe().run(page, options=AXE_OPTIONS)
        problems = list(visit.problems)
        for v in results.response["violations"]:
            for node in v["nodes"][:5]:
                problems.append(f"axe {v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '').splitlines()[-1:]}")
            if len(v["nodes"]) > 5:
                problems.append(f"axe {v['id']}: ... and {len(v['nodes']) - 5} more nodes")
        if problems:
            pytest.fail(f"{path} ({view}):\n" + "\n".join(problems), pytrace=False)
    finally:
        visit.close()


@pytest.mark.parametrize("path", ["/no-such-page/", "/en/no-such-page/"])
def test_missing_page_gets_the_404_page(chromium, server, path):
    """As on GitHub Pages, every missing path gets the root 404 page, which offers both languages."""
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        assert visit.response.status == 404
        assert page.evaluate("document.documentElement.lang") == "ko"
        english_home = page.eval_on_selector('article a[href$="/en/"]', "a => a.href")
        assert english_home == server.root + "en/"
        # The document's own 404 is the point; anything else going wrong is not.
        others = [p for p in visit.problems if path not in p and "status of 404" not in p]
        assert not others, "\n".join(others)
        assert len(visit.problems) <= 2, "\n".join(visit.problems)
    finally:
        visit.close()
