"""Quote and locator verification against the sources' text files.

Pure Python (no Qt); may import ``reader.cards`` only.
"""
