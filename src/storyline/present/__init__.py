"""Presenters: the dossier (JSON v1), CSV, Markdown, and the HTML report."""
