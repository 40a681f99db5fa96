"""Send our stylesheets without their comments.

The comments in docs/assets/css/ say why each rule exists (a contrast ratio, the
Material rule it overrides); they are half of the file and no reader needs them.
MkDocs copies extra_css as it is, so after the build this removes comments and
runs of white space from the copies in the site. The rules themselves are
untouched: tests/test_site_builds.py compares them with the source.
"""

import re
from pathlib import Path


def compact(css: str) -> str:
    css = re.sub(r"(?s)/\*.*?\*/", "", css)
    css = re.sub(r"\s+", " ", css)
    # Only around braces, semicolons and commas: a space before ':' can be a
    # descendant combinator (`.md-typeset :is(a)`), so it stays.
    return re.sub(r"\s*([{};,])\s*", r"\1", css).strip() + "\n"


def on_post_build(config):
    site = Path(config["site_dir"])
    for name in config["extra_css"]:
        name = str(name)
        if name.endswith(".css") and "://" not in name:
            path = site / name
            path.write_text(compact(path.read_text(encoding="utf-8")), encoding="utf-8")
