# The two commands of the README: `make serve` (writers) and `make test` (everything CI checks).
# Each installs what it needs first; the stamps below make a second run instant.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV  := .venv
PY    := $(VENV)/bin/python
HOST  ?= 127.0.0.1
PORT  ?= 8000


.PHONY: setup serve write build test lint bench bench-scale bench-logic lighthouse clean chromium

setup: $(VENV)/.installed node_modules/.installed chromium

$(VENV)/.installed: requirements-dev.txt constraints.txt pyproject.toml
	@test -x $(PY) || "$$(tools/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium: Playwright cannot download its own browsers here.
chromium:
	@command -v chromium >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq chromium; }

serve: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(PORT) --livereload

# Writer's fast preview: one language, no search index, only edited pages rebuilt (about 1 s per edit at
# 1000 guides x 2). Nav and links of other pages refresh on restart. `make write WRITER_LANG=en`.
WRITER_LANG ?= fr
write: $(VENV)/.installed node_modules/.installed
	KB_WRITER_LANG=$(WRITER_LANG) KB_SKIP_SEARCH=1 $(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(PORT) \
		--livereload --dirty --no-strict

build: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/mkdocs build --strict

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests hooks tools widgets
	$(VENV)/bin/mypy  # [tool.mypy] in pyproject.toml: --strict over src, hooks, tools, tests and widgets

test: setup lint
	$(PY) -m pytest

# The site is served by tools/kbdev/server.py (the tests' server: precompressed files, optional pacing).
# helper speed: loopback figures (bench_helpers) and per network profile (bench_network, issue 10), one build
bench: setup
	$(VENV)/bin/mkdocs build --strict -d build/bench-site
	$(PY) tools/bench_helpers.py --site build/bench-site
	$(PY) tools/bench_network.py --site build/bench-site --runs 3

# Lighthouse (npm devDependency), mobile profile, every page of both languages: performance, CLS, LCP, TBT
lighthouse: setup
	$(VENV)/bin/mkdocs build --strict -d build/bench-site
	$(PY) tools/bench_lighthouse.py --site build/bench-site

bench-scale: setup
	$(PY) tools/bench_scale.py

bench-logic: $(VENV)/.installed
	$(PY) tools/bench_logic.py

# Each English page against its French original, from git: up to date / stale since DATE / missing.
# `make translations STRICT=1` exits non-zero when a page is stale or missing (to gate on it).
.PHONY: translations
translations: $(VENV)/.installed
	$(PY) tools/translations.py $(if $(STRICT),--strict)

clean:
	rm -rf site build dist $(VENV) node_modules
