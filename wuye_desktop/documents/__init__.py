"""PDF documents (reportlab): one module per document."""
