"""Briefing Reader: read, compare and export briefing cards.

The packages are layers; each imports only the ones below it (an import-linter contract in
pyproject.toml keeps it so): ``cli`` > ``ui`` > ``app`` > ``export`` > ``qt`` > ``render`` >
``analysis`` | ``verify`` | ``index`` > ``cards``. Everything from ``render`` down is pure Python.
"""

__version__ = "0.1.0"
