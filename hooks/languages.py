"""Link every page to the same page in the other languages.

Each language is a build of its own (mkdocs.yml, mkdocs.en.yml), and MkDocs
knows nothing of the other builds. `extra.languages` in mkdocs.yml names each
language and the folder of the site it is published in; from it this hook

- moves this build's `site_url` into its language's folder (site_url names the
  whole site; English pages live under en/);
- sets Material's `extra.scope` to the whole site's path, so that what a page
  keeps in the browser (light or dark, the chosen tab) holds in every language;
- writes `extra.alternate`, which Material's language selector reads, one entry
  per language: `link`, that language's root relative to this build's root, and
  `site`, its absolute address. overrides/partials/alternate.html,
  overrides/main.html (hreflang links) and overrides/sitemap.xml append the
  page's own path to reach its twin: every page has the same path in every
  language (tests/test_pages.py).
"""

import posixpath
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(50)  # after site_url.py has derived the whole site's address
def on_config(config):
    languages, here = config.extra.get("languages") or {}, config.theme["language"]
    if here not in languages:
        raise PluginError(f"languages: theme.language {here!r} is not in extra.languages {list(languages)}")
    root = config.site_url or ""
    folder = languages[here]["folder"]
    if root:
        config.site_url = root + folder
        config.extra["scope"] = urlsplit(root).path
    config.extra["alternate"] = [
        {"name": lang["name"], "lang": code, "link": _relative(lang["folder"], folder), "site": root + lang["folder"]}
        for code, lang in languages.items()]
    return config


def _relative(target: str, start: str) -> str:
    """A language's root seen from another's root, as Material's `url` filter expects it: ./, en/, ../"""
    rel = posixpath.relpath("/" + target, "/" + start)
    return "./" if rel == "." else rel + "/"
