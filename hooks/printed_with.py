"""Name on the pages the torch and the CPU that printed the outputs, never typed by hand.

Pages write `{{ torch_version }}`, `{{ torch_build }}` and `{{ cpu }}`. The values
are read from the environment that builds the site, which is the environment
whose test run has just checked every snippet's output against them (in five
CPU configurations, tests/cpu_matrix.py).

Importing torch is a third of a warm build, so what it says is kept in
.cache/torch-facts/ under the torch version, the CPU's name and flags, the
kernel and $ATEN_CPU_CAPABILITY: everything its answer depends on.
"""

import hashlib
import json
import os
import platform
from importlib.metadata import version
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "an unnamed CPU"


def _cpu_flags() -> str:
    try:
        return next((line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("flags")), "")
    except OSError:
        return ""


def _asked_torch() -> dict:
    import torch  # two seconds

    return {"torch_build": f"CUDA {torch.version.cuda}" if torch.version.cuda else "CPU",
            # ATen's vector code path on this CPU (DEFAULT, AVX2, AVX512, ...): what the outputs ran on.
            "capability": torch.backends.cpu.get_cpu_capability()}


def key() -> str:
    """Everything torch's answers depend on."""
    parts = [version("torch"), _cpu_model(), _cpu_flags(), platform.machine(), platform.release(),
             os.environ.get("ATEN_CPU_CAPABILITY", "")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def on_config(config):
    kept = Path(config.config_file_path).parent / ".cache" / "torch-facts" / f"{key()}.json"
    try:
        facts = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        facts = _asked_torch()
        kept.parent.mkdir(parents=True, exist_ok=True)
        part = kept.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps(facts), encoding="utf-8")
        part.replace(kept)
    config.extra["torch_version"] = version("torch")
    config.extra["torch_build"] = facts["torch_build"]
    config.extra["cpu"] = f"{_cpu_model()} ({platform.machine()}, {facts['capability']})"
    return config


def on_page_markdown(markdown, page, config, files):
    for key in ("torch_version", "torch_build", "cpu"):
        markdown = markdown.replace("{{ %s }}" % key, config.extra[key])
    return markdown
