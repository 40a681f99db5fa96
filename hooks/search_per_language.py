"""One search index per language.

mkdocs-static-i18n merges every language into the one index at search/ (by
design, ultrabug/mkdocs-static-i18n#33), so an English reader's search lists
Korean pages too (the complaint of squidfunk/mkdocs-material#867). After the
build, split that index: search/ keeps the default language, <lang>/search/
gets each other language with its locations made relative to <lang>/. Pages of
<lang> find theirs because their `base` (Material's root for the search index
and the sitemap) is moved to <lang>/; a copy of the sitemap goes there too.
"""

import json
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _i18n(config):
    return config.plugins["i18n"]


def _other_language(config):
    """The language being built, or None for the default one (which keeps search/)."""
    i18n = _i18n(config)
    return None if i18n.current_language == i18n.default_language else i18n.current_language


def _move_base(output, lang):
    def move(m):
        data = json.loads(m[2])
        data["base"] = posixpath.join(data["base"], lang) + "/"
        return m[1] + json.dumps(data) + m[3]

    moved, count = CONFIG.subn(move, output, count=1)
    if count != 1:
        raise ValueError("search_per_language: no Material __config block in the page")
    return moved


def on_post_page(output, page, config):
    lang = _other_language(config)
    return _move_base(output, lang) if lang else output


def on_post_template(output, template_name, config):
    lang = _other_language(config)
    return _move_base(output, lang) if lang and template_name == "404.html" else output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    i18n = _i18n(config)
    if i18n.building:  # a language build nested inside the default one; wait for the outer
        return
    site = Path(config.site_dir)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    split = {lang: [] for lang in [i18n.default_language, *others]}
    for doc in merged["docs"]:
        lang = next((l for l in others if doc["location"].startswith(f"{l}/")), i18n.default_language)
        if lang != i18n.default_language:
            doc = {**doc, "location": doc["location"][len(lang) + 1:]}
        split[lang].append(doc)
    for lang, docs in split.items():
        folder = site / ("" if lang == i18n.default_language else lang)
        # The default language keeps every lunr language: its pages quote English words.
        langs = merged["config"]["lang"] if lang == i18n.default_language else [lang]
        index = {**merged, "config": {**merged["config"], "lang": langs}, "docs": docs}
        (folder / "search").mkdir(parents=True, exist_ok=True)
        (folder / "search" / "search_index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        if folder != site:
            shutil.copy(site / "sitemap.xml", folder / "sitemap.xml")
