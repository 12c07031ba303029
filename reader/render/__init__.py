"""Card → HTML, shared by the reader window and the PDF export, so both look alike."""
