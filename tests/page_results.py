"""Passing page checks, kept by the content hash of exactly what they depended on.

A page check in Chromium (load, errors, axe) depends on the bytes the browser was
given (the page and every file it requested), on the code of the check, and on
the versions of Chromium and axe. A passing result is stored in
`.cache/page-checks/` under a key made of all of these; a later run whose page
and files are byte for byte the same reuses it, and a change to any one of them
runs the check again (tests/test_cached_results.py proves both). A failure is
never stored. `FRESH=1` runs every check.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from pages import ROOT

SUMMARY = pytest.StashKey[str]()  # one line for the end of the run, from test_browser_pages.py

HERE = Path(__file__).resolve().parent


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PageResults:
    def __init__(self, site: Path, salt: str, store: Path = ROOT / ".cache" / "page-checks"):
        self.site, self.store = site, store
        self.enabled = os.environ.get("FRESH") != "1"
        self.salt = salt
        self.reused = self.ran = 0

    @staticmethod
    def salt_for(*parts: str, code: tuple[str, ...] = ("website.py", "page_results.py")) -> str:
        """What every result depends on besides the site: the check's code and the tools' versions."""
        texts = [(HERE / name).read_bytes() for name in code]
        return _sha(b"\0".join([*texts, *(p.encode() for p in parts)]))

    def _entry(self, path: str, view: str, html: bytes) -> Path:
        return self.store / _sha(f"{self.salt}\0{path}\0{view}\0".encode() + html)[:32]

    def passed_before(self, path: str, view: str, html_file: Path) -> bool:
        if not self.enabled or not html_file.is_file():
            return False
        entry = self._entry(path, view, html_file.read_bytes())
        try:
            files = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        for rel, digest in files.items():
            f = self.site / rel
            if not f.is_file() or _sha(f.read_bytes()) != digest:
                return False
        self.reused += 1
        return True

    def record_pass(self, path: str, view: str, html_file: Path, loaded: list[Path]):
        self.ran += 1
        if not self.enabled:
            return
        files = {str(f.relative_to(self.site)): _sha(f.read_bytes()) for f in sorted(set(loaded)) if f.is_file()}
        self.store.mkdir(parents=True, exist_ok=True)
        self._entry(path, view, html_file.read_bytes()).write_text(json.dumps(files, indent=0), encoding="utf-8")
