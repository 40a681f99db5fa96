"""The built site, served on 127.0.0.1, and a Chromium to look at it.

The site is built once per test session (every language's `mkdocs build
--strict` into a temporary folder, by scripts/sites.py) and served by a
small server that answers a missing path with the site's root 404.html and
status 404, as GitHub Pages does.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import http.server
import re
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from pages import DOCS, ROOT, notebooks, pages

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import sites  # noqa: E402

# language -> URL prefix, from the builds' own table
LANGS = {lang: f"{folder}/" if folder else "" for lang, (_, folder) in sites.LANGUAGES.items()}

# Debian's headless-only build of Chromium, the one Playwright itself runs headless: the same
# Blink without the full browser's windows. `make check` after a sentence in a chapter took
# 19.9 s with it and 22.2 s with /usr/bin/chromium (medians of 3, runs alternating).
CHROMIUM = Path("/usr/bin/chromium-headless-shell")
# Without the background-networking flags Chromium calls Google's hosts at start.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# What every page must pass: axe-core's WCAG 2.0/2.1 A and AA rules, and one more.
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


def launch(playwright):
    """Debian's headless Chromium under Playwright (Playwright cannot download its own here)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def build(dest: Path) -> sites.Result:
    """Every language's strict build into `dest`, as `make build` does (scripts/sites.py)."""
    return sites.build(dest)


def expected_paths() -> list[str]:
    """URL paths the site should have, from the sources: one per page, plus each language's 404."""
    paths = []
    for lang, prefix in LANGS.items():
        for source in pages(lang) + notebooks(lang):
            rel = source.relative_to(DOCS / lang).with_suffix("").as_posix()
            rel = "" if rel == "index" else rel[: -len("index")] if rel.endswith("/index") else rel + "/"
            paths.append(f"/{prefix}{rel}")
        paths.append(f"/{prefix}404.html")
    return paths


def page_paths(site: Path) -> list[str]:
    """URL paths of every HTML page of the built site, 404 pages included."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


def lang_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "ko"


def published_prefix(site: Path) -> str:
    """The URL path the site was built for (from site_url), read back from its sitemap.

    The sitemap's first entry is the default language's home page, i.e. site_url.
    """
    loc = re.search(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    return urlsplit(loc[1]).path if loc else "/"


# Text GitHub Pages sends gzip-compressed to a browser that accepts it.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb", ".txt"}


TAG_HEADER = "X-Check"


def tag(test_id: str) -> str:
    """A header-safe name for a test (TAG_HEADER)."""
    return hashlib.sha256(test_id.encode()).hexdigest()[:16]


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"  # the path the site is published under, e.g. /repo/ on GitHub Pages

    def log_message(self, *args):  # keep the test output clean
        pass

    def send_head(self):
        # As GitHub Pages does: text compressed with gzip when the browser asks for it,
        # so the bytes a browser reports as transferred are the ones readers download.
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # its redirect to the path with a slash
            path = path / "index.html"
        self._served(path)
        if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path[len(self.prefix):])

    def _served(self, path: Path):
        """What a test was given, found or not (tests/reuse.py keeps results by it).

        A browser context opened for one test ahead of its turn names that test in
        TAG_HEADER on every request (Visit's `tag`); the rest is the running test's.
        """
        tag = self.headers.get(TAG_HEADER)
        served = self.tagged.setdefault(tag, set()) if tag else self.served
        try:
            served.add(path.resolve().relative_to(Path(self.directory).resolve()).as_posix())
        except ValueError:  # outside the site: the path the site is published under was not asked for
            pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        self._served(page)
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Server:
    """Serves `site` on 127.0.0.1 on a free port until stopped."""

    def __init__(self, site: Path, prefix: str = "/"):
        self.site = Path(site)
        self.served: set[str] = set()  # paths in the site asked for since the last clear()
        self.tagged: dict[str, set[str]] = {}  # tag -> paths asked for with it (TAG_HEADER)
        handler = type("Handler", (_Handler,), {"prefix": prefix, "served": self.served, "tagged": self.tagged})
        handler = functools.partial(handler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.prefix = prefix
        self.root = self.origin + prefix  # the home page of the default language
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


class Visit:
    """One page load in Chromium with everything that went wrong on the way recorded."""

    def __init__(self, browser, server: Server, path: str, view: str = "light", tag: str | None = None,
                 settle: bool = True):
        scheme, _, viewport = VIEWS[view]
        headers = {TAG_HEADER: tag} if tag else None  # whose requests these are (Server.tagged)
        self.context = browser.new_context(color_scheme=scheme, viewport=viewport, extra_http_headers=headers)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.problems = []
        self.open, self.last_request = set(), time.monotonic()  # for settle()
        origin = server.origin
        page = self.page

        def on_request(req):
            self._opened(req)
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
        def on_failed(req):
            self.problems.append(f"request failed ({req.failure}): {req.url}")
            self._closed(req)

        page.on("requestfailed", on_failed)
        page.on("requestfinished", self._closed)
        page.on("console", lambda msg: msg.type == "error" and self.problems.append(f"console error: {msg.text}"))
        page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        self.url = server.root + path.lstrip("/")
        # settle=False: the navigation only begun (several pages load at once); settle() finishes it.
        self.response = page.goto(self.url, wait_until="commit")
        if settle:
            self.settle()

    def _opened(self, request):
        self.open.add(request)
        self.last_request = time.monotonic()

    def _closed(self, request):
        self.open.discard(request)
        self.last_request = time.monotonic()

    def settle(self, quiet: float = 0.5, timeout: float = 10.0):
        """Wait for the current page's load event, then until no request has been open for `quiet` s.

        Playwright's "networkidle" means the same, but it can wait forever once every request
        has finished: the search worker's script finishes in the worker's own target, which
        Playwright may not count as done (microsoft/playwright#42598, puppeteer/puppeteer#13752).
        Under chromium-headless-shell it timed out in 3 of 8 runs of three pages loading at once;
        this counts the requests the page reports, which all finished.
        """
        self.page.wait_for_load_state("load")
        end = time.monotonic() + timeout
        while self.open or time.monotonic() - self.last_request < quiet:
            if time.monotonic() > end:
                raise TimeoutError(f"{self.page.url}: requests still open after {timeout} s: "
                                   f"{sorted(r.url for r in self.open)}")
            self.page.wait_for_timeout(50)  # lets Playwright deliver the page's events meanwhile

    def close(self):
        self.context.close()
