"""Briefing Reader: read, compare and export briefing cards.

Layout: ``reader.core`` is the pure-Python model (no Qt), ``reader.render`` turns cards into
HTML for both the screen and the PDF, ``reader.ui`` is the Qt window, ``reader.export``
writes PDFs, and ``reader.cli`` is the command line.
"""

__version__ = "0.1.0"
