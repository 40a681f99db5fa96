"""Regenerate every snippets/**/NN_what.out from a real run of NN_what.py.

Each snippet runs as a reader would run it after copying: `python NN_what.py`
in a fresh process, in an empty working directory. A snippet that fails or
writes to stderr (a warning the page would not show) stops the regeneration.

    python scripts/outputs.py             # every snippet
    python scripts/outputs.py shapes      # the snippets whose path contains "shapes"
"""

import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets"


def run(path: Path) -> tuple[Path, str | None]:
    with tempfile.TemporaryDirectory() as cwd:
        # KERAS_HOME: Keras writes keras.json there on first import, not into ~/.keras.
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "KERAS_HOME": cwd}
        done = subprocess.run([sys.executable, str(path)], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or done.stderr:
        return path, f"exit {done.returncode}\n{done.stderr}"
    path.with_suffix(".out").write_text(done.stdout, encoding="utf-8")
    return path, None


def main(filters: list[str]) -> int:
    paths = sorted(p for p in SNIPPETS.rglob("*.py")
                   if not filters or any(f in p.relative_to(SNIPPETS).as_posix() for f in filters))
    if not paths:
        print(f"no snippet matches {filters}", file=sys.stderr)
        return 1
    failed = 0
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for path, error in pool.map(run, paths):
            name = path.relative_to(SNIPPETS.parent)
            if error:
                failed += 1
                print(f"FAILED {name}: {error}", file=sys.stderr)
            else:
                print(f"wrote  {name.with_suffix('.out')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
