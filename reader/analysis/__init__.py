"""Set-wide analyses: side by side, topic matrix, recommendations by addressee, timeline.

Pure functions of cards (no Qt); may import ``reader.cards`` only.
"""
