"""Each page knows its language, points to its twin, and renders Hangul with a real font."""

import re

import pytest

import website
from website import Visit

PATHS = website.expected_paths()

TWIN = {"ko": "en", "en": "ko"}
# Fonts in the site's font stack (docs/assets/css/site.css) that have Hangul.
HANGUL_FONTS = re.compile(r"Noto Sans (CJK|Mono CJK) KR|Noto Sans KR|Apple SD Gothic Neo|Malgun Gothic|Nanum|D2Coding", re.I)


def twin_path(path):
    lang = website.lang_of(path)
    return path[len("/en"):] if lang == "en" else "/en" + path


@pytest.mark.parametrize("path", [p for p in PATHS if not p.endswith("404.html")])
def test_language_alternates_and_switcher(chromium, server, path):
    lang = website.lang_of(path)
    expected_twin = server.root + twin_path(path).lstrip("/")
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        assert page.evaluate("document.documentElement.lang") == lang
        alternates = page.evaluate("""[...document.querySelectorAll('link[hreflang]')]
            .map(l => [l.getAttribute('rel'), l.hreflang, l.href])""")
        by_lang = {hreflang: href for rel, hreflang, href in alternates if rel.split() == ["alternate"]}
        assert by_lang.get(lang) == visit.url, f"{path}: hreflang={lang} points to {by_lang.get(lang)}"
        assert by_lang.get(TWIN[lang]) == expected_twin, f"{path}: hreflang={TWIN[lang]} points to {by_lang.get(TWIN[lang])}"

        page.hover(".md-header .md-select")
        page.click(f".md-select__link[hreflang={TWIN[lang]}]")
        visit.settle()
        assert page.url == expected_twin, f"{path}: the language switcher went to {page.url}"
        assert page.evaluate("document.documentElement.lang") == TWIN[lang]
        assert not visit.problems, "\n".join(visit.problems)
    finally:
        visit.close()


@pytest.mark.parametrize("path", [p for p in PATHS if website.lang_of(p) == "ko"])
def test_hangul_renders_with_a_real_font(chromium, server, path):
    """The fonts Chromium really used for the Korean page title cover every Hangul letter."""
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        title = page.locator("article h1").first
        text = title.inner_text()
        hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
        assert hangul, f"{path}: the page title {text!r} has no Hangul to check"
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        covered = sum(f["glyphCount"] for f in fonts if HANGUL_FONTS.search(f["familyName"]))
        assert covered >= hangul, (f"{path}: {hangul} Hangul letters in {text!r}, but the fonts used were "
                                   f"{fonts}; install fonts-noto-cjk")
    finally:
        visit.close()


# A chapter, a lab and a reference page, from each language.
PLACES = [("/packing/", "lengths-on-cpu"), ("/en/packing/", "lengths-on-cpu"),
          ("/labs/gates/", "default-initialization"), ("/en/labs/gates/", "default-initialization"),
          ("/pitfalls/", "keras-seed"), ("/en/glossary/", "how-terms-are-chosen")]


def _switch(visit, lang):
    visit.page.hover(".md-header .md-select")
    visit.page.click(f".md-select__link[hreflang={TWIN[lang]}]")
    visit.settle()


def _heading_top(page, anchor):
    return page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor)


@pytest.mark.parametrize("path, anchor", PLACES)
def test_language_switch_keeps_the_section_in_the_address(chromium, server, path, anchor):
    lang = website.lang_of(path)
    visit = Visit(chromium, server, f"{path}#{anchor}")
    try:
        page = visit.page
        _switch(visit, lang)
        assert page.url == server.root + twin_path(path).lstrip("/") + f"#{anchor}", f"{path}#{anchor} switched to {page.url}"
        top = _heading_top(page, anchor)
        assert 0 <= top < 200, f"{page.url}: the section's heading is {top:.0f} px from the top of the window"
        assert not visit.problems, "\n".join(visit.problems)
    finally:
        visit.close()


@pytest.mark.parametrize("path, anchor", PLACES[:4])
def test_language_switch_keeps_the_section_being_read(chromium, server, path, anchor):
    """Scrolled to a section, with no #anchor in the address: the twin opens at that section."""
    lang = website.lang_of(path)
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        page.evaluate("id => document.getElementById(id).scrollIntoView()", anchor)
        page.wait_for_function("id => (document.querySelector('.md-sidebar--secondary .md-nav__link--active') || {})"
                               ".hash === '#' + id", arg=anchor)
        _switch(visit, lang)
        assert page.url.endswith(f"#{anchor}"), f"{path} scrolled to #{anchor} switched to {page.url}"
        assert 0 <= _heading_top(page, anchor) < 200
    finally:
        visit.close()
