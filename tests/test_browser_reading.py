"""Reading comfort (issue 18), measured in Chromium in both languages and all three views.

Program output wraps instead of hiding the end of torch's messages, says it is
output and is drawn unlike program code, with the copy button over no text;
code in tables and the text of admonitions are as large as in the running text;
tables on a phone keep every piece of code on one line and show they scroll;
Korean breaks between words in the navigation, the table of contents and the
text; the site name is whole in a phone's header. The styles are in
docs/assets/css/site.css.
"""

import pytest

import website
from website import Visit

VIEWS = list(website.VIEWS)
LABEL = {"ko": "출력", "en": "Output"}


def url(lang, page):
    return website.LANGS[lang] + page


def korean_pages():
    return [p for p in website.expected_paths() if website.lang_of(p) == "ko"]


@pytest.fixture
def visit(chromium, server):
    opened = []

    def open_(path, view):
        v = Visit(chromium, server, path, view)
        opened.append(v)
        return v.page

    yield open_
    for v in opened:
        v.close()


OUTPUTS = """() => [...document.querySelectorAll('.md-typeset .language-text.highlight')]
  .filter(box => box.offsetParent !== null)   // not inside a closed <details>
  .map(box => {
    const code = box.querySelector('pre > code');
    const nav = box.querySelector('.md-code__nav');
    const before = getComputedStyle(box, '::before');
    return {
      text: code.textContent.split('\\n').find(l => l.length > 60) || code.textContent.slice(0, 60),
      kind: [...box.classList].find(c => c.startsWith('nb-')) || null,
      hidden: code.scrollWidth - code.clientWidth,
      label: before.content,
      codeTop: code.getBoundingClientRect().top,
      navBottom: nav ? nav.getBoundingClientRect().bottom : null,
      background: getComputedStyle(code).backgroundColor,
      leftBorder: parseFloat(getComputedStyle(box).borderLeftWidth),
    };
  })"""

PROGRAM = """() => {
  const code = document.querySelector('.md-typeset .language-python.highlight pre > code');
  return code && {background: getComputedStyle(code).backgroundColor,
                  leftBorder: parseFloat(getComputedStyle(code.closest('.highlight')).borderLeftWidth)};
}"""


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", ["shapes/", "gates/", "labs/gates/"])
def test_output_wraps_is_labelled_and_unlike_code(visit, lang, view, page):
    p = visit(url(lang, page), view)
    outputs = p.evaluate(OUTPUTS)
    program = p.evaluate(PROGRAM)
    assert outputs and program, f"{url(lang, page)}: no output or no program code to compare"
    labels = {None: LABEL[lang], "nb-stdout": LABEL[lang]}
    for out in outputs:
        where = f"{url(lang, page)} ({view}), output {out['text']!r}"
        assert out["hidden"] <= 1, f"{where}: {out['hidden']}px of it is hidden sideways"
        if out["kind"] in labels:
            assert out["label"] == f'"{labels[out["kind"]]}"', f"{where}: labelled {out['label']}"
        else:  # stderr and a cell's value have labels of their own
            assert out["label"] not in ("none", "normal", '""'), f"{where}: no label"
        assert out["navBottom"] is None or out["navBottom"] <= out["codeTop"] + 0.5, (
            f"{where}: the copy button reaches {out['navBottom'] - out['codeTop']:.1f}px into the text")
        assert (out["background"], out["leftBorder"]) != (program["background"], program["leftBorder"]), (
            f"{where}: drawn like program code ({out['background']}, left border {out['leftBorder']}px)")


SIZES = """() => {
  const size = e => e ? parseFloat(getComputedStyle(e).fontSize) : null;
  const inner = document.querySelector('.md-content__inner');
  const bodyText = [...inner.querySelectorAll(':scope > p')].find(p => p.offsetParent !== null);
  const bodyCode = [...inner.querySelectorAll(':scope > p code, :scope > ul > li > code')][0];
  const all = sel => [...inner.querySelectorAll(sel)].map(e => [e.textContent.trim().slice(0, 40), size(e)]);
  return {
    bodyText: size(bodyText), bodyCode: size(bodyCode),
    tableCode: all('table code, [data-calc=results] td[data-shape]'),
    boxText: all('.admonition > p, details > p, .admonition li, details li'),
    boxCode: all('.admonition code, details code'),
  };
}"""


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", ["shapes/", "cheatsheet/", "calculator/"])
def test_table_code_and_admonitions_as_large_as_the_text(visit, lang, view, page):
    sizes = visit(url(lang, page), view).evaluate(SIZES)
    assert sizes["bodyText"] and sizes["bodyCode"], f"{url(lang, page)}: no paragraph with code to compare"
    assert sizes["tableCode"], f"{url(lang, page)}: no code in a table"
    small = [f"table code {t!r} {s}px < {sizes['bodyCode']}px" for t, s in sizes["tableCode"] if s < sizes["bodyCode"]]
    small += [f"box text {t!r} {s}px < {sizes['bodyText']}px" for t, s in sizes["boxText"] if s < sizes["bodyText"]]
    small += [f"box code {t!r} {s}px < {sizes['bodyCode']}px" for t, s in sizes["boxCode"] if s < sizes["bodyCode"]]
    assert not small, f"{url(lang, page)} ({view}):\n" + "\n".join(small[:10])


TABLE_CODE_LINES = """() => {
  const split = [];
  for (const code of document.querySelectorAll('.md-typeset table code, [data-calc=results] td[data-shape]')) {
    const lines = new Set([...code.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    if (lines.size > 1) split.push(code.textContent);
  }
  const wraps = [...document.querySelectorAll('.md-typeset__scrollwrap')]
    .filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => ({table: w.querySelector('th')?.textContent, hint: getComputedStyle(w).backgroundImage}));
  return {split, wraps};
}"""


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", ["shapes/", "cheatsheet/", "calculator/"])
def test_tables_on_a_phone_keep_code_whole_and_show_they_scroll(visit, lang, page):
    found = visit(url(lang, page), "phone").evaluate(TABLE_CODE_LINES)
    assert not found["split"], f"{url(lang, page)}: code broken across lines in a table: {found['split'][:10]}"
    for wrap in found["wraps"]:
        assert "gradient" in wrap["hint"], (
            f"{url(lang, page)}: the table starting {wrap['table']!r} scrolls sideways with nothing to show it")


# Every run of two or more Hangul letters drawn on more than one line, in the
# navigation, the table of contents, the header and the text, with how many
# runs were looked at (a phone's closed navigation drawer is laid out as it
# opens, so it counts).
HANGUL_SPLITS = r"""() => {
  const places = {nav: '.md-nav--primary', toc: '.md-sidebar--secondary .md-nav--secondary', header: '.md-header', body: 'article'};
  const out = {};
  for (const [name, sel] of Object.entries(places)) {
    const root = document.querySelector(sel);
    out[name] = {wordBreak: root ? getComputedStyle(root.querySelector('.md-nav__link, p') || root).wordBreak : null,
                 splits: [], checked: 0};
    if (!root) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      // the closed search dialog's text is laid out at 32px wide but never seen
      if (!node.parentElement.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
      for (const m of node.data.matchAll(/[\uac00-\ud7a3]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        out[name].checked++;
        const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
          const line = node.data.slice(Math.max(0, m.index - 15), m.index + m[0].length + 15);
          out[name].splits.push(`${m[0]} in ${JSON.stringify(line.trim())}`);
        }
      }
    }
  }
  return out;
}"""


# Dark mode changes colours, not where lines break: every Korean page in the
# light and phone views, and three kinds of page in the dark one.
KOREAN = [(path, view) for path in korean_pages() for view in ("light", "phone")] + [
    (path, "dark") for path in ("/", "/gates/", "/labs/gates/")]


@pytest.mark.parametrize("path, view", KOREAN)
def test_korean_breaks_between_words(visit, path, view):
    found = visit(path, view).evaluate(HANGUL_SPLITS)
    problems = [f"{place}: no Korean text seen" for place in ("nav", "body") if not found[place]["checked"]]
    for place, got in found.items():
        if got["wordBreak"] not in (None, "keep-all"):
            problems.append(f"{place}: word-break is {got['wordBreak']}, not keep-all")
        problems += [f"{place}: {s}" for s in got["splits"][:5]]
    assert not problems, f"{path} ({view}), a Korean word broken across lines:\n" + "\n".join(problems)


HEADER = """() => {
  const name = document.querySelector('.md-header__topic:first-child > .md-ellipsis');
  const box = name.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(name);
  const text = range.getBoundingClientRect();
  const others = [...document.querySelectorAll('.md-header__button, .md-header__option, .md-header__source, .md-search')]
    .map(e => [e.className, e.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth)
    .filter(([, r]) => r.left < text.right && r.right > text.left && r.top < text.bottom && r.bottom > text.top)
    .map(([c]) => c);
  return {name: name.textContent.trim(), clipped: [name.scrollWidth - name.clientWidth, name.scrollHeight - name.clientHeight],
          inHeader: text.top >= header.top && text.bottom <= header.bottom,
          textInBox: text.left >= box.left - 1 && text.right <= box.right + 1, overlaps: others};
}"""


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_site_name_whole_in_the_header(visit, lang, view):
    got = visit(url(lang, "gates/"), view).evaluate(HEADER)
    where = f"{url(lang, 'gates/')} ({view}), site name {got['name']!r}"
    # 1px is rounding: a line 1.3 times 18px tall is 23.4px in a box 23px high
    assert got["clipped"][0] <= 1 and got["clipped"][1] <= 1, f"{where}: cut off by {got['clipped']}px"
    assert got["inHeader"] and got["textInBox"], f"{where}: drawn outside the header: {got}"
    assert not got["overlaps"], f"{where}: under {got['overlaps']}"


# Every figure on the page: its label, and for each text in it the size it is
# drawn at and its contrast with what is painted behind it (the last filled
# shape under its centre, else the page), in the light and the dark scheme;
# and the lightest box (arrowheads are drawn in the colour of the text).
FIGURES = r"""() => {
  const rgb = c => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const filled = e => { const f = getComputedStyle(e).fill; return f !== 'none' && !/rgba\(.*, 0\)/.test(f) ? f : null; };
  const measure = () => [...document.querySelectorAll('.md-typeset .figure svg')].map(svg => {
    let page = svg.parentElement;
    while (/rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(page).backgroundColor)) page = page.parentElement;
    const back = getComputedStyle(page).backgroundColor;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const shapes = [...svg.querySelectorAll('rect, path, circle, polygon')].filter(filled);
    const texts = [...svg.querySelectorAll('text')].map(t => {
      const b = t.getBBox(), x = b.x + b.width / 2, y = b.y + b.height / 2;
      const under = shapes.filter(s => { const r = s.getBBox(); return r.x <= x && x <= r.x + r.width && r.y <= y && y <= r.y + r.height; }).pop();
      return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
              contrast: ratio(getComputedStyle(t).fill, under ? filled(under) : back)};
    });
    return {id: svg.id, label: svg.getAttribute('aria-label') || '', texts,
            lightest: Math.max(0, ...shapes.filter(s => s.tagName === 'rect').map(s => lum(filled(s))))};
  });
  const out = {};
  for (const scheme of ['default', 'slate']) {
    document.body.setAttribute('data-md-color-scheme', scheme);
    out[scheme] = measure();
  }
  out.images = [...document.querySelectorAll('.md-typeset img[src$=".svg"]')].map(i => i.src);
  return out;
}"""
FIGURE_PAGES = ["shapes/", "bidirectional/", "packing/", "gates/", "dropout/"]


@pytest.mark.parametrize("lang, view", [("ko", "light"), ("en", "phone")])
@pytest.mark.parametrize("page", FIGURE_PAGES)
def test_figures_follow_the_colour_scheme_and_stay_legible(visit, lang, view, page):
    got = visit(url(lang, page), view).evaluate(FIGURES)
    where = f"{url(lang, page)} ({view})"
    assert not got["images"], f"{where}: a figure drawn as an <img>, which cannot take dark mode: {got['images']}"
    assert got["default"], f"{where}: no figure"
    for scheme in ("default", "slate"):
        for fig in got[scheme]:
            low = [(t["text"], round(t["contrast"], 2)) for t in fig["texts"] if t["contrast"] < 4.5]
            assert not low, f"{where}, {fig['id']} in {scheme}: text under 4.5:1 against its background: {low}"
            small = [(t["text"], round(t["px"], 1)) for t in fig["texts"] if t["px"] < (11 if view == "phone" else 9)]
            assert not small, f"{where}, {fig['id']}: text drawn smaller than legible: {small}"
    for fig in got["slate"]:
        assert fig["lightest"] < 0.1, f"{where}, {fig['id']}: a light shape in dark mode (luminance {fig['lightest']:.2f})"
    for fig in got["default"]:
        hangul = any("\uac00" <= c <= "\ud7a3" for c in fig["label"])
        assert fig["label"] and hangul == (lang == "ko"), f"{where}, {fig['id']}: label not in the page's language: {fig['label'][:60]!r}"
