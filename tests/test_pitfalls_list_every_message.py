"""Every error message a snippet prints is quoted on the pitfalls page, in both languages.

Readers paste torch's message into search; the pitfalls page is where it must land. Sizes
differ from reader to reader, so digits are compared as "some number": `got 4D` on the page
matches `got 3D` in a snippet's output, but a different wording does not.
"""

import re

import pytest

from pages import DOCS, LANGS, SNIPPETS, rel

MESSAGE = re.compile(r"\b([A-Z]\w*(?:Error|Exception|Warning): .+)$")

# Printed messages that the pitfalls page quotes in another form, each with the reason.
QUOTED_OTHERWISE = {
    ("packing/04_lengths_on_cpu.out", "but got 1D meta Long tensor"):
        "the meta tensor stands in for a GPU; the entry quotes the `cuda:0` wording readers see",
    ("shapes/04_check_batch_axis.out", "h_n.shape[1] =="):
        "the snippet's own check, not a torch message",
}


def any_number(text: str) -> str:
    return re.sub(r"\d+", "0", text)


def printed_messages():
    for out in sorted(SNIPPETS.glob("*/*.out")):
        name = out.relative_to(SNIPPETS).as_posix()
        for line in out.read_text(encoding="utf-8").splitlines():
            m = MESSAGE.search(line)
            if m and not any(name == f and part in line for f, part in QUOTED_OTHERWISE):
                yield name, m.group(1)


MESSAGES = sorted(set(printed_messages()))


def test_snippets_print_messages():
    """Guards the pattern: if it stopped matching, the test below would pass on nothing."""
    assert len(MESSAGES) > 40


@pytest.mark.parametrize("lang", LANGS)
def test_pitfalls_quote_every_printed_message(lang):
    page = DOCS / lang / "pitfalls.md"
    text = any_number(page.read_text(encoding="utf-8"))
    missing = [f"  {name}: {message}" for name, message in MESSAGES if any_number(message) not in text]
    assert not missing, (f"{rel(page)} does not quote these messages that snippets print "
                         "(add them to the entry for that mistake, as readers paste them):\n"
                         + "\n".join(missing))
