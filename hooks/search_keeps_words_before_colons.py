"""Keep the word before a colon in a search query.

Material hands each typed word to lunr's query lexer, which reads `word:` as
"search only the field named word". For a name that is not a field, Material
removes the colon (squidfunk/mkdocs-material#4884) but does not keep the word
as a search term, so it is dropped. Every torch message starts with such words
(`ValueError: LSTMCell: Expected input ...`), and the dropped ones are often the
only words that tell two messages apart (`LSTMCell:` against `RNN:`). This
patches the built search worker to keep the word. If a Material upgrade changes
that code, the pattern is not found and the build stops.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# In the worker's query transform: a FIELD lexeme that is not a known field.
DROPS = re.compile(r'(case"FIELD":\["title","text","tags"\]\.includes\((\w)\)\|\|\()(\w=\[)')
KEEPS = re.compile(r'case"FIELD":\["title","text","tags"\]\.includes\(\w\)\|\|\(\w\.push\(\w\),')


def on_post_build(config):
    workers = list(Path(config.site_dir, "assets", "javascripts", "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"search_keeps_words_before_colons: expected one search worker, found {workers}")
    js = workers[0].read_text(encoding="utf-8")
    if len(KEEPS.findall(js)) == 1:
        return  # already patched (mkdocs serve keeps unchanged theme files)
    # The terms are collected in the array the TERM case pushes to; find its name.
    terms = re.search(r'case"TERM":\w\(\w,lunr\.tokenizer\.separator,\(\.\.\.\w\)=>\{(\w)\.push\(', js)
    patched, n = DROPS.subn(lambda m: f"{m[1]}{terms[1]}.push({m[2]}),{m[3]}" if terms else m[0], js)
    if n != 1 or not terms:
        raise PluginError(f"search_keeps_words_before_colons: {n} matches in {workers[0].name}; "
                          "Material changed, revisit this hook")
    workers[0].write_text(patched, encoding="utf-8")
