"""The home page shows a run example and its output on the first screen, and routes by situation."""

import pytest

from website import VIEWS, Visit


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_home_shows_an_example_and_its_output_without_scrolling(chromium, server, path):
    visit = Visit(chromium, server, path, view="light")
    try:
        page = visit.page
        height = VIEWS["light"][2]["height"]
        blocks = page.eval_on_selector_all(
            "article .highlight pre", "ps => ps.slice(0, 2).map(p => [p.closest('.highlight').className, p.getBoundingClientRect().bottom])")
        assert len(blocks) == 2 and "language-python" in blocks[0][0] and "language-text" in blocks[1][0], blocks
        assert blocks[1][1] <= height, f"{path}: the example's output ends {blocks[1][1]:.0f} px down, below the first screen ({height} px)"
        situations = page.eval_on_selector_all("#start-here + ul > li", "lis => lis.length")
        assert situations == 4, f"{path}: 'Start here' lists {situations} situations, not 4"
    finally:
        visit.close()
