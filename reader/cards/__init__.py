"""The card format: the model, safe YAML, the schema, card and set files, the folder walk,
the reference loader, queries and facets, and the Catalog protocol the rest of the app reads.

Pure Python; imports nothing else from ``reader`` (it is the bottom layer) and never Qt.
"""
