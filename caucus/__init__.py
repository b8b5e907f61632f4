"""Caucus: software for unions that bargain together."""
