"""Give each language its own 404 page.

mkdocs-static-i18n builds every language into the same site folder, so the
404.html of the language built last overwrites the default language's
(ultrabug/mkdocs-static-i18n#284). Keep the default language's page at the
root, where hosts such as GitHub Pages serve it for any missing path, and write
every other language's page to <lang>/404.html.
"""

from pathlib import Path

_default_page = {}


def _language(config):
    i18n = config.plugins.get("i18n")
    return i18n.current_language, i18n.default_language


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    current, default = _language(config)
    if current == default:
        _default_page[config.site_dir] = output
        return output
    target = Path(config.site_dir) / current / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    # The root 404.html stays the default language's.
    return _default_page.get(config.site_dir, output)
