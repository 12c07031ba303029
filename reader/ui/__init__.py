"""The widgets, one package per screen (``reading``, ``compare``, ``export``), the main
window that assembles them, and the commands. The only package that may import QtWidgets;
may import everything below it but ``reader.cli``.
"""
