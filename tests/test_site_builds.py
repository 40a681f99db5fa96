"""`mkdocs build --strict` succeeds without a single warning, and pages carry the torch version."""

import re
from importlib.metadata import version

import pytest


def test_strict_build_passes_without_warnings(built_site):
    assert built_site.returncode == 0, f"mkdocs build --strict failed:\n{built_site.log}"
    warnings = [l for l in built_site.log.splitlines() if re.match(r"^\s*(WARNING|ERROR)\b", l)]
    assert not warnings, "the build printed warnings:\n" + "\n".join(warnings)


@pytest.mark.parametrize("home, lang", [("index.html", "ko"), ("en/index.html", "en")])
def test_home_page_names_the_installed_torch(site_dir, home, lang):
    html = (site_dir / home).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert version("torch") in html, f"{home} does not name torch {version('torch')}"
    assert "{{ torch_version }}" not in html
