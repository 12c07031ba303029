# Two commands do everything on a fresh machine: `make run` and `make test`.
# Setup is a stamp file: it re-installs only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup run test lint format bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Briefing Reader needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	@touch $(STAMP)

run: setup
	$(BIN)/briefing-reader cards

lint: setup
	$(BIN)/ruff check reader tests
	$(BIN)/ruff format --check reader tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

format: setup
	$(BIN)/ruff format reader tests
	$(BIN)/ruff check --fix reader tests

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .hypothesis
