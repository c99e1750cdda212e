"""PostgreSQL text-search configurations for the languages practices are written in."""

SEARCH_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "ru": "russian", "ar": "arabic"}


def search_config(language):
    """The stemming configuration for `language` (a code such as "es" or "es-419"), or "simple"."""
    return SEARCH_CONFIGS.get((language or "").split("-")[0], "simple")
