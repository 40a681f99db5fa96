"""Draw each figure inline, so that it takes the reader's colour scheme.

An SVG in an `<img>` cannot see the page's CSS: in dark mode it stayed a white
slab. Inlined, its colours come from the `--fig-*` variables that site.css sets
for dark mode (the files keep the light colours as fallbacks, so a figure opened
on its own still draws). The page's alt text becomes the figure's label, in the
page's language. Each figure's stylesheet and ids are scoped to it, so it
cannot restyle the page; its labels stay out of the search index.

A figure is written in Markdown as a linked image,
`[![alt](assets/images/<chapter>/<name>.svg)](assets/images/<chapter>/<name>.svg)`;
the link opens the file at its own size, which a phone can zoom.
"""

import html
import re
from pathlib import Path

FIGURE = re.compile(
    r'<p><a href="(?P<href>[^"]+\.svg)"><img alt="(?P<alt>[^"]*)" src="[^"]*?assets/images/'
    r'(?P<file>[\w/-]+\.svg)" /></a></p>')


def on_page_content(content, page, config, files):
    def inline(m):
        found = files.get_file_from_path(f"assets/images/{m['file']}")
        if found is None:
            raise FileNotFoundError(f"{page.file.src_path}: figure {m['file']} is not in docs/assets/images/")
        path = Path(found.abs_src_path)
        return ('<div class="figure"><a href="%s">%s</a></div>'
                % (m["href"], svg(path.read_text(encoding="utf-8"), "fig-" + path.stem, m["alt"])))

    return FIGURE.sub(inline, content)


def svg(text, name, alt):
    text = re.sub(r"(?s)<(title|desc)\b.*?</\1>\s*", "", text)
    text = re.sub(r'\s(role|aria-labelledby)="[^"]*"', "", text)
    for old in re.findall(r'\bid="([^"]+)"', text):
        text = text.replace(f'id="{old}"', f'id="{name}-{old}"').replace(f"#{old})", f"#{name}-{old})")
    text = re.sub(r"(?s)<style>(.*?)</style>", lambda m: "<style>%s</style>" % scope(m[1], name), text)
    label = html.escape(html.unescape(alt), quote=True)
    return text.replace("<svg ", f'<svg id="{name}" role="img" aria-label="{label}" data-search-exclude ', 1)


def scope(css, name):
    """`text { }` becomes `#fig-x text { }`: one figure's rules never reach the page."""
    return re.sub(r"([^{}]+)\{", lambda m: ", ".join(
        f"#{name} {sel.strip()}" for sel in m[1].split(",")) + " {", css)
