"""Logging filters."""

import logging


class DropHarfBuzzFallback(logging.Filter):
    """WeasyPrint logs a warning for every font it subsets with fontTools when the system lacks the HarfBuzz-Subset
    library (Debian: libharfbuzz-subset0). The PDF is the same either way, so the line is noise: drop it."""

    def filter(self, record):
        return not (record.name.startswith("weasyprint") and "HarfBuzz-Subset" in record.getMessage())
