import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from pages import PageError
import reuse
import website
import sites  # scripts/, on the path through website

SERVER = pytest.StashKey[website.Server]()
BROWSER_RESULTS = pytest.StashKey[reuse.Results]()
REUSED = pytest.StashKey[bool]()
EARLY_BUILD = pytest.StashKey[sites.Building]()


# Keras (the Keras chapter's snippets) writes keras.json into KERAS_HOME on its
# first import; keep it out of the home directory.
if "KERAS_HOME" not in os.environ:
    os.environ["KERAS_HOME"] = tempfile.mkdtemp(prefix="keras-home-")
    atexit.register(shutil.rmtree, os.environ["KERAS_HOME"], True)


def pytest_addoption(parser):
    parser.addoption("--build-first", action="store_true",
                     help="begin building the site before collecting (scripts/check.py, which knows it is needed)")


def pytest_configure(config):
    if config.getoption("build_first") and not config.option.collectonly:
        _begin_build(config)


def _begin_build(config):
    if EARLY_BUILD not in config.stash:
        dest = Path(tempfile.mkdtemp(prefix="site-"))
        config.add_cleanup(lambda: shutil.rmtree(dest, ignore_errors=True))
        # Begun here, in pytest's own thread: begun in a thread of its own, hashing the inputs
        # shared the interpreter with collection and the English build started 0.6 s later.
        config.stash[EARLY_BUILD] = sites.Building(dest / "site")
        config.add_cleanup(config.stash[EARLY_BUILD].close)  # runs first: a session cut short stops it


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return  # nothing will collect the results
    # The site is built in the background from here on, while the tests that do not
    # look at it run (make check orders them first); `built_site` waits for it.
    if any("built_site" in getattr(item, "fixturenames", ()) for item in session.items):
        _begin_build(session.config)
    # The CPU matrix runs in the background from here on; its tests collect the results.
    # Only the snippets whose matrix test was selected (`-k`, `make check`).
    matrix = sys.modules.get("test_outputs_hold_on_any_cpu")
    names = {item.callspec.params["name"] for item in session.items
             if matrix and item.module is matrix and "name" in getattr(getattr(item, "callspec", None), "params", {})}
    if names:
        import cpu_matrix
        session.config.stash[matrix.MATRIX] = cpu_matrix.start([matrix.SNIPPETS / n for n in sorted(names)])


def pytest_unconfigure(config):
    # A run stopped early (-x, Ctrl-C) leaves no worker behind.
    matrix = sys.modules.get("test_outputs_hold_on_any_cpu")
    for worker in (config.stash.get(matrix.MATRIX, None) or {}).values() if matrix else ():
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def pytest_terminal_summary(terminalreporter, config):
    if results := config.stash.get(BROWSER_RESULTS, None):
        terminalreporter.write_line(f"browser checks: {results.ran} run, {results.reused} reused "
                                    f"(the same bytes as a passing run; FRESH=1 runs all)")


# Tests that look at the site through the server pass without running again when every
# byte they were served, the suite's code and the tools are those of a passing run (tests/reuse.py).
def _kept(item):
    return item.config.stash.get(BROWSER_RESULTS, None) if "server" in item.fixturenames else None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if "server" in item.fixturenames and (srv := item.config.stash.get(SERVER, None)):
        srv.served.clear()  # from here on, what this test is given (fixtures included)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    results = _kept(pyfuncitem)
    if results and results.passed_before(pyfuncitem.nodeid):
        pyfuncitem.stash[REUSED] = True
        return True  # the test function is not called
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    results = _kept(item)
    if results and call.when == "call" and report.passed and not item.stash.get(REUSED, False):
        srv = item.config.stash[SERVER]
        # what it was given while it ran, and what was fetched for it earlier (test_browser_pages.py)
        results.record_pass(item.nodeid, srv.served | srv.tagged.pop(website.tag(item.nodeid), set()))
    # A broken page explains itself; the traceback through the harness only hides that.
    if call.excinfo is not None and call.excinfo.errisinstance(PageError):
        report.longrepr = str(call.excinfo.value)
    return report


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory):
    """The site built once with `mkdocs build --strict`, whatever the result (begun at collection)."""
    if early := request.config.stash.get(EARLY_BUILD, None):
        return early.result()
    return website.build(tmp_path_factory.mktemp("site"))  # asked for by name, not by a test's arguments


@pytest.fixture(scope="session")
def site_dir(built_site):
    if built_site.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{built_site.log}", pytrace=False)
    return built_site.dir


@pytest.fixture(scope="session")
def server(site_dir, request):
    srv = website.Server(site_dir, website.published_prefix(site_dir))
    request.config.stash[SERVER] = srv
    request.config.stash[BROWSER_RESULTS] = reuse.Results(site_dir, reuse.salt(website.CHROMIUM))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def kept_results(server, request) -> reuse.Results:
    """Which browser checks will pass without running (tests/reuse.py)."""
    return request.config.stash[BROWSER_RESULTS]


@pytest.fixture(scope="session")
def chromium():
    if not website.CHROMIUM.exists():
        pytest.fail(f"{website.CHROMIUM} not found: the browser tests need Debian's chromium-headless-shell "
                    "and fonts-noto-cjk. `make test` installs them when run as root; otherwise run "
                    "`sudo apt-get install -y chromium-headless-shell fonts-noto-cjk`.", pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = website.launch(p)
        yield browser
        browser.close()
