"""Every page, in both languages, in real Chromium: private, error-free, accessible.

For each page, in light and dark colour schemes and on a phone-sized screen,
the page is loaded from the local server and must make no request to another
host, no request that fails or answers 4xx/5xx, log no console error and throw
no page error, and pass axe-core's WCAG 2.0/2.1 A and AA rules plus
`aria-dialog-name` (the search dialog's accessible name).

A page whose bytes and files are those of a passing run is not checked again
(tests/reuse.py); `FRESH=1` checks every page.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

import website
from website import AXE_OPTIONS, VIEWS, Visit

PATHS = website.expected_paths()


def test_every_built_page_is_checked(site_dir):
    built = set(website.page_paths(site_dir))
    assert built == set(PATHS), (f"built but not checked: {sorted(built - set(PATHS))}; "
                                 f"expected but not built: {sorted(set(PATHS) - built)}")


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


@pytest.mark.parametrize("path, lang", [("/no-such-page/", "ko"), ("/en/no-such-page/", "en")])
def test_missing_page_gets_the_404_page(chromium, server, path, lang):
    """As on GitHub Pages, every missing path gets the root 404 page, which offers both languages;
    under en/ it hands over to the English 404 page."""
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        assert visit.response.status == 404
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.lang") == lang
        expected = server.root + ("en/404.html" if lang == "en" else path.lstrip("/"))
        assert page.url == expected, f"{path}: ended at {page.url}"
        english_home = page.eval_on_selector('article a[href$="/en/"]', "a => a.href")
        assert english_home == server.root + "en/"
        # The document's own 404 is the point; anything else going wrong is not. Under en/
        # the hand-over cancels what the browser had begun to fetch for the Korean page.
        own = [p for p in visit.problems if path in p or "status of 404" in p]
        cancelled = [p for p in visit.problems if lang == "en" and "net::ERR_ABORTED" in p]
        others = [p for p in visit.problems if p not in own and p not in cancelled]
        assert not others, "\n".join(others)
        assert len(own) <= 2, "\n".join(own)
    finally:
        visit.close()
