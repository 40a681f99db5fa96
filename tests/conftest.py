import pytest

from pages import PageError


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # A broken page explains itself; the traceback through the harness only hides that.
    if call.excinfo is not None and call.excinfo.errisinstance(PageError):
        report.longrepr = str(call.excinfo.value)
    return report
