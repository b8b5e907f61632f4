"""English (the staff pages' language and the members' default).

Every page, staff or member, writes a moment by one of these names, never by a spelled-out
format: a day in a sentence, a heading or a definition list by DATE_FORMAT, with its time by
DATETIME_FORMAT; a day in a table cell or a choice's label by SHORT_DATE_FORMAT, with its time
by SHORT_DATETIME_FORMAT. ISO 8601 is for machines only (``<time datetime>``, inputs, exports,
feeds, the API, the audit log)."""

DATE_FORMAT = "F j, Y"  # March 3, 2026
SHORT_DATE_FORMAT = "M j, Y"  # Mar 3, 2026
TIME_FORMAT = "g:i A"  # 2:30 PM
DATETIME_FORMAT = "F j, Y, g:i A"  # March 3, 2026, 2:30 PM
SHORT_DATETIME_FORMAT = "M j, Y, g:i A"  # Mar 3, 2026, 2:30 PM
MONTH_DAY_FORMAT = "F j"  # March 3
YEAR_MONTH_FORMAT = "F Y"  # March 2026
