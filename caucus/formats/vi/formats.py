"""Vietnamese: "3 tháng 3 năm 2026", 24-hour clock."""

DATE_FORMAT = r"j \t\h\á\n\g n \n\ă\m Y"
SHORT_DATE_FORMAT = "j/n/Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"H:i, j \t\h\á\n\g n \n\ă\m Y"
SHORT_DATETIME_FORMAT = "H:i, j/n/Y"
MONTH_DAY_FORMAT = r"j \t\h\á\n\g n"
YEAR_MONTH_FORMAT = r"\t\h\á\n\g n \n\ă\m Y"
