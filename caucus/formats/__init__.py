"""The project's date and time formats, by name, one module per language (FORMAT_MODULE_PATH).

Templates never spell a format out: they ask for it by name (``|date:"DATE_FORMAT"``,
``|date:"SHORT_DATE_FORMAT"``, ``|time:"TIME_FORMAT"``), so a date reads the same on every
page and follows the reader's language. Machine-readable dates (``datetime`` attributes, feeds,
file names) keep ISO 8601 (``|date:"Y-m-d"``, ``|date:"c"``).

- ``DATE_FORMAT``: a date in words, for members and in prose ("March 3, 2026").
- ``SHORT_DATE_FORMAT``: the same date where a table is tight ("Mar 3, 2026").
- ``DATETIME_FORMAT`` / ``SHORT_DATETIME_FORMAT``: with the time of day.
- ``TIME_FORMAT``, ``MONTH_DAY_FORMAT``, ``YEAR_MONTH_FORMAT``.
Anything a language leaves out falls back to Django's own format for that language.
"""
