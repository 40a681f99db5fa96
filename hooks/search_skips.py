"""Keep out of the search index what would crowd out the answers.

- Program text. Material indexes every code block, so the programs made up
  half of the index and their tokens (`torch`, `nn`, `print`) crowd the results.
  Output blocks stay searchable: a reader pasting torch's error message should
  land on the section that prints it.
- A chapter's opening boxes: "At a glance" (`!!! abstract`), whose lines repeat
  the sections' rules and link to them, and "About this chapter" (`??? info`),
  which lists its topics. Indexed, they make the chapter's top outrank the very
  sections that answer, and a search result would land above the answer.
"""

SKIPPED = [
    '<div class="language-python highlight"',
    '<div class="admonition abstract"',
    '<details class="info"',
]


def on_page_content(html, page, config, files):
    for opening in SKIPPED:
        html = html.replace(opening, opening + " data-search-exclude")
    return html
