"""Browser checks that passed, kept by the content hash of exactly what they depended on.

A test that looks at the site through the test server (every test with `server`
among its fixtures) depends on the files the server gave the browser, on its
own test module, on the suite's shared code and data (every file under tests/
except the other test_*.py modules, which no module imports), and on the
versions of Chromium, Playwright and axe. The server records each path it was asked for and what it
answered with (a file, or that there was none). A passing test is stored in
`.cache/browser-checks/` under its id and the hash of the code and versions,
with the hash of every file it was served; a later run in which each of those
is byte for byte the same passes it without running it again (the terminal
summary counts them), and a change to any one of them runs it
(tests/test_cached_results.py proves both). A failure is never stored.
`FRESH=1` runs every check; a fresh clone has no cache and runs them all.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORE = HERE.parent / ".cache" / "browser-checks"
MISSING = "missing"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _is_test_module(p: Path, folder: Path) -> bool:
    return p.parent == folder and p.name.startswith("test_") and p.suffix == ".py"


def code_hash(folder: Path = HERE) -> str:
    """The suite's shared files: conftest, helpers, fixtures, Node scripts; not the test modules.

    Each result is also keyed by its own module (Results._entry), so editing one test
    file re-runs only its own browser checks.
    """
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts and not _is_test_module(p, folder))
    return sha(b"\0".join(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() for p in files))


def salt(chromium: Path) -> str:
    """What every kept result depends on besides the site: the suite's files and the tools' versions."""
    printed = subprocess.run([str(chromium), "--version"], capture_output=True, text=True).stdout.strip()
    browser = f"{chromium}: {printed}"  # its path too: the full browser and the headless shell print one version
    tools = f"{browser}, playwright {version('playwright')}, axe {version('axe-playwright-python')}"
    return sha(f"{code_hash()}\0{tools}".encode())


class Results:
    def __init__(self, site: Path, salt: str, store: Path = STORE, tests: Path = HERE):
        self.site, self.salt, self.store, self.tests = Path(site), salt, store, tests
        self.enabled = os.environ.get("FRESH") != "1"
        self.ran = self.reused = 0
        self._hashes: dict[str, str] = {}  # the site does not change during a run

    def _digest(self, rel: str) -> str:
        if rel not in self._hashes:
            f = self.site / rel
            self._hashes[rel] = sha(f.read_bytes()) if f.is_file() else MISSING
        return self._hashes[rel]

    def _entry(self, test_id: str) -> Path:
        # test ids start with the module's path from the repository root: tests/test_x.py::...
        module = self.tests / Path(test_id.split("::")[0]).name
        code = sha(module.read_bytes()) if module.is_file() else MISSING
        return self.store / sha(f"{self.salt}\0{code}\0{test_id}".encode())[:32]

    def passed_before(self, test_id: str) -> bool:
        """Whether `test_id` passes without running (and counted as reused if so)."""
        if self.would_pass(test_id):
            self.reused += 1
            return True
        return False

    def would_pass(self, test_id: str) -> bool:
        if not self.enabled:
            return False
        try:
            served = json.loads(self._entry(test_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return bool(served) and all(self._digest(rel) == digest for rel, digest in served.items())

    def record_pass(self, test_id: str, served: set[str]):
        """`served`: paths in the site the server was asked for, found or not."""
        self.ran += 1
        if not self.enabled or not served:
            return
        self.store.mkdir(parents=True, exist_ok=True)
        entry = {rel: self._digest(rel) for rel in sorted(served)}
        self._entry(test_id).write_text(json.dumps(entry, indent=0), encoding="utf-8")
