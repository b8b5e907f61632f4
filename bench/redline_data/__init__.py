"""Generators of test contracts for the redline benchmark (no downloaded data lives here)."""
