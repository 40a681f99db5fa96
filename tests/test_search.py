"""The search box finds Korean words on Korean pages and English words on English pages.

Each language is its own build with its own index (scripts/sites.py), so results
must also stay in the reader's language.
"""

import re

import pytest

from website import Visit

CASES = [
    # (page the reader is on, what they type, a page that must be found)
    ("/", "은닉 상태", "shapes/"),
    ("/shapes/", "패딩", "packing/"),  # the chapter about it, among the pages that use the word
    ("/", "패딩", ""),
    ("/shapes/", "배치", "shapes/"),
    ("/en/", "hidden state", "en/shapes/"),
    ("/en/shapes/", "proj_size", "en/shapes/"),
    ("/en/", "padding", "en/"),
    # torch's words that appear only in output blocks lead to the page that shows them
    ("/", "does not match weight dtype", "shapes/"),
    ("/en/", "hx and cx should also be 3-D", "en/shapes/"),
]


@pytest.mark.parametrize("path, query, expected", CASES)
def test_search_finds_the_page_in_the_readers_language(chromium, server, path, query, expected):
    visit = Visit(chromium, server, path)
    try:
        page = visit.page
        index = f"{'en/' if path.startswith('/en/') else ''}search/search_index.json"
        # Every request since the page started, from the browser's own record.
        loaded = "i => performance.getEntriesByType('resource').some(e => e.name.endsWith(i))"
        page.wait_for_timeout(300)
        assert not page.evaluate(loaded, index), "the search index was downloaded before the reader opened search"
        # The index is fetched when the search field gets focus (hooks/search_index_lazy.py).
        # Material says it is ready by replacing the "initializing" text of the result
        # meta line: wait for that.
        initializing = re.search(r'class="md-search-result__meta">\s*([^<]*?)\s*<', visit.response.text())[1]
        page.click("input.md-search__input")
        page.wait_for_function("t => document.querySelector('.md-search-result__meta').innerText.trim() != t",
                                arg=initializing, timeout=20_000)
        assert page.evaluate(loaded, index), f"no request for {index} after opening search"
        page.keyboard.type(query)
        # Material reads the query on keyup. A Korean IME fires keyups while composing;
        # Playwright inserts Hangul as text without key events, so end with a real key.
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item")
        links = page.eval_on_selector_all(".md-search-result__item > a", "as => as.map(a => a.origin + a.pathname)")
        found = {link.removeprefix(server.root) for link in links}
        assert expected in found, f"searching {query!r} on {path} found {sorted(found)}, not {expected!r}"
        english = path.startswith("/en/")
        wrong = sorted(f for f in found if f.startswith("en/") != english)
        assert not wrong, f"searching {query!r} on {path} also listed pages in the other language: {wrong}"
        assert not visit.problems, "\n".join(visit.problems)
    finally:
        visit.close()
