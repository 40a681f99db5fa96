"""Keep program text out of the search index; keep printed output in it.

Material indexes every code block, and every page downloads the whole index of
its language on load, so the programs made up half of it and their tokens
(`torch`, `nn`, `print`) crowd the results. Output blocks stay searchable: a
reader pasting torch's error message should land on the page that shows it.
"""

PYTHON_BLOCK = '<div class="language-python highlight"'


def on_page_content(html, page, config, files):
    return html.replace(PYTHON_BLOCK, PYTHON_BLOCK + " data-search-exclude")
