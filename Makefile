# Two commands do everything on a fresh machine: `make run` and `make test`.
# Setup is a stamp file: it re-installs only when pyproject.toml or the lock file changes.
# Dependencies come from requirements.lock (every package pinned with its hashes); change it
# only with `make lock`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# The lock is made by pip-tools, kept in a venv of its own so it never enters the app's.
TOOLS        := .venv-tools
PIP_TOOLS    := pip-tools>=7.4,<8
# `make test-latest`: the newest releases pyproject.toml allows, in a separate venv.
LATEST       := .venv-latest

.PHONY: setup run test lint format bench bench-100k lock test-latest clean a11y

setup: $(STAMP)

$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Briefing Reader needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $(STAMP)

# The shipped cards' source texts stay outside the repository; in the development setup they
# are in ../shared/sources, passed when that folder exists.
SOURCES := ../shared/sources

run: setup
	$(BIN)/briefing-reader cards $(if $(wildcard $(SOURCES)/.),--sources $(SOURCES))

lint: setup
	$(BIN)/ruff check reader tests
	$(BIN)/ruff format --check reader tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# The tests start a few hundred child interpreters (the command line, index workers): let them
# keep the package's compiled bytecode, even where the environment says not to write it
# (PYTHONDONTWRITEBYTECODE=1 here costs each child ~0.15 s of compiling: ~30 s of CPU a run).
test: lint
	PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The benchmarks time fresh interpreters too: measure them with compiled bytecode, as an
# installed app has it, not compiling every module edited since the last write.
bench: setup
	PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

# 100,000 generated cards: cold index, warm open, search, index size, the set-wide views.
# Minutes, and a few GB of disk; not part of `make bench`.
bench-100k: setup
	PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.bench_100k

# The accessibility tree a screen reader sees, over AT-SPI under Xvfb (not part of `make test`;
# needs xvfb at-spi2-core python3-pyatspi dbus-x11, see README).
a11y: setup
	dbus-run-session -- sh tests/a11y/run.sh

format: setup
	$(BIN)/ruff format reader tests
	$(BIN)/ruff check --fix reader tests

# Re-resolve every dependency (transitive ones included) to the newest versions pyproject.toml
# allows and write them, with their sha256 hashes, to the lock. Review the diff, then `make test`.
lock:
	@test -x $(TOOLS)/bin/pip-compile || ($(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/python -m pip install --quiet '$(PIP_TOOLS)')
	$(TOOLS)/bin/pip-compile --quiet --upgrade --extra test --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml

# The whole suite against the newest releases pyproject.toml allows, not the lock: run it
# before moving the lock forward, and now and then, so a release that breaks us is seen here
# first. The venv is rebuilt every time, so it always holds today's releases.
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager --editable '.[test]'
	$(LATEST)/bin/python -m pip freeze --exclude-editable
	$(LATEST)/bin/ruff check reader tests
	$(LATEST)/bin/ruff format --check reader tests
	$(LATEST)/bin/mypy
	$(LATEST)/bin/lint-imports
	PYTHONDONTWRITEBYTECODE= BRIEFING_READER_UNLOCKED=1 QT_QPA_PLATFORM=offscreen $(LATEST)/bin/python -m pytest

clean:
	rm -rf $(VENV) $(TOOLS) $(LATEST) build dist .mypy_cache .ruff_cache .hypothesis
