"""Printable and editable documents (PDF, DOCX, ODT) built from one neutral description."""
