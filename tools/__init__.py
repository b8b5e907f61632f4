"""Checks of the code's shape that no linter makes, run by ``make lint``."""
