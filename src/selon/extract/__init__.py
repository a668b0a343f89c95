"""Extraction on a parsed Doc: quotations, sentence boundaries, numbers, statements, speakers, figures."""
