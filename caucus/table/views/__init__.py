"""The staff pages of the bargaining table, one module per kind of page."""
