"""The pure-Python core: card model, loading, validation, querying and comparison.

Nothing here imports Qt; an import-linter contract in pyproject.toml enforces it, so the
command line, the index and the tests can use the core without a display.
"""
