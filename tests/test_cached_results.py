"""A stored result is reused only for the same bytes: a changed page, file, snippet or check runs again."""

import json

import cpu_matrix
import reuse


def test_a_result_is_reused_only_while_every_byte_it_depended_on_is_the_same(tmp_path):
    site, store = tmp_path / "site", tmp_path / "store"
    (site / "assets").mkdir(parents=True)
    page, style, other = site / "index.html", site / "assets" / "site.css", site / "other.html"
    page.write_text("<p>page</p>")
    style.write_text("p { color: red }")
    other.write_text("not served to the test")

    def run(salt="code v1"):  # a new run: what is on disk now
        return reuse.Results(site, salt, store)

    test = "tests/test_x.py::test_page[light]"
    assert not run().passed_before(test)  # nothing stored yet
    run().record_pass(test, {"index.html", "assets/site.css", "missing.js"})
    assert run().passed_before(test)
    assert not run().passed_before("tests/test_x.py::test_page[dark]")  # another test
    assert not run("code v2").passed_before(test)  # other test code or tool versions

    other.write_text("changed, but never served to the test")
    assert run().passed_before(test)
    style.write_text("p { color: blue }")  # a file it was served
    assert not run().passed_before(test)
    style.write_text("p { color: red }")
    assert run().passed_before(test)
    page.write_text("<p>page, edited</p>")
    assert not run().passed_before(test)
    page.write_text("<p>page</p>")
    (site / "missing.js").write_text("now there is a file where there was none")
    assert not run().passed_before(test)
    (site / "missing.js").unlink()
    assert run().passed_before(test)
    style.unlink()  # a file it was served is gone
    assert not run().passed_before(test)


def test_the_suites_shared_code_is_part_of_every_key_and_a_test_module_only_of_its_own(tmp_path):
    tests, site, store = tmp_path / "tests", tmp_path / "site", tmp_path / "store"
    site.mkdir()
    (site / "index.html").write_text("<p>page</p>")
    tests.mkdir()
    (tests / "test_a.py").write_text("def test(): pass\n")
    (tests / "test_b.py").write_text("def test(): pass\n")
    (tests / "website.py").write_text("SHARED = 1\n")
    shared = reuse.code_hash(tests)

    def run():
        return reuse.Results(site, reuse.code_hash(tests), store, tests)

    a, b = "tests/test_a.py::test", "tests/test_b.py::test"
    for test in (a, b):
        run().record_pass(test, {"index.html"})
    (tests / "test_b.py").write_text("def test(): assert True\n")  # another module's code
    assert reuse.code_hash(tests) == shared
    assert run().passed_before(a)
    assert not run().passed_before(b)  # its own module's code
    run().record_pass(b, {"index.html"})
    (tests / "calculator").mkdir()
    (tests / "calculator" / "fixture.json").write_text("{}")  # test data counts too
    assert not run().passed_before(a) and not run().passed_before(b)
    (tests / "calculator" / "fixture.json").unlink()
    (tests / "calculator").rmdir()
    assert run().passed_before(a) and run().passed_before(b)
    (tests / "website.py").write_text("SHARED = 2\n")  # shared code
    assert not run().passed_before(a) and not run().passed_before(b)


def test_no_test_module_imports_another():
    """What lets a test module's edit re-run only its own browser checks (reuse.code_hash)."""
    import ast

    modules = sorted(reuse.HERE.glob("test_*.py"))
    names = {m.stem for m in modules}
    imports = {m.name: sorted({alias.name.split(".")[0] for node in ast.walk(ast.parse(m.read_text(encoding="utf-8")))
                               if isinstance(node, (ast.Import, ast.ImportFrom))
                               for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
                              & names)
               for m in modules}
    assert not {m: i for m, i in imports.items() if i}, "a test module imports another; key reuse by both"


def test_the_server_records_what_it_was_asked_for(site_dir):
    """Found files, missing ones, and the 404 page given for them."""
    import urllib.error
    import urllib.request

    import website

    srv = website.Server(site_dir, website.published_prefix(site_dir))
    try:
        urllib.request.urlopen(srv.root + "en/shapes/").read()
        try:
            urllib.request.urlopen(srv.root + "en/no-such-page/")
        except urllib.error.HTTPError as e:
            assert e.code == 404
        assert srv.served == {"en/shapes/index.html", "en/no-such-page", "404.html"}
        tagged = urllib.request.Request(srv.root + "en/packing/", headers={website.TAG_HEADER: "ahead"})
        urllib.request.urlopen(tagged).read()  # a page loaded ahead of its test's turn
        assert srv.tagged == {"ahead": {"en/packing/index.html"}}
        assert "en/packing/index.html" not in srv.served
    finally:
        srv.stop()


def test_a_context_loaded_ahead_sends_its_tag_with_every_request(chromium, server):
    """What a page check loaded ahead is given is recorded for that check alone (test_browser_pages.py)."""
    import website

    visit = website.Visit(chromium, server, "/en/packing/", tag="ahead", settle=False)
    try:
        visit.settle()
        fetched = server.tagged.pop("ahead")
        assert "en/packing/index.html" in fetched and any(f.endswith(".js") for f in fetched)
        assert any(f.endswith(".css") for f in fetched) and not server.served
    finally:
        visit.close()


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


def test_a_kept_build_is_used_only_for_the_same_inputs(tmp_path, monkeypatch):
    import website

    sites = website.sites
    monkeypatch.setattr(sites, "ROOT", tmp_path)
    for name in ("docs/ko/index.md", "docs/en/index.md", "docs/assets/css/site.css", "snippets/a/01_x.py",
                 "hooks/h.py", "overrides/main.html", "mkdocs.yml", "mkdocs.en.yml", "scripts/sites.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    env = {"SITE_URL": None}
    ko, en = sites.inputs_key("ko", env), sites.inputs_key("en", env)
    assert ko != en

    (tmp_path / "docs/en/index.md").write_text("edited")  # the other language's page
    assert sites.inputs_key("ko", env) == ko and sites.inputs_key("en", env) != en
    en = sites.inputs_key("en", env)
    (tmp_path / "mkdocs.en.yml").write_text("edited")  # only the English build reads it
    assert sites.inputs_key("ko", env) == ko and sites.inputs_key("en", env) != en
    for shared in ("docs/assets/css/site.css", "snippets/a/01_x.py", "hooks/h.py", "overrides/main.html",
                   "mkdocs.yml", "scripts/sites.py"):
        (tmp_path / shared).write_text("edited")
        assert sites.inputs_key("ko", env) != ko, shared
        ko = sites.inputs_key("ko", env)
    assert sites.inputs_key("ko", {"SITE_URL": "http://127.0.0.1:8000/"}) != ko  # another address
    assert sites.inputs_key("ko", {**env, "ATEN_CPU_CAPABILITY": "default"}) != ko  # another CPU path


def _hook(path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_notebook_is_drawn_again_when_its_html_its_language_or_the_hook_changes(tmp_path):
    from pages import ROOT

    hook = _hook(ROOT / "hooks" / "notebook_html.py")
    html = '<div class="jp-Notebook">...</div>'
    assert hook.key(html, "en") == hook.key(html, "en")
    assert hook.key(html + " ", "en") != hook.key(html, "en")  # mkdocs-jupyter's output
    assert hook.key(html, "ko") != hook.key(html, "en")  # the answer's label
    edited = tmp_path / "notebook_html.py"
    edited.write_text((ROOT / "hooks" / "notebook_html.py").read_text(encoding="utf-8") + "\n# edited\n")
    assert _hook(edited).key(html, "en") != hook.key(html, "en")  # the hook's own code


def test_torch_is_asked_again_for_another_torch_cpu_or_code_path(monkeypatch):
    from pages import ROOT

    hook = _hook(ROOT / "hooks" / "printed_with.py")
    monkeypatch.delenv("ATEN_CPU_CAPABILITY", raising=False)
    here = hook.key()
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "default")
    assert hook.key() != here
    monkeypatch.delenv("ATEN_CPU_CAPABILITY")
    assert hook.key() == here
    monkeypatch.setattr(hook, "version", lambda name: "0.0.0")
    assert hook.key() != here
    monkeypatch.undo()
    monkeypatch.setattr(hook, "_cpu_flags", lambda: "flags : fpu")
    assert hook.key() != here
