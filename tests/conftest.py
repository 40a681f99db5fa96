import atexit
import os
import shutil
import sys
import tempfile

import pytest

from pages import PageError
import website


# Keras (the Keras chapter's snippets) writes keras.json into KERAS_HOME on its
# first import; keep it out of the home directory.
if "KERAS_HOME" not in os.environ:
    os.environ["KERAS_HOME"] = tempfile.mkdtemp(prefix="keras-home-")
    atexit.register(shutil.rmtree, os.environ["KERAS_HOME"], True)


def pytest_collection_finish(session):
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
    import page_results
    if line := config.stash.get(page_results.SUMMARY, None):
        terminalreporter.write_line(line)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # A broken page explains itself; the traceback through the harness only hides that.
    if call.excinfo is not None and call.excinfo.errisinstance(PageError):
        report.longrepr = str(call.excinfo.value)
    return report


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built once with `mkdocs build --strict`, whatever the result."""
    return website.build(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_dir(built_site):
    if built_site.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{built_site.log}", pytrace=False)
    return built_site.dir


@pytest.fixture(scope="session")
def server(site_dir):
    srv = website.Server(site_dir, website.published_prefix(site_dir))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def chromium():
    if not website.CHROMIUM.exists():
        pytest.fail(f"{website.CHROMIUM} not found: the browser tests need Debian's chromium and "
                    "fonts-noto-cjk. `make test` installs them when run as root; otherwise run "
                    "`sudo apt-get install -y chromium fonts-noto-cjk`.", pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = website.launch(p)
        yield browser
        browser.close()
