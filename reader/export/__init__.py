"""Export of card sets to PDF (and printing), on top of the shared renderer.

QtGui and QtPrintSupport, no widgets; may import ``reader.qt`` and below.
"""
