"""The costing engine: a roster and economic terms in, costs per contract year and per worker out.

Pure Python and numpy; no Django. ``cost_proposals`` in ``model`` is the entry point; the method
and the formats are written down in ``docs/costing.md``.
"""
