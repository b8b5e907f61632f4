"""The demo coalition: a fictional employer, its unions and a bargaining round in progress.

Everything here is invented and built from a seed (``build.build_demo``), so two builds with the
same seed hold the same rows. Not a Django app: plain builder code used by ``caucus demo``.
"""
