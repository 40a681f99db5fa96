"""Run snippets as readers on other CPUs would, and report what each printed.

torch picks its kernels by CPU (ATen's vector width, MKL's and oneDNN's
instruction sets) and by thread count, and float32 results can differ in the
last bits between them. A snippet's `.out` must not depend on that.

    python tests/cpu_matrix.py PATH SNIPPET...   # one JSON line per snippet and configuration

PATH names a code path (PATHS); every configuration (CONFIGS) on that path runs.
The path's environment variables are set before torch is imported, then every
snippet runs, once per configuration, in a process of its own, forked from this
one, in an empty working directory, as `python file.py` would run it:
`__name__ == "__main__"`, stdout and stderr captured at the file-descriptor
level. Forking after `import torch` (and `import keras` for Keras snippets)
saves what a fresh interpreter spends importing, 2.7 s (7.4 s with Keras),
where most snippets run in well under a second (the ONNX export, 10 s); the
import has run no kernel yet, so every kernel choice and thread pool is made
in the snippet's process. A snippet that is stuck is stopped (CPU_LIMIT_S,
IDLE_LIMIT_S) and reported with the reason.

A result that passed its own checks (exit status 0, nothing on stderr) is kept
in `.cache/cpu-matrix/` under the hash of everything it depends on: the
snippet's bytes, the configuration, this file, the Python, torch and Keras
versions and this CPU's model and flags. The same inputs give the same
output, so it is reused; `FRESH=1` runs everything.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import runpy
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

CACHE = Path(__file__).resolve().parents[1] / ".cache" / "cpu-matrix"

# Code paths: environment variables that ATen, MKL and oneDNN read at their first use.
PATHS: dict[str, dict[str, str]] = {
    "native": {},
    "avx2": {"ATEN_CPU_CAPABILITY": "avx2", "MKL_ENABLE_INSTRUCTIONS": "AVX2",
             "ONEDNN_MAX_CPU_ISA": "AVX2"},
    "baseline": {"ATEN_CPU_CAPABILITY": "default", "MKL_ENABLE_INSTRUCTIONS": "SSE4_2",
                 "ONEDNN_MAX_CPU_ISA": "SSE41"},
}
# Configuration -> (code path, intra-op threads; None keeps torch's default, one per core).
CONFIGS: dict[str, tuple[str, int | None]] = {
    "native": ("native", None),
    "avx2": ("avx2", None),
    "baseline": ("baseline", None),
    "1-thread": ("native", 1),
    "4-threads": ("native", 4),
}

# A snippet is stopped once it has computed for CPU_LIMIT_S (a loop that never ends) or
# used no CPU at all for IDLE_LIMIT_S (it waits for something that never comes). Not by
# the clock: these workers run at the lowest priority beside the browser checks, and on a
# loaded machine the 10 s ONNX export took over 120 s of wall time without being stuck.
CPU_LIMIT_S = 120
IDLE_LIMIT_S = 60


def imports_keras(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, (ast.Import, ast.ImportFrom))
               and any(name.split(".")[0] == "keras"
                       for name in ([a.name for a in node.names] if isinstance(node, ast.Import)
                                    else [node.module or ""]))
               for node in ast.walk(tree))


def selects_torch_backend_first(path: Path) -> bool:
    """`os.environ["KERAS_BACKEND"] = "torch"` comes before the first `import keras`.

    This process imports Keras before forking, so a snippet that forgot to pick
    the backend would still get torch here while a reader gets TensorFlow's
    default (and an ImportError). Refuse such a snippet instead of hiding it.
    """
    source = path.read_text(encoding="utf-8")
    sets = source.find('os.environ["KERAS_BACKEND"] = "torch"')
    first_import = min((i for i in (source.find("import keras"), source.find("from keras"))
                        if i >= 0), default=-1)
    return 0 <= sets < first_import


def run_one(path: Path, threads: int | None) -> dict:
    """Run one snippet in a forked process; what it printed, and the code path and threads it ran on."""
    sys.stdout.flush()
    sys.stderr.flush()
    with tempfile.TemporaryDirectory() as cwd, tempfile.TemporaryFile() as out, \
            tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as ran:
        pid = os.fork()
        if pid == 0:  # the snippet's own process, leading a group of its own (see _wait)
            code = 1
            try:
                os.setpgid(0, 0)
                os.chdir(cwd)
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                import torch
                if threads is not None:
                    torch.set_num_threads(threads)
                sys.argv = [str(path)]
                sys.path[0] = str(path.parent)
                runpy.run_path(str(path), run_name="__main__")
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                # Read back in the snippet's process, so that a configuration cannot claim what it did not run.
                os.write(ran.fileno(), json.dumps({"capability": torch.backends.cpu.get_cpu_capability(),
                                                   "threads": torch.get_num_threads()}).encode())
                os._exit(code)
        os.setpgid(pid, pid)  # here too, so that _wait never looks at the group before it exists
        rc = _wait(pid)
        for f in (out, err, ran):
            f.seek(0)
        return {"rc": rc, "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace"), **json.loads(ran.read() or "{}")}


def _cpu_seconds(group: int) -> float:
    """CPU time of a process group: every thread of every process in it, and of the children they reaped.

    A snippet that runs `python -c ...` waits while its child computes; that is not idle.
    """
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        if int(fields[2]) == group:  # proc(5): field 5 is the group, 14-17 the times
            ticks += sum(map(int, fields[11:15]))
    return ticks / os.sysconf("SC_CLK_TCK")


def _wait(pid: int) -> int | str:
    """The snippet's exit code, or why it was stopped (CPU_LIMIT_S, IDLE_LIMIT_S)."""
    pidfd = os.pidfd_open(pid)  # readable once the snippet's process has exited
    try:
        used, last_used = 0.0, time.monotonic()
        while not select.select([pidfd], [], [], 1.0)[0]:
            now, cpu = time.monotonic(), _cpu_seconds(pid)
            if cpu > used:
                used, last_used = cpu, now
            if used > CPU_LIMIT_S:
                stopped = f"killed after {CPU_LIMIT_S} s of CPU time"
            elif now - last_used > IDLE_LIMIT_S:
                stopped = f"killed after {IDLE_LIMIT_S} s without using the CPU (waiting for something?)"
            else:
                continue
            os.killpg(pid, signal.SIGKILL)  # and whatever it started
            os.waitpid(pid, 0)
            return stopped
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    finally:
        os.close(pidfd)


def start(files: list[Path]) -> dict[str, subprocess.Popen]:
    """One worker per code path, side by side, at the lowest CPU priority.

    The suite starts them as soon as it has collected the tests, so they use the
    cores the browser tests leave idle while they wait on Chromium. They write
    to files, not pipes: a full pipe would stop them until the tests read it.
    """
    workers = {}
    for code_path in PATHS:
        out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
        workers[code_path] = subprocess.Popen(
            [sys.executable, __file__, code_path, *map(str, files)], stdout=out, stderr=err,
            text=True, preexec_fn=lambda: os.nice(19))
        workers[code_path].files = (out, err)
    return workers


def collect(workers: dict[str, subprocess.Popen]) -> list[dict]:
    results = []
    for code_path, worker in workers.items():
        try:  # each snippet has its limits; this only catches a worker stuck outside them
            worker.wait(timeout=1800)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"the {code_path} worker of tests/cpu_matrix.py was still running "
                               "after 30 minutes") from None
        out, err = worker.files
        out.seek(0)
        err.seek(0)
        failed = worker.returncode != 0 and err.read()
        lines = out.read().splitlines()
        out.close()
        err.close()
        if failed is not False:
            raise RuntimeError(f"the {code_path} worker of tests/cpu_matrix.py failed:\n{failed}")
        results += [json.loads(line) for line in lines]
    return results


def _machine() -> str:
    """What the results depend on outside the snippet: this file, the versions, the CPU."""
    def installed(package):
        try:
            return version(package)
        except PackageNotFoundError:
            return "-"
    try:
        cpu = [line for line in Path("/proc/cpuinfo").read_text().splitlines()
               if line.startswith(("model name", "flags"))][:2]
    except OSError:
        cpu = []
    return "\0".join([Path(__file__).read_text(encoding="utf-8"), sys.version, installed("torch"),
                      installed("keras"), *cpu])


def _key(machine: str, path: Path, config: str) -> Path:
    digest = hashlib.sha256(f"{machine}\0{config}\0".encode() + path.read_bytes()).hexdigest()
    return CACHE / digest[:32]


def main(code_path: str, paths: list[Path]) -> None:
    machine = _machine()
    fresh = os.environ.get("FRESH") == "1"
    todo = []
    for config, (on_path, _) in CONFIGS.items():
        for path in paths if on_path == code_path else []:
            kept = _key(machine, path, config)
            if not fresh and kept.is_file():
                print(json.dumps({**json.loads(kept.read_text(encoding="utf-8")), "snippet": str(path)}), flush=True)
            else:
                todo.append((config, path))
    if todo:
        run(code_path, todo, machine)


def run(code_path: str, todo: list[tuple[str, Path]], machine: str) -> None:
    paths = sorted({path for _, path in todo})
    # Before torch is imported: ATen, MKL and oneDNN read them once, at their first use.
    os.environ.update(PATHS[code_path])
    import torch  # noqa: F401
    uses_keras = {p for p in paths if imports_keras(p)}
    refused = {p for p in uses_keras if not selects_torch_backend_first(p)}
    if uses_keras - refused:
        os.environ["KERAS_BACKEND"] = "torch"
        import keras  # noqa: F401
        del os.environ["KERAS_BACKEND"]  # each snippet sets it itself (checked above)
    for config, path in todo:
        if path in refused:
            result = {"rc": "refused", "stdout": "",
                      "stderr": 'imports keras without setting os.environ["KERAS_BACKEND"] = '
                                '"torch" first; a reader would get the TensorFlow backend'}
        else:
            result = run_one(path, CONFIGS[config][1])
        line = json.dumps({**result, "snippet": str(path), "config": config})
        if result["rc"] == 0 and not result["stderr"]:
            CACHE.mkdir(parents=True, exist_ok=True)
            _key(machine, path, config).write_text(line + "\n", encoding="utf-8")
        print(line, flush=True)

if __name__ == "__main__":
    main(sys.argv[1], [Path(p).resolve() for p in sys.argv[2:]])
