"""Helpers shared by the Django apps: the background-job shape, Markdown rendering, stored
files, spreadsheet-safe cells. Below every app, above the pure engines."""
