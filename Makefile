# The two commands of the README: `make serve` (writers) and `make test` (everything CI checks).
# Each installs what it needs first; the stamps below make a second run instant.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV  := .venv
PY    := $(VENV)/bin/python
HOST  ?= 127.0.0.1
PORT  ?= 8000

.PHONY: setup serve build test lint bench bench-scale bench-logic clean

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
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

serve: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(PORT) --livereload

build: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/mkdocs build --strict

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests hooks tools
	$(VENV)/bin/mypy

test: setup lint
	$(PY) -m pytest

bench: setup
	$(PY) tools/bench_helpers.py

bench-scale: setup
	$(PY) tools/bench_scale.py

bench-logic: $(VENV)/.installed
	$(PY) tools/bench_logic.py

clean:
	rm -rf site build dist $(VENV) node_modules
