"""The cheat sheet prints on two A4 pages at full width; the site's own words are in the page's language.

Printing is Chromium's (`page.pdf`, A4, print media) with docs/assets/css/print.css;
the palette toggle's labels come from theme.palette in mkdocs.yml and
mkdocs.en.yml; the 404 pages from overrides/404.html.
"""

import re

import pytest

import website
from website import VIEWS, Visit

# Page objects of the PDF Chromium writes (the page tree's own node is /Pages).
PDF_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
A4_WIDTH = 794  # CSS px: 210 mm at 96 px per inch
# The label of the toggle each palette shows, i.e. the scheme it switches to.
TOGGLE = {
    "ko": {"default": "다크 모드로 전환", "slate": "라이트 모드로 전환"},
    "en": {"default": "Switch to dark mode", "slate": "Switch to light mode"},
}
NOT_FOUND = {"ko": "페이지를 찾을 수 없습니다", "en": "Page not found"}
SITE_NAME = {"ko": "PyTorch RNN 형상 가이드", "en": "PyTorch RNN Shapes Guide"}
HOME = {"ko": "홈", "en": "Home"}  # the menu's first entry


def cheatsheet(chromium, server, lang, view="light"):
    visit = Visit(chromium, server, website.LANGS[lang] + "cheatsheet/", view)
    visit.page.emulate_media(media="print")
    return visit


@pytest.mark.parametrize("lang", website.LANGS)
def test_cheatsheet_prints_on_two_a4_pages(chromium, server, lang):
    visit = cheatsheet(chromium, server, lang)
    try:
        pdf = visit.page.pdf(format="A4")
        pages = len(PDF_PAGE.findall(pdf))
        assert pages == 2, f"{lang}: the cheat sheet prints on {pages} A4 pages"
    finally:
        visit.close()


@pytest.mark.parametrize("lang", website.LANGS)
def test_cheatsheet_prints_tables_full_width_in_readable_type(chromium, server, lang):
    """Laid out for print at the width of an A4 sheet: every table spans the text
    column, and neither the prose nor the code in the tables is below 10 and 9 pt."""
    visit = cheatsheet(chromium, server, lang)
    try:
        page = visit.page
        page.set_viewport_size({"width": A4_WIDTH, "height": 1123})
        found = page.evaluate("""() => {
            const article = document.querySelector('article');
            const style = getComputedStyle(article);
            const column = article.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const px = e => parseFloat(getComputedStyle(e).fontSize);
            return {
                column,
                tables: [...article.querySelectorAll('table')].map(t => t.getBoundingClientRect().width),
                prose: px(article.querySelector('p')),
                code: Math.min(...[...article.querySelectorAll('td code')].map(px)),
            };
        }""")
        narrow = [round(w) for w in found["tables"] if w < 0.99 * found["column"]]
        assert len(found["tables"]) == 6 and not narrow, \
            f"{lang}: tables {narrow} px wide in a {found['column']:.0f} px column"
        assert found["prose"] >= 13.3, f"{lang}: printed prose is {found['prose']} px (10 pt is 13.3 px)"
        assert found["code"] >= 12, f"{lang}: printed code in the tables is {found['code']} px (9 pt is 12 px)"
    finally:
        visit.close()


def test_a_page_printed_in_dark_mode_keeps_light_links(chromium, server):
    """Paper is white: dark mode's pale coral links would be hard to read on it."""
    visit = cheatsheet(chromium, server, "en", "dark")
    try:
        page = visit.page
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.add_style_tag(content="* { transition: none !important; }")  # the colour now, not midway
        link = page.eval_on_selector("article p a", "a => getComputedStyle(a).color")
        assert link == "rgb(196, 57, 29)", f"a link printed from dark mode is {link}"
    finally:
        visit.close()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("path", ["/", "/en/", "/404.html", "/en/404.html"])
def test_palette_toggle_speaks_the_pages_language(chromium, server, path, view):
    lang = website.lang_of(path)
    visit = Visit(chromium, server, path, view)
    try:
        page = visit.page
        scheme = page.evaluate("document.body.dataset.mdColorScheme")
        shown = page.eval_on_selector_all(
            "form[data-md-component=palette] label", "ls => ls.filter(l => !l.hidden).map(l => l.title)")
        assert shown == [TOGGLE[lang][scheme]], f"{path} ({view}): the toggle says {shown}"
        names = page.eval_on_selector_all("form[data-md-component=palette] input", "is => is.map(i => i.ariaLabel)")
        assert names == list(TOGGLE[lang].values()), f"{path}: the toggle's inputs are named {names}"
    finally:
        visit.close()


@pytest.mark.parametrize("path, lang", [
    ("/en/no-such-page/", "en"),
    ("/en/shapes/no-such-section/?x=1#top", "en"),
    ("/no-such-page/", "ko"),
    ("/enough/", "ko"),
])
def test_missing_page_is_answered_in_its_language(chromium, server, path, lang):
    """GitHub Pages answers every missing path with the root (Korean) 404 page; a reader
    of an English address reads its message in English, marked as English."""
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        heading = page.locator(".md-content article h1:visible")
        assert heading.count() == 1, f"{path}: {heading.count()} headings shown"
        assert heading.inner_text().strip() == NOT_FOUND[lang], f"{path}: the page says {heading.inner_text()!r}"
        assert heading.evaluate("h => h.closest('[lang]').lang") == lang
        assert page.title() == SITE_NAME[lang]
        home = page.locator(".md-content article a:visible").first.evaluate("a => a.href")
        assert home == server.root + website.LANGS[lang], f"{path}: the first link goes to {home}"
        # The whole page in the reader's language: header, menu and the search's own pages.
        chrome = page.evaluate("""() => ({lang: document.documentElement.lang,
            name: document.querySelector('.md-header__topic .md-ellipsis').textContent.trim(),
            menu: document.querySelector('.md-nav--primary .md-nav__item a').textContent.trim()})""")
        assert chrome == {"lang": lang, "name": SITE_NAME[lang], "menu": HOME[lang]}, f"{path}: {chrome}"
        # Under en/ the hand-over to the English page cancels what the browser had begun to fetch.
        others = [p for p in visit.problems if "404" not in p and not (lang == "en" and "net::ERR_ABORTED" in p)]
        assert not others, "\n".join(others)
    finally:
        visit.close()
