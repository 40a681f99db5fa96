"""Where mkdocs-jupyter keeps executed notebooks: one folder per torch and Keras version, per language.

mkdocs-jupyter reuses an executed notebook when the notebook's bytes and its
options are unchanged; the torch and Keras that printed the outputs are not
part of that key, so a new version would show the old outputs. And at the end
of a build it deletes every entry the build did not use: the two languages'
builds sharing one folder would delete each other's. $NOTEBOOK_CACHE lets
`make bench` time a build with a cold cache.
"""

import os
from importlib.metadata import version
from pathlib import Path


def on_config(config):
    root = os.environ.get("NOTEBOOK_CACHE") or Path(config.config_file_path).parent / ".cache" / "notebooks"
    tag = f"torch-{version('torch')}-keras-{version('keras')}"
    config.plugins["mkdocs-jupyter"].config["cache_dir"] = str(Path(root) / tag / config.theme["language"])
