"""Previewing and printing the program's PDF documents (shared by every print action)."""

from wuye_desktop.ui.documents.preview import PdfPreviewDialog, paint_pdf, preview_document

__all__ = ["PdfPreviewDialog", "paint_pdf", "preview_document"]
