"""Parse: bytes to cleaned text and document metadata (encodings, main content, PDF text, cleaning)."""
