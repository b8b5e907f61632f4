"""Small helpers shared by several apps, each module holding one idea (``spreadsheet``)."""
