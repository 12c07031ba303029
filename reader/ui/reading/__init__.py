"""The reading screen: card list, tag sidebar, card view, filters, search, status, problems."""
