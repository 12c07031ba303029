"""Shared Qt glue for the export and the window: compatibility guards, the application
object, the safe text document, model helpers.

May import ``reader.render`` and below; QtCore and QtGui, never QtWidgets (ruff bans it).
"""
