"""Build or serve the whole site: one MkDocs build per language, side by side.

    python scripts/sites.py build [--site-dir site]    # what `make build` runs
    python scripts/sites.py serve [--dev-addr 127.0.0.1:8000]

mkdocs.yml builds the Korean site into the site's root; mkdocs.en.yml, which
inherits it, builds the English one into en/. Both run at once, each in its own
process (a build is single-threaded). A build that fails prints its log and
fails the command; nothing half-built is left in place of the site.

A language's build is kept in .cache/builds/ under the hash of everything it
is made from (its pages, the shared assets, snippets, hooks, overrides and
configurations, this script, the installed packages, the CPU that names itself
in the footer, the site's address); a build whose inputs are byte for byte
the same is copied from there instead of run. `FRESH=1` builds everything.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]  # the builder; one place to change it
# language -> (its configuration, its folder in the site)
LANGUAGES = {"ko": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en")}
# What a change to any of these can alter; `serve` rebuilds when one changes.
SOURCES = ["docs", "snippets", "hooks", "overrides", *[config for config, _ in LANGUAGES.values()]]


CACHE = ROOT / ".cache" / "builds"
# What every language's build reads besides its own pages and configuration.
SHARED = ["docs/assets", "snippets", "hooks", "overrides", "mkdocs.yml", "scripts/sites.py"]
# Environment variables that change what a build writes (printed_with.py reads torch's CPU path).
ENV_INPUTS = ["SITE_URL", "ATEN_CPU_CAPABILITY"]


def inputs_key(lang: str, env: dict) -> str:
    """The hash of everything `lang`'s build is made of."""
    h = hashlib.sha256()
    config = LANGUAGES[lang][0]
    for top in sorted({*SHARED, f"docs/{lang}", config}):
        path = ROOT / top
        for f in sorted([path] if path.is_file() else path.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(f.relative_to(ROOT).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    packages = _packages()
    cpu = [line for line in Path("/proc/cpuinfo").read_text().splitlines()[:30]
           if line.startswith(("model name", "flags"))] if Path("/proc/cpuinfo").exists() else []
    h.update("\n".join([*packages, platform.machine(), *cpu, *(f"{k}={env.get(k)}" for k in ENV_INPUTS)]).encode())
    return h.hexdigest()[:32]


@functools.cache
def _packages() -> list[str]:
    """The installed packages, once per process (0.1 s each time)."""
    return sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())


@dataclass
class Result:
    dir: Path  # the site, when every build passed
    returncode: int
    log: str  # every language's output, one after the other


def build(dest: Path, site_url: str | None = None, reuse: bool = True) -> Result:
    """Every language built into `dest` (the default language at its root)."""
    return Building(dest, site_url, reuse).result()


class Building:
    """Every language's build begun (the processes started, kept builds copied); result() ends it.

    The tests begin it at once and go on while it runs (tests/conftest.py, _begin_build).
    """

    def __init__(self, dest: Path, site_url: str | None = None, reuse: bool = True):
        self.dest = Path(dest).resolve()
        # NBCONVERT_DISABLE_CONFIG_EXPORTERS: importing nbconvert otherwise builds every exporter it
        # knows to list their names (0.45 s of each build); mkdocs-jupyter never asks for the list.
        # The site is the same byte for byte (diff -r of both builds).
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}
        if site_url:
            env["SITE_URL"] = site_url
        self.reuse = reuse and os.environ.get("FRESH") != "1"
        self.work = Path(tempfile.mkdtemp(prefix="site-", dir=self.dest.parent))
        self.runs, self.logs, self._result = {}, {}, None
        try:
            for lang, (config, _) in LANGUAGES.items():
                kept = CACHE / f"{lang}-{inputs_key(lang, env)}"
                if self.reuse and (kept / "build.log").is_file() and (kept / "site").is_dir():
                    shutil.copytree(kept / "site", self.work / lang)
                    self.logs[lang] = (kept / "build.log").read_text(encoding="utf-8")
                    continue
                log = (self.work / f"{lang}.log").open("w+", encoding="utf-8")
                proc = subprocess.Popen(
                    [*MKDOCS, "build", "--strict", "-f", config, "--site-dir", str(self.work / lang)],
                    cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
                self.runs[lang] = (proc, log, kept)
        except BaseException:
            self.close()
            raise

    def result(self) -> Result:
        """Wait for the builds; keep each that passed; the site in `dest` if all passed."""
        if self._result is None:
            try:
                self._result = self._finish()
            finally:
                self.close()
        return self._result

    def _finish(self) -> Result:
        failed, logs, work = 0, self.logs, self.work
        for lang, (proc, log, kept) in self.runs.items():
            code = proc.wait(timeout=900)
            failed = failed or code
            log.seek(0)
            logs[lang] = log.read()
            if code == 0 and self.reuse:
                _keep(lang, kept, work / lang, logs[lang])
        text = "\n".join(f"--- {LANGUAGES[lang][0]} ({lang}){' [kept build]' if lang not in self.runs else ''} ---\n{logs[lang]}"
                         for lang in LANGUAGES)
        if failed:
            return Result(self.dest, failed, text)
        shutil.rmtree(self.dest, ignore_errors=True)
        (work / "ko").rename(self.dest)
        for lang, (_, folder) in LANGUAGES.items():
            if folder:
                (work / lang).rename(self.dest / folder)
        return Result(self.dest, 0, text)

    def close(self):
        """Stop what still runs (a session ended early) and remove the work folder."""
        for proc, log, _ in self.runs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        shutil.rmtree(self.work, ignore_errors=True)


def _keep(lang: str, kept: Path, site: Path, log: str):
    """Store a passing build; older builds of the same language go."""
    for old in CACHE.glob(f"{lang}-*"):
        shutil.rmtree(old, ignore_errors=True)
    partial = kept.with_name(kept.name + ".partial")
    shutil.copytree(site, partial / "site")
    (partial / "build.log").write_text(log, encoding="utf-8")
    partial.rename(kept)


def serve(addr: str) -> None:
    """The site with live reload: every language rebuilt when a source changes."""
    from mkdocs.livereload import LiveReloadServer

    host, port = addr.rsplit(":", 1)
    site = Path(tempfile.mkdtemp(prefix="site-serve-")) / "site"
    url = f"http://{host}:{port}/"

    def rebuild():
        print("Building every language ...", flush=True)
        done = build(site, site_url=url)
        if done.returncode:
            print(done.log, flush=True)  # the site stays as the last good build
        else:
            print(f"Built; serving {url} (Korean) and {url}en/ (English)", flush=True)

    signal.signal(signal.SIGTERM, _interrupt)  # stopped by its process id, it still cleans up
    rebuild()
    server = LiveReloadServer(builder=rebuild, host=host, port=int(port), root=str(site))
    server.error_handler = lambda code: (site / "404.html").read_bytes() if code == 404 else None
    for path in SOURCES:
        server.watch(str(ROOT / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(site.parent, ignore_errors=True)


def _interrupt(*_):
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build every language into one site")
    b.add_argument("--site-dir", default=str(ROOT / "site"))
    s = sub.add_parser("serve", help="serve the site and rebuild it when a source changes")
    s.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args()
    if args.command == "serve":
        serve(args.dev_addr)
        return 0
    done = build(Path(args.site_dir))
    print(done.log if done.returncode else f"Built every language into {args.site_dir}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
