from django.conf import settings
from django.urls import translate_url

from accounts.roles import is_secretariat


def portal(request):
    """Language links that keep the current path, in UN order, for the language bar."""
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": translate_url(path, code)} for code, name in settings.LANGUAGES
        ],
        "user_is_secretariat": is_secretariat(getattr(request, "user", None)),
    }
