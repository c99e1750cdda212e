"""The languages user content is written in: codes, PostgreSQL text-search configurations, HTML attributes.

Content carries one of the six UN language codes (`ar`, `zh`, `en`, `fr`, `ru`, `es`). PostgreSQL stems five
of them with its built-in configurations; Chinese has no word boundaries PostgreSQL knows, so it is indexed with
the `simple` configuration and matched by substring (backed by `pg_trgm` indexes, see core.search)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class ContentLanguage(models.TextChoices):
    """The six official UN languages, in UN order: the language a piece of user content is written in."""

    AR = "ar", _("Arabic")
    ZH = "zh", _("Chinese")
    EN = "en", _("English")
    FR = "fr", _("French")
    RU = "ru", _("Russian")
    ES = "es", _("Spanish")


SEARCH_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "ru": "russian", "ar": "arabic"}
RTL = {"ar"}
HTML_LANG = {"zh": "zh-Hans"}


def content_language(code):
    """The content language of a UI or user language code ("zh-hans" → "zh", "es-419" → "es"), or ""."""
    base = (code or "").lower().split("-")[0].split("_")[0]
    return base if base in ContentLanguage.values else ""


def search_config(language):
    """The stemming configuration for `language` (a code such as "es" or "es-419"), or "simple"."""
    return SEARCH_CONFIGS.get(content_language(language), "simple")


def html_lang(code):
    """The BCP 47 tag for an HTML `lang` attribute ("zh" → "zh-Hans")."""
    return HTML_LANG.get(code, code)


def is_rtl(code):
    return content_language(code) in RTL


def format_list(items, language=None):
    """`items` as one phrase in `language` (default: the active one), by the CLDR's rules: "A, B, and C",
    "A, B et C", "A、B和C", "A وB وC"… An empty list gives ""."""
    from babel.lists import format_list as babel_format_list

    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    code = content_language(language or translation.get_language()) or "en"
    return babel_format_list(items, style="standard", locale="zh_Hans" if code == "zh" else code)


# The punctuation between the items of a plain enumeration (numbers, codes, labels listed without "and").
_SEPARATORS = {
    "comma": {"ar": "، ", "zh": "、"},
    "semicolon": {"ar": "؛ ", "zh": "；"},
}
_DEFAULT_SEPARATORS = {"comma": ", ", "semicolon": "; "}


def list_separator(kind="comma", language=None):
    """The separator of an enumeration in `language` (default: the active one): ", " in English, "، " in Arabic,
    "、" in Chinese; `kind="semicolon"` for items that hold commas themselves ("; ", "؛ ", "；")."""
    code = content_language(language or translation.get_language())
    return _SEPARATORS[kind].get(code, _DEFAULT_SEPARATORS[kind])
