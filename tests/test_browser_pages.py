"""Every page, in both languages, in real Chromium: private, error-free, accessible.

For each page, in light and dark colour schemes and on a phone-sized screen,
the page is loaded from the local server and must make no request to another
host, no request that fails or answers 4xx/5xx, log no console error and throw
no page error, and pass axe-core's WCAG 2.0/2.1 A and AA rules plus
`aria-dialog-name` (the search dialog's accessible name).

A page whose bytes and files are those of a passing run is not checked again
(tests/reuse.py); `FRESH=1` checks every page.

axe's color-contrast rule is most of a check (4 s of a renderer's main thread
on a chapter page: it weighs every highlighted token), and each browser
context has its own renderer. So each check also loads the next AHEAD pages
that will be checked and starts their axe runs; their tests collect the
results. What those contexts fetch is recorded for their own test
(Visit's `tag`), and what they log stays on their own Visit.
"""

from __future__ import annotations

import itertools

import pytest
from axe_playwright_python.sync_playwright import Axe

import website
from website import AXE_OPTIONS, VIEWS, Visit

PATHS = website.expected_paths()
AHEAD = 2
AXE_SCRIPT = Axe().axe_script
# Started without waiting for it (page.evaluate returns at once; the next page loads meanwhile),
# once the page is what a reader sees: Material mounts each code block after the load (gives its
# <pre> an id, then on the next frames makes it focusable if it scrolls), later when the CPU is
# busy, and axe's scrollable-region-focusable fails a block not yet mounted. At most 5 s.
START_AXE = """opts => { window.__axe = (async () => {
  const frame = () => new Promise(go => requestAnimationFrame(go)), until = performance.now() + 5000;
  const unmounted = () => [...document.querySelectorAll("pre > code")].some(code => !code.parentElement.id);
  while (unmounted() && performance.now() < until) await frame();
  await frame(); await frame();
  return axe.run(document, opts);
})(); }"""


class Check:
    """A page in a view: begin() loads it, start() starts its axe run; finish() raises what went wrong."""

    def __init__(self, chromium, server, path, view, test_id):
        self.chromium, self.server, self.path, self.view = chromium, server, path, view
        self.tag, self.visit, self.error = website.tag(test_id), None, None

    def _step(self, step):
        if self.error is None:
            try:
                step()
            except Exception as e:  # its own test reports it
                self.error = e

    def begin(self) -> Check:
        def load():
            self.visit = Visit(self.chromium, self.server, self.path, self.view, tag=self.tag, settle=False)
        self._step(load)
        return self

    def start(self) -> Check:
        def axe():  # on the loaded page; its later requests are awaited by finish()
            self.visit.page.wait_for_load_state("load")
            self.visit.page.evaluate(AXE_SCRIPT)
            self.visit.page.evaluate(START_AXE, AXE_OPTIONS)
        self._step(axe)
        return self

    def finish(self) -> list[str]:
        """Everything wrong with the page, from the load to axe's verdict."""
        if self.error is not None:
            raise self.error
        visit, path = self.visit, self.path
        visit.settle()  # every request the page makes, until none has been open for half a second
        assert visit.response is not None and visit.response.status == 200, f"{path}: HTTP {visit.response and visit.response.status}"
        actual_scheme = visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert actual_scheme == VIEWS[self.view][1], f"{path}: expected the {self.view} palette, got {actual_scheme}"
        violations = visit.page.evaluate("() => window.__axe")["violations"]
        problems = list(visit.problems)
        for v in violations:
            for node in v["nodes"][:5]:
                problems.append(f"axe {v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '').splitlines()[-1:]}")
            if len(v["nodes"]) > 5:
                problems.append(f"axe {v['id']}: ... and {len(v['nodes']) - 5} more nodes")
        return problems

    def close(self):
        if self.visit is not None:
            self.visit.close()


@pytest.fixture(scope="session")
def started() -> dict[str, Check]:
    """Checks loaded ahead of their turn, by test id."""
    checks = {}
    yield checks
    for check in checks.values():  # a run stopped early
        check.close()


@pytest.fixture
def page_check(request, chromium, server, kept_results, started, path, view) -> Check:
    """This test's check, begun by an earlier test or now; and the next AHEAD checks begun."""
    items = request.session.items
    me = request.node
    if kept_results.would_pass(me.nodeid):
        yield None  # conftest passes it without calling the test
        return
    following = items[items.index(me) + 1:]
    ahead = itertools.islice((i for i in following if i.originalname == me.originalname and i.module is me.module
                              and not kept_results.would_pass(i.nodeid)), AHEAD)  # not every later test, every time
    check = started.pop(me.nodeid, None)
    begun = [] if check else [Check(chromium, server, path, view, me.nodeid).begin()]
    for item in ahead:  # their pages load at once, then their axe runs start
        if item.nodeid not in started:
            params = item.callspec.params
            started[item.nodeid] = Check(chromium, server, params["path"], params["view"], item.nodeid).begin()
            begun.append(started[item.nodeid])
    for c in begun:
        c.start()
    check = check or begun[0]
    yield check
    check.close()


def test_every_built_page_is_checked(site_dir):
    built = set(website.page_paths(site_dir))
    assert built == set(PATHS), (f"built but not checked: {sorted(built - set(PATHS))}; "
                                 f"expected but not built: {sorted(set(PATHS) - built)}")


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("path", PATHS)
def test_page_is_private_error_free_and_accessible(page_check, path, view):
    if problems := page_check.finish():
        pytest.fail(f"{path} ({view}):\n" + "\n".join(problems), pytrace=False)


@pytest.mark.parametrize("path, lang", [("/no-such-page/", "ko"), ("/en/no-such-page/", "en")])
def test_missing_page_gets_the_404_page(chromium, server, path, lang):
    """As on GitHub Pages, every missing path gets the root 404 page, which offers both languages;
    under en/ it hands over to the English 404 page."""
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        assert visit.response.status == 404
        visit.settle()  # again: under en/ the page hands over to en/404.html
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


# A page that asks for one more file a moment after its load event, as Material's search worker does.
LATE = """<!doctype html><html lang="en"><title>late</title><script>
addEventListener("load", () => setTimeout(() => fetch("{name}").then(r => r.text()).then(t => {{ window.late = t }}), 300));
</script></html>"""


def test_a_page_is_checked_once_its_requests_after_the_load_have_finished(chromium, tmp_path):
    (tmp_path / "index.html").write_text(LATE.format(name="late.txt"), encoding="utf-8")
    (tmp_path / "late.txt").write_text("here", encoding="utf-8")
    server = website.Server(tmp_path)
    visit = Visit(chromium, server, "/")  # settles before it returns
    try:
        assert visit.page.evaluate("window.late") == "here" and not visit.open
    finally:
        visit.close()
        server.stop()


def test_a_request_that_never_finishes_fails_the_wait_and_is_named(chromium, tmp_path):
    (tmp_path / "index.html").write_text(LATE.format(name="never.txt"), encoding="utf-8")
    server = website.Server(tmp_path)
    visit = Visit(chromium, server, "/", settle=False)
    try:
        visit.page.route("**/never.txt", lambda route: None)  # never answered
        with pytest.raises(TimeoutError, match=r"requests still open after 2 s: \['http://127\.0\.0\.1:\d+/never\.txt'\]"):
            visit.settle(timeout=2)
    finally:
        visit.close()
        server.stop()
