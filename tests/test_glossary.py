"""The Korean pages and labs use the glossary's terms, and never a form it avoids.

docs/ko/glossary.md holds one table: English | 한국어 | 쓰지 않는 표현 | 설명. The third
column lists, comma-separated, the variants the site must not use for that term
(transliterations, other translations, spacing variants; "—" when there are none). Every
Korean page and the Markdown cells of every Korean lab are read as a reader sees them:
fenced blocks and `inline code` are left out first, since code names are not translated,
and a line break inside a paragraph counts as the space it renders as. Each avoided form
found is reported as "docs/ko/x.md:LINE: '<variant>' -> use '<chosen form>' (glossary)".

docs/en/glossary.md has the same table with English notes: the same rows in the same order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nbformat
import pytest

from pages import DOCS, ROOT, notebooks, outside_fences, pages, tables

GLOSSARY = {lang: DOCS / lang / "glossary.md" for lang in ("ko", "en")}
HEADERS = {"ko": ["English", "한국어", "쓰지 않는 표현"], "en": ["English", "한국어", "Avoided forms"]}
NO_VARIANTS = {"", "—", "-"}

# A code span: a run of backticks, then anything up to the same run, within one paragraph.
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)
# "역(inverted) 드롭아웃" reads as "역 드롭아웃" once the English in parentheses is set aside.
ENGLISH_IN_PARENS = re.compile(r"\([\x20-\x7e]*?\)")


def _where(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Term:
    english: str
    korean: str
    avoided: tuple[str, ...]
    lineno: int  # of the row in docs/ko/glossary.md


@dataclass(frozen=True)
class Hit:
    lineno: int
    variant: str
    korean: str

    def message(self, where: str) -> str:
        return f"{where}:{self.lineno}: '{self.variant}' -> use '{self.korean}' (glossary)"


# --- reading the glossary ---------------------------------------------------------------

def table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (line, cells) body rows of the one table in `path`."""
    if not path.is_file():
        pytest.fail(f"{_where(path)} is missing", pytrace=False)
    found = tables(path)
    if len(found) != 1:
        pytest.fail(f"{_where(path)}: expected exactly one table, found {len(found)}", pytrace=False)
    header, rows = found[0].header, found[0].rows
    bad = [f"{_where(path)}:{n}: {len(c)} cells, expected {len(header)}" for n, c in rows if len(c) != len(header)]
    if bad:
        pytest.fail("rows with the wrong number of cells (a `|` inside a cell?):\n" + "\n".join(bad),
                    pytrace=False)
    return header, rows


def parse_terms(rows: list[tuple[int, list[str]]]) -> list[Term]:
    terms = []
    for lineno, (english, korean, avoided, *_) in rows:
        variants = () if avoided in NO_VARIANTS else tuple(v.strip() for v in avoided.split(","))
        terms.append(Term(english, korean, variants, lineno))
    return terms


@cache
def terms() -> tuple[Term, ...]:
    _, rows = table(GLOSSARY["ko"])
    return tuple(parse_terms(rows))


# --- reading a page as a reader sees it ---------------------------------------------------

def prose(text: str) -> str:
    """`text` with fenced blocks and inline code blanked out; line numbers are kept."""
    kept = [""] * (text.count("\n") + 1)
    for lineno, line in outside_fences(text):  # the fence rule the other page tests use
        kept[lineno - 1] = line
    return CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), "\n".join(kept))


def _pattern(form: str) -> re.Pattern:
    # A space in a form also matches a line break inside a paragraph (it renders as a space).
    return re.compile(r"(?: |[ \t]*\n[ \t]*)".join(re.escape(part) for part in form.split(" ")))


def find_avoided(text: str, glossary: tuple[Term, ...] | list[Term]) -> list[Hit]:
    """Every avoided form in the prose of `text`, outside code, in reading order.

    Where one avoided form lies inside a longer one ('스텝' in '타임 스텝'), only the longer
    is reported.
    """
    body = prose(text)
    found = []  # (start, end, variant, korean)
    for term in glossary:
        for variant in term.avoided:
            found += [(m.start(), m.end(), variant, term.korean) for m in _pattern(variant).finditer(body)]
    kept = []
    for start, end, variant, korean in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if not any(s <= start and end <= e for s, e, _, _ in kept):
            kept.append((start, end, variant, korean))
    return [Hit(body.count("\n", 0, start) + 1, variant, korean)
            for start, _, variant, korean in sorted(kept)]


def lab_cells(path: Path) -> list[tuple[str, str]]:
    """(where, source) for each Markdown cell of a notebook."""
    nb = nbformat.read(path, as_version=4)
    return [(f"{_where(path)} cell {cell.get('id', i)}", cell.source)
            for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"]


def _fail_on(hits: list[str], what: str):
    if hits:
        pytest.fail(f"{len(hits)} avoided form(s) in {what}; see docs/ko/glossary.md:\n" + "\n".join(hits),
                    pytrace=False)


# --- the glossary itself ------------------------------------------------------------------

def test_glossary_table_is_consistent():
    header, rows = table(GLOSSARY["ko"])
    assert header[:3] == HEADERS["ko"], f"docs/ko/glossary.md: table header {header}, expected {HEADERS['ko']} + note"
    glossary = terms()
    assert glossary, "docs/ko/glossary.md: the table has no rows"
    problems = [f"docs/ko/glossary.md:{t.lineno}: '{t.english}' has no Korean term" for t in glossary if not t.korean]
    seen_english, seen_variant = {}, {}
    for t in glossary:
        if t.english in seen_english:
            problems.append(f"docs/ko/glossary.md:{t.lineno}: '{t.english}' already at line {seen_english[t.english]}")
        seen_english.setdefault(t.english, t.lineno)
        for v in t.avoided:
            if not v:
                problems.append(f"docs/ko/glossary.md:{t.lineno}: empty avoided form (stray comma?)")
            elif v in seen_variant:
                problems.append(f"docs/ko/glossary.md:{t.lineno}: '{v}' is also avoided at line {seen_variant[v]}")
            seen_variant.setdefault(v, t.lineno)
    # A chosen form that contains an avoided one would be reported wherever the site uses it.
    for t in glossary:
        for hit in find_avoided(t.korean, glossary):
            problems.append(f"docs/ko/glossary.md:{t.lineno}: the chosen form '{t.korean}' contains "
                            f"'{hit.variant}', avoided for '{hit.korean}'")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_both_languages_have_the_same_rows():
    (ko_head, ko_rows), (en_head, en_rows) = table(GLOSSARY["ko"]), table(GLOSSARY["en"])
    assert en_head[:3] == HEADERS["en"], f"docs/en/glossary.md: table header {en_head}, expected {HEADERS['en']} + note"
    assert len(ko_rows) == len(en_rows), (f"docs/ko/glossary.md has {len(ko_rows)} terms, "
                                          f"docs/en/glossary.md has {len(en_rows)}")
    for (ko_no, ko), (en_no, en) in zip(ko_rows, en_rows):
        if ko[:3] != en[:3]:
            pytest.fail(f"first difference: docs/ko/glossary.md:{ko_no} has {ko[:3]}, "
                        f"docs/en/glossary.md:{en_no} has {en[:3]} (English, Korean and avoided forms "
                        "must be the same, in the same order)", pytrace=False)


def _site_prose() -> str:
    texts = [p.read_text(encoding="utf-8") for p in KO_PAGES]
    texts += [source for lab in KO_LABS for _, source in lab_cells(lab)]
    flat = " ".join(re.sub(r"[ \t]*\n[ \t]*", " ", prose(t)) for t in texts)
    return ENGLISH_IN_PARENS.sub("", flat)


def test_every_chosen_term_is_used_on_the_site():
    """The glossary records the site's choices; it does not invent terms of its own."""
    site = _site_prose()
    unused = [f"docs/ko/glossary.md:{t.lineno}: '{t.korean}' ({t.english}) appears on no Korean page or lab"
              for t in terms() if not _pattern(t.korean).search(site)]
    if unused:
        pytest.fail("\n".join(unused), pytrace=False)


# --- the pages and the labs ---------------------------------------------------------------

KO_PAGES = [p for p in pages("ko") if p != GLOSSARY["ko"]]
KO_LABS = notebooks("ko")


@pytest.mark.parametrize("page", KO_PAGES, ids=_where)
def test_page_uses_the_glossary_terms(page):
    where = _where(page)
    _fail_on([h.message(where) for h in find_avoided(page.read_text(encoding="utf-8"), terms())], where)


@pytest.mark.parametrize("lab", KO_LABS, ids=_where)
def test_lab_uses_the_glossary_terms(lab):
    hits = [h.message(where) for where, source in lab_cells(lab) for h in find_avoided(source, terms())]
    _fail_on(hits, _where(lab))


# --- the checker fails when it should -----------------------------------------------------

SAMPLE_TERMS = [
    Term("gradient", "기울기", ("그래디언트", "경사"), 0),
    Term("time step", "시간 단계", ("타임 스텝", "스텝"), 0),
    Term("hidden state", "은닉 상태", ("히든 스테이트",), 0),
]

SAMPLE = """\
# 제목 { #title }

그래디언트가 사라집니다. 두 번째 그래디언트도 셉니다.
`그래디언트`와 ``a `그래디언트` b``는 코드라서 괜찮습니다.

```python
g = "그래디언트"  # fenced: not prose
```

!!! note "상자"
    타임 스텝마다 히든
    스테이트가 바뀝니다.
````text
```
경사
```
````
끝.
"""


def test_checker_reports_avoided_forms_outside_code_only():
    hits = find_avoided(SAMPLE, SAMPLE_TERMS)
    assert [(h.lineno, h.variant, h.korean) for h in hits] == [
        (3, "그래디언트", "기울기"),
        (3, "그래디언트", "기울기"),
        (11, "타임 스텝", "시간 단계"),  # not also '스텝' on its own
        (11, "히든 스테이트", "은닉 상태"),  # across a line break
    ]
    assert hits[0].message("docs/ko/x.md") == "docs/ko/x.md:3: '그래디언트' -> use '기울기' (glossary)"


def test_checker_fails_a_page(tmp_path):
    page = tmp_path / "x.md"
    page.write_text("# x { #x }\n\n바이어스를 더합니다.\n", encoding="utf-8")
    glossary = [Term("bias", "편향", ("바이어스",), 0)]
    with pytest.raises(pytest.fail.Exception, match=r"x\.md:3: '바이어스' -> use '편향' \(glossary\)"):
        _fail_on([h.message(_where(page)) for h in find_avoided(page.read_text(encoding="utf-8"), glossary)],
                 "x.md")


def test_every_avoided_form_of_the_glossary_is_caught():
    """Each variant in the real table is found in prose, and ignored in code."""
    missed = []
    for t in terms():
        for v in t.avoided:
            found = find_avoided(f"앞 문장에 {v}이 있습니다.\n`{v}`\n", terms())
            if [(h.lineno, h.variant, h.korean) for h in found] != [(1, v, t.korean)]:
                missed.append(f"docs/ko/glossary.md:{t.lineno}: '{v}' -> {found}")
    if missed:
        pytest.fail("avoided forms the checker does not report as expected:\n" + "\n".join(missed), pytrace=False)


# --- the house style of the Korean text (README, "Writing Korean and English") -------------
#
# Four rules a script can check, on the Korean pages (the glossary included), the Markdown
# cells of the Korean labs and the Korean text of the 404 page, outside code:
#   - no 해요체 ending ('…할까요?', '…이용해 주세요.') in a site written in 합니다체;
#   - no appositive 곧 ('단계 수, 곧 시퀀스 길이'): use 즉, brackets or a second sentence;
#   - no colon after a predicate ('일치합니다: …'): put the value in brackets;
#   - no English gloss on a transliteration or a basic word ('패딩(padding)', '층(layer)');
# and one on the pages and labs only (the glossary talks about English words by design):
#   - no English word that has a Korean term or belongs in code ('reshape', 'in-place', 'Tensor')
#     in Korean prose; names (PyTorch, Keras, LSTM, CPU ...) are fine, and so are English in
#     brackets after a Korean term, quoted messages, link targets, image descriptions and
#     heading ids.

_404 = ROOT / "overrides" / "404.html"


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match[0])


# Markup that is not prose; blanked, so that line numbers stay.
MARKUP = [re.compile(p, re.S | re.M) for p in (
    r"<!--.*?-->",  # comments (pytest-codeblocks markers)
    r"<(code|pre)\b[^>]*>.*?</\1>",  # code in raw HTML (the calculator's form)
    r"<[^<>]+>",  # HTML tags and their attributes
    r"(?<=\])\([^)\s]*\)",  # link targets (the ']' stays: an image's alt text ends there)
    r"\{\s*[#.:][^{}\n]*\}",  # heading ids and attribute lists
    r"\{\{.*?\}\}",  # {{ torch_version }}
    r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+",  # the admonition type; its title is prose
)]


def reader_text(text: str) -> str:
    """The prose of a Markdown text outside code and markup; line numbers are kept."""
    body = prose(text)
    for pattern in MARKUP:
        body = pattern.sub(_blank, body)
    return body


def korean_texts(glossary: bool = True) -> list[tuple[str, str]]:
    """(where, Markdown) for every Korean page, lab cell and the 404 page's Korean text."""
    texts = [(_where(p), p.read_text(encoding="utf-8"))
             for p in KO_PAGES + ([GLOSSARY["ko"]] if glossary else [])]
    texts += [(where, source) for lab in KO_LABS for where, source in lab_cells(lab)]
    html = _404.read_text(encoding="utf-8")
    korean_404 = re.search(r"\{% else %\}(.*?)\{% endif %\}\s*\{% endblock %\}", html, re.S)
    assert korean_404, "overrides/404.html: no Korean text (the {% else %} branch of its content block) found"
    before = "\n" * html.count("\n", 0, korean_404.start(1))  # so that line numbers are the file's
    texts.append((_where(_404), before + re.sub(r'<p lang="en">.*?</p>', "", korean_404[1], flags=re.S)))
    return texts


def _hits(pattern: re.Pattern, text: str, clean=reader_text) -> list[tuple[int, str]]:
    body = clean(text)
    return [(body.count("\n", 0, m.start()) + 1, m[0]) for m in pattern.finditer(body)]


# 해요체: a syllable + 요 that ends a sentence, a line or a table cell; 필요, 중요, 주요, 수요, 강요
# and 개요 are nouns. '…죠.' is 해요체 too.
HAEYO = re.compile(r"[가-힣]*(?:[가-힣](?<![필중주수개강])요(?=[ \t]*(?:[.?!)\"'|]|$))|[가-힣]죠(?=[.?!]))", re.M)
# 곧 standing alone (not 곧바로, 곧장): on this site it has only been 'namely'.
APPOSITIVE_GOT = re.compile(r"(?<![가-힣])곧(?![가-힣])")
PREDICATE_COLON = re.compile(r"니다:")


# Debt in pages this check does not own, listed so that it stays visible: (where, what was found).
STYLE_ALLOWED: set[tuple[str, str]] = set()  # (place, phrase) that a check may pass over, with the reason


def _style_failures(pattern: re.Pattern, why: str) -> list[str]:
    return [f"{where}:{line}: '{found}': {why}"
            for where, text in korean_texts() for line, found in _hits(pattern, text)
            if (where, found) not in STYLE_ALLOWED]


def test_korean_is_written_in_hapnida_style():
    failures = _style_failures(HAEYO, "해요체 in a 합니다체 site; write '…합니다', '…하십시오', "
                                      "'…를 예측해 보십시오' or a noun phrase")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_no_appositive_got():
    failures = _style_failures(APPOSITIVE_GOT, "appositive 곧; use 즉, brackets ('단계 수(시퀀스 길이)') "
                                               "or a second sentence")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_no_colon_after_a_predicate():
    failures = _style_failures(PREDICATE_COLON, "a colon after a predicate; put the value in brackets "
                                                "('일치합니다(`[True, False]`)') or before the predicate")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


# Korean terms that take no English gloss: transliterations and basic words. Their English is
# the glossary's; words outside the glossary carry theirs here.
NO_GLOSS = {"층", "방향", "양방향", "가중치", "오류", "경고", "배치", "시퀀스", "패딩", "패킹", "드롭아웃",
            "게이트", "임베딩", "마스크", "마스킹", "유닛", "브로드캐스팅", "훅", "옵티마이저", "백엔드",
            "에포크", "레이블", "파라미터"}
NO_GLOSS_OUTSIDE_GLOSSARY = {"셀": "cell", "텐서": "tensor", "태거": "tagger", "프로브": "probe",
                             "모듈": "module", "스크립트": "script", "노트북": "notebook", "래퍼": "wrapper"}


def needless_glosses(glossary: tuple[Term, ...] | list[Term]) -> re.Pattern:
    pairs = {t.korean: t.english for t in glossary if t.korean in NO_GLOSS} | NO_GLOSS_OUTSIDE_GLOSSARY
    alternatives = "|".join(rf"{re.escape(k)}\(\s*{re.escape(e)}s?\s*\)" for k, e in sorted(pairs.items()))
    return re.compile(rf"(?<![가-힣])(?:{alternatives})", re.I)


def test_no_gloss_on_transliterations_or_basic_words():
    pattern = needless_glosses(terms())
    failures = [f"{where}:{line}: '{found}': a transliteration or a basic word takes no English gloss; "
                "write the Korean alone, or gloss the whole term ('순환 층(recurrent layer)')"
                for where, text in korean_texts() for line, found in _hits(pattern, text)]
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


# English words that must not stand in Korean prose: every English term of the glossary (it has
# a Korean one), and words that are code or have a Korean word the glossary does not list.
ENGLISH_DENIED = ["shape", "tensor", "view", "dtype", "import", "sigmoid", "saliency map",
                  "integrated gradients", "Dense", "cell", "module", "notebook", "probe", "output", "input"]
# Where English is not prose: in brackets (a gloss or a note, '(time-major)'), quoted (torch's
# messages, '"dropout should be a number…"'), and image descriptions, which cannot mark code.
NOT_KOREAN_PROSE = [re.compile(p, re.S) for p in (
    r"!\[(?:[^\[\]]|\[[^\]]*\])*\]",  # ![alt text with x[0] inside](...)
    r"\([\x20-\x7e\n]*?\)",  # (English only)
    r'"(?:(?!\n[ \t]*\n)[^"])*"', r"“[^”]*”",  # quotes within a paragraph
)]
# Debt in pages this check does not own, listed so that it stays visible: (file, word), with why.
ENGLISH_ALLOWED: set[tuple[str, str]] = set()


def _korean_prose(text: str) -> str:
    body = reader_text(text)
    for pattern in NOT_KOREAN_PROSE:
        body = pattern.sub(_blank, body)
    return body


def english_denied(glossary: tuple[Term, ...] | list[Term]) -> re.Pattern:
    words = {re.sub(r"\s*\([^)]*\)", "", t.english) for t in glossary} | set(ENGLISH_DENIED)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) + "s?"
                            for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def test_no_english_words_in_korean_prose():
    pattern = english_denied(terms())
    failures = [f"{where}:{line}: '{found}': English in Korean prose; use the glossary's Korean term, "
                "or write a code name as code"
                for where, text in korean_texts(glossary=False)
                for line, found in _hits(pattern, text, _korean_prose)
                if (where.split(" cell ")[0], found) not in ENGLISH_ALLOWED]
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


STYLE_SAMPLE = """\
# 제목 { #batch-first }

분류기에는 어떤 텐서를 넣어야 하나요?
무엇일까요? 몇 개죠. 검색을 이용해 주세요.
필요. 중요. 요약입니다. `어때요?`는 코드입니다.
`L`은 단계 수, 곧 시퀀스 길이입니다. 곧바로 실행합니다.
첫 행만 일치합니다: `[True, False]`.
패딩(padding)과 순환 층(layer), 순환 층(recurrent layer), 역 드롭아웃(inverted dropout).
in-place 오류가 납니다. Tensor 머리글, reshape 두 가지, 제자리(in-place).
메시지는 "a view of a leaf
Variable that requires grad"입니다. [batch_first](shapes.md#batch-first), `view`.
![x[0]의 output 표시](a.svg)
"""


def test_style_checkers_report_what_they_should():
    assert _hits(HAEYO, STYLE_SAMPLE) == [(3, "하나요"), (4, "무엇일까요"), (4, "개죠"), (4, "주세요")]
    assert _hits(APPOSITIVE_GOT, STYLE_SAMPLE) == [(6, "곧")]
    assert _hits(PREDICATE_COLON, STYLE_SAMPLE) == [(7, "니다:")]
    assert _hits(needless_glosses(terms()), STYLE_SAMPLE) == [(8, "패딩(padding)"), (8, "층(layer)")]
    assert _hits(english_denied(terms()), STYLE_SAMPLE, _korean_prose) == [
        (9, "in-place"), (9, "Tensor"), (9, "reshape")]
