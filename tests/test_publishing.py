"""The site can be published from the repository URL alone."""

import re
import sys

import pytest
import yaml

from pages import DOCS, ROOT, mkdocs_config

sys.path.insert(0, str(ROOT / "hooks"))
from site_url import pages_url  # noqa: E402


@pytest.mark.parametrize("repo, url", [
    ("https://github.com/owner/rnn-guide", "https://owner.github.io/rnn-guide/"),
    ("https://github.com/Owner/rnn-guide/", "https://owner.github.io/rnn-guide/"),
    ("https://github.com/owner/owner.github.io", "https://owner.github.io/"),
    ("https://gitlab.com/owner/rnn-guide", None),
])
def test_site_url_follows_from_repo_url(repo, url):
    assert pages_url(repo) == url


def test_workflow_tests_pull_requests_and_deploys_main():
    flow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())
    triggers = flow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = [s.get("run", "") + s.get("uses", "") for s in flow["jobs"]["test"]["steps"]]
    assert "make test" in steps and "make build" in steps
    upload = next(s for s in flow["jobs"]["test"]["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert any("deploy-pages" in s.get("uses", "") for s in flow["jobs"]["deploy"]["steps"])


@pytest.mark.parametrize("page", ["shapes/index.html", "en/shapes/index.html"])
def test_edit_link_opens_the_source_of_the_page(site_dir, page):
    html = (site_dir / page).read_text(encoding="utf-8")
    edit = re.search(r'href="([^"]+)"[^>]*rel="edit"', html)
    assert edit, f"{page} has no edit link"
    repo_url = mkdocs_config("ko")["repo_url"]
    prefix = f"{repo_url}/edit/main/docs/"
    assert edit[1].startswith(prefix), edit[1]
    assert (DOCS / edit[1][len(prefix):]).is_file(), f"{edit[1]} names no file in docs/"
