"""Derive `site_url` from `repo_url`, so the repository URL is set in one place.

A GitHub repository https://github.com/OWNER/REPO is published by GitHub Pages
at https://OWNER.github.io/REPO/. Set `site_url` in mkdocs.yml to override
(a custom domain). `mkdocs serve` sets its own local `site_url` before this
runs, so the live server still answers at http://127.0.0.1:8000/. The address
is the whole site's; hooks/languages.py then moves it into a language's folder.
"""

import re

from mkdocs.plugins import event_priority

GITHUB = re.compile(r"^https://github\.com/(?P<owner>[^/]+)/(?P<repo>[^/]+?)/?$")


def pages_url(repo_url: str) -> str | None:
    m = GITHUB.match(repo_url or "")
    if not m:
        return None
    owner, repo = m["owner"], m["repo"]
    if repo.lower() == f"{owner.lower()}.github.io":  # a user site lives at the root
        return f"https://{repo.lower()}/"
    return f"https://{owner.lower()}.github.io/{repo}/"


@event_priority(100)  # before languages.py adds the language's folder
def on_config(config):
    if not config.site_url:
        config.site_url = pages_url(config.repo_url)
    return config
