"""Drop the markup of code tokens that are drawn as plain text anyway.

Pygments wraps every name (`<span class="n">x</span>`), every punctuation
mark (`p`) and every run of whitespace (`w`) in a span. Material colours names
with `--md-code-hl-name-color`, which is the plain code colour, whitespace not
at all, and punctuation in the plain colour too since docs/assets/css/site.css
says so; these spans change nothing on screen, and on a code-heavy page they
are a quarter of the HTML. Only these classes, only whole spans of text.
"""

import re

PLAIN = re.compile(r'<span class="[npw]">([^<]*)</span>')


def on_page_content(html, page, config, files):
    return PLAIN.sub(r"\1", html)
