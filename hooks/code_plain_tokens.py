"""Drop the markup of code tokens that are drawn as plain text anyway.

Pygments wraps every name (`<span class="n">x</span>`) and every run of
whitespace (`<span class="w"> </span>`) in a span. Material colours names with
`--md-code-hl-name-color`, which is the plain code colour, and whitespace not
at all, so these spans change nothing on screen; on a code-heavy page they are
a fifth of the HTML. Only these two classes, only whole spans with text inside.
"""

import re

PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def on_page_content(html, page, config, files):
    return PLAIN.sub(r"\1", html)
