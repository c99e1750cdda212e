"""Form helpers shared by the domain apps."""

from django.db import models


def https_url_formfield(field, **kwargs):
    """`formfield_callback` for model forms: URL fields assume https:// when the scheme is left out (the Django 6
    default, set explicitly so Django 5.2 does not warn)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


# `formfield_overrides` for ModelAdmin classes whose models have URL fields (same reason as above).
HTTPS_URL_ADMIN_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}
