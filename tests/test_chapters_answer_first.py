"""Each chapter opens with its answers: an "At a glance" box, then its preamble folded away.

A reader who lands on a chapter sees the chapter's rules before anything else, each
linked to the section that shows it; what every chapter repeats (the letters, "every
block is a complete script", the lab) waits in a closed box under it.
"""

import re

import pytest

from pages import DOCS, LANGS, notebooks, rel

GLANCE = {"en": '!!! abstract "At a glance"', "ko": '!!! abstract "한눈에 보기"'}
ABOUT = {"en": '??? info "About this chapter"', "ko": '??? info "이 장에 대해"'}
LINK = re.compile(r"\]\((?:(?P<page>[\w/.-]+\.md))?#(?P<id>[\w-]+)\)")
HEADING_ID = re.compile(r"\{ #(?P<id>[\w-]+) \}")

# A chapter is a page with a lab of the same name.
CHAPTERS = [DOCS / lang / f"{lab.stem}.md" for lang in LANGS for lab in notebooks(lang)]


def blocks(text: str) -> list[list[str]]:
    """The page's top-level blocks after the H1: a line at column 0 and its indented lines."""
    out = []
    for line in text.split("\n")[1:]:
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) and out:
            out[-1].append(line)
        else:
            out.append([line])
    return out


@pytest.mark.parametrize("page", CHAPTERS, ids=rel)
def test_chapter_opens_with_its_rules_then_the_folded_preamble(page):
    lang = page.parent.name
    text = page.read_text(encoding="utf-8")
    first, second = blocks(text)[:2]
    assert first[0] == GLANCE[lang], f"{rel(page)}: the first block after the title is {first[0]!r}, not {GLANCE[lang]!r}"
    rules = [line for line in first[1:] if line.startswith("    - ")]
    assert 4 <= len(rules) <= 10, f"{rel(page)}: the box has {len(rules)} rules; a glance is 4 to 10"
    ids = set(HEADING_ID.findall(text))
    items = "\n".join(first[1:]).split("\n    - ")
    for item in items:
        links = [m for m in LINK.finditer(item)]
        assert links, f"{rel(page)}: this rule links to no section: {item.strip()[:80]!r}"
        for m in links:
            assert m["page"] or m["id"] in ids, f"{rel(page)}: the rule links to #{m['id']}, which is not on the page"
    assert second[0] == ABOUT[lang], f"{rel(page)}: the second block is {second[0]!r}, not {ABOUT[lang]!r}"
    about = "\n".join(second)
    assert f"labs/{page.stem}.ipynb" in about, f"{rel(page)}: the folded preamble does not link the chapter's lab"
    assert "{{ torch_version }}" in about, f"{rel(page)}: the folded preamble does not name the torch version"
    assert not re.search(r'^!!! tip "(Lab|실습)"', text, re.M), f"{rel(page)}: the old lab box is still there"
