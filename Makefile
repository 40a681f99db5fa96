# Two commands do everything on a fresh machine: `make serve` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Keras (the Keras lab, executed at build time) writes keras.json here, not into ~/.keras.
export KERAS_HOME ?= $(CURDIR)/.cache/keras

.PHONY: serve test check build outputs bench clean system-deps

$(STAMP): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

## make serve: the site with live reload at http://127.0.0.1:8000 (Korean at /, English at /en/)
serve: $(STAMP)
	$(PY) scripts/sites.py serve --dev-addr 127.0.0.1:8000

## make test: every check (snippet outputs, page rules, language parity, strict build, browser)
test: $(STAMP) system-deps
	$(PY) -m pytest

## make check: after editing pages or snippets, only the checks those files can affect
## (scripts/check.py; `make check FILES="docs/ko/shapes.md"` names them, otherwise git's changes)
check: $(STAMP) system-deps
	$(PY) scripts/check.py $(FILES)

# Chromium and a Korean font from Debian, for the browser tests.
system-deps:
	bash scripts/system_deps.sh

## make build: every language's strict build into site/ (English in site/en/)
build: $(STAMP)
	$(PY) scripts/sites.py build --site-dir site

## make outputs: rerun every snippet and rewrite its .out, and ask torch again for the
## calculator's fixture (tests/calculator/fixture.json); review the diff like code
outputs: $(STAMP)
	$(PY) scripts/outputs.py
	$(PY) scripts/calculator_fixture.py

## make bench: medians of build and test times, page weights, snippet-test overhead
bench: $(STAMP) system-deps
	$(PY) scripts/bench.py

clean:
	rm -rf site $(VENV) .cache
