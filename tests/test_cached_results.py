"""A stored result is reused only for the same bytes: a changed page, file, snippet or check runs again."""

import json

import cpu_matrix
from page_results import PageResults


def test_a_result_is_reused_only_while_every_byte_it_depended_on_is_the_same(tmp_path):
    site, store = tmp_path / "site", tmp_path / "store"
    (site / "assets").mkdir(parents=True)
    page, style, other = site / "index.html", site / "assets" / "site.css", site / "other.html"
    page.write_text("<p>page</p>")
    style.write_text("p { color: red }")
    other.write_text("not loaded by the page")

    results = PageResults(site, "check v1", store)
    assert not results.passed_before("/", "light", page)  # nothing stored yet
    results.record_pass("/", "light", page, [page, style])
    assert results.passed_before("/", "light", page)
    assert not results.passed_before("/", "dark", page)  # another view
    assert not PageResults(site, "check v2", store).passed_before("/", "light", page)  # other code or versions

    other.write_text("changed, but the page never loaded it")
    assert results.passed_before("/", "light", page)
    style.write_text("p { color: blue }")  # a file it loaded
    assert not results.passed_before("/", "light", page)
    style.write_text("p { color: red }")
    assert results.passed_before("/", "light", page)
    page.write_text("<p>page, edited</p>")  # the page itself
    assert not results.passed_before("/", "light", page)
    style.unlink()
    page.write_text("<p>page</p>")
    assert not results.passed_before("/", "light", page)  # a file it loaded is gone


def test_a_snippet_result_is_reused_only_for_the_same_snippet_configuration_and_machine(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cpu_matrix, "CACHE", tmp_path / "store")
    monkeypatch.delenv("FRESH", raising=False)
    snippet = tmp_path / "01_demo.py"
    snippet.write_text('print("a")\n')
    machine = cpu_matrix._machine()
    key = cpu_matrix._key(machine, snippet, "baseline")
    key.parent.mkdir()
    key.write_text(json.dumps({"rc": 0, "stdout": "kept\n", "stderr": "", "snippet": "elsewhere", "config": "baseline"}))
    cpu_matrix.main("baseline", [snippet])  # reads the kept result instead of running (which would print "a")
    assert json.loads(capsys.readouterr().out) == {
        "rc": 0, "stdout": "kept\n", "stderr": "", "snippet": str(snippet), "config": "baseline"}

    assert cpu_matrix._key(machine, snippet, "1-thread") != key  # another configuration
    assert cpu_matrix._key(machine + "another CPU", snippet, "baseline") != key  # another machine or version
    snippet.write_text('print("b")\n')
    assert cpu_matrix._key(machine, snippet, "baseline") != key  # another snippet
