# Django's Chinese dates ("2026年12月3日"); numbers grouped by thousands with commas, as CLDR has them.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
