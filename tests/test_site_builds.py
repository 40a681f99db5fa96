"""`mkdocs build --strict` succeeds without a single warning, and pages carry the torch version."""

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from pages import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    log = done.stdout + done.stderr
    return site, done.returncode, log


def test_strict_build_passes_without_warnings(built_site):
    site, returncode, log = built_site
    assert returncode == 0, f"mkdocs build --strict failed:\n{log}"
    warnings = [l for l in log.splitlines() if re.match(r"^\s*(WARNING|ERROR)\b", l)]
    assert not warnings, "the build printed warnings:\n" + "\n".join(warnings)


@pytest.mark.parametrize("home, lang", [("index.html", "ko"), ("en/index.html", "en")])
def test_home_page_names_the_installed_torch(built_site, home, lang):
    site, returncode, log = built_site
    assert returncode == 0, log
    html = (Path(site) / home).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert version("torch") in html, f"{home} does not name torch {version('torch')}"
    assert "{{ torch_version }}" not in html
