"""Export of card sets to PDF (and printing), on top of the shared renderer."""
