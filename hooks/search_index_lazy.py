"""Download the search index when the reader opens search, not on every page.

Material starts its search worker on every page load and immediately fetches
the whole index of the page's language (130-180 KB here) plus lunr's language
scripts, although most visits never search. Its own code already waits for the
search toggle when the site is opened from file://; this hook makes it wait on
http(s) too, by patching that one condition in the built bundle. If a Material
upgrade changes the code, the pattern is not found and the build stops.

The `search.highlight` feature is off for the same reason: it asks for the
index as soon as a page loads. Text typed before the index arrives is not
lost: Material reads the field again when its worker reports ready.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# In setupSearchWorker: merge(of(location.protocol !== "file:"), watchToggle("search"))
EAGER = re.compile(r'(\w+\()(\$|\w+)\(location\.protocol!=="file:"\)(,\w+\("search"\)\))')
LAZY = re.compile(r'\w+\((\$|\w+)\(!1\),\w+\("search"\)\)')


def on_post_build(config):
    bundles = list(Path(config.site_dir, "assets", "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"search_index_lazy: expected one Material bundle, found {bundles}")
    js = bundles[0].read_text(encoding="utf-8")
    patched, n = EAGER.subn(r"\1\2(!1)\3", js)
    if n == 0 and len(LAZY.findall(js)) == 1:
        return  # already patched (mkdocs serve keeps unchanged theme files)
    if n != 1:
        raise PluginError(f"search_index_lazy: {n} matches in {bundles[0].name}; Material changed, revisit this hook")
    bundles[0].write_text(patched, encoding="utf-8")
