# Django's Arabic dates ("3 ديسمبر، 2026"), plus the date-and-time format it lacks. Numbers follow CLDR's
# Arabic (Latin digits, "1,234.5") rather than Django's Maghreb separators ("1.234,5").
DATETIME_FORMAT = "j F، Y، H:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
TIME_FORMAT = "H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
