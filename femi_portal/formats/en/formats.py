# The portal's UN style, shared by English, French and Spanish: day, month name, year ("3 December 2026");
# times on the 24-hour clock. Month and day names come from each language's catalogue.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
