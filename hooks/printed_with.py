"""Name on the pages the torch and the CPU that printed the outputs, never typed by hand.

Pages write `{{ torch_version }}`, `{{ torch_build }}` and `{{ cpu }}`. The values
are read from the environment that builds the site, which is the environment
whose test run has just checked every snippet's output against them (in five
CPU configurations, tests/cpu_matrix.py).
"""

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


def on_config(config):
    import torch  # only when building: it takes a second or two

    config.extra["torch_version"] = version("torch")
    config.extra["torch_build"] = f"CUDA {torch.version.cuda}" if torch.version.cuda else "CPU"
    # ATen's vector code path on this CPU (DEFAULT, AVX2, AVX512, ...): what the outputs ran on.
    config.extra["cpu"] = (f"{_cpu_model()} ({platform.machine()}, "
                           f"{torch.backends.cpu.get_cpu_capability()})")
    return config


def on_page_markdown(markdown, page, config, files):
    for key in ("torch_version", "torch_build", "cpu"):
        markdown = markdown.replace("{{ %s }}" % key, config.extra[key])
    return markdown
