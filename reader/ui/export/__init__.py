"""The export screen: the Export to PDF dialog and its background export."""
