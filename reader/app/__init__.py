"""Application state and use cases: the reading session, history, set loading and
watching, settings, sort keys. Qt signals (QtCore) are allowed, widgets are not (ruff bans
QtWidgets here), so all of it can be driven and tested without a window.

May import ``reader.export`` and below.
"""
