"""Rank what readers look for first: torch's messages on the pitfalls page, chapters before labs.

Material's search matches each typed word as a prefix and adds the scores up.
After the build, this adjusts the search index:

- A pasted message is a long query of common words ("expected", "input",
  "size", "got") plus the reader's own numbers. In the body text those words
  are everywhere, so a long section that uses many of them outranks the
  pitfalls entry that quotes the message. Each pitfalls entry's quoted messages
  are copied into a `messages` field, which mkdocs.yml boosts.
- A lab repeats its chapter's topics in its headings; the chapter's section is
  the answer and the lab the exercise, so lab sections count half.
"""

import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PITFALLS = re.compile(r"pitfalls/")
LABS = re.compile(r"labs/")
MESSAGE = re.compile(r"<code>((?:\w+\.)*[A-Z]\w*(?:Error|Warning|Exception): .*?)</code>")
LAB_BOOST = 0.5


@event_priority(-300)  # after the search plugin has written the index
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    quoting = 0
    for doc in index["docs"]:
        if PITFALLS.match(doc["location"]):
            messages = [html.unescape(m) for m in MESSAGE.findall(doc["text"])]
            if messages:
                doc["messages"] = "\n".join(messages)
                quoting += 1
        elif LABS.match(doc["location"]):
            doc["boost"] = LAB_BOOST
    if quoting == 0:
        raise PluginError(f"search_ranking: no pitfalls entry quotes a message in {path}")
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
