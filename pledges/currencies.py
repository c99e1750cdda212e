"""ISO 4217 currencies (codes from pycountry, names translated by Babel)."""

from functools import lru_cache

import pycountry
from babel.numbers import get_currency_name
from django.utils.translation import get_language

# Codes that are not money one pledges: precious metals, testing and fund codes.
_EXCLUDED = {"XAG", "XAU", "XPD", "XPT", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XDR"}


@lru_cache(maxsize=1)
def currency_codes():
    return sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _EXCLUDED)


def currency_name(code, language=None):
    locale = (language or get_language() or "en").split("-")[0]
    try:
        return get_currency_name(code, locale=locale)
    except (ValueError, LookupError):
        return code


def currency_choices():
    """(code, "USD — US Dollar") pairs in the active language; the most used currencies first."""
    common = ["USD", "EUR", "GBP", "CHF", "JPY"]
    rest = [c for c in currency_codes() if c not in common]
    return [(code, f"{code} — {currency_name(code)}") for code in common + rest]
