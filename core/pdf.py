"""PDF rendering with WeasyPrint from Django templates. Only local static and media files may be fetched."""

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

PDF_BASE_URL = "file:///femi/"


class ForbiddenResource(ValueError):
    pass


def local_url_fetcher(url, *args, **kwargs):
    """Resolve /static/ and /media/ URLs to local files; refuse everything else (no network)."""
    from weasyprint.urls import default_url_fetcher

    path = _local_path(url)
    if path is None:
        raise ForbiddenResource(f"PDF resources must be local static or media files, not {url!r}")
    return default_url_fetcher(path.as_uri(), *args, **kwargs)


def _local_path(url):
    parsed = urlparse(url)
    if parsed.scheme not in ("file", "") or parsed.netloc:
        return None
    raw = unquote(parsed.path)
    for prefix in ("/femi/", "/"):
        if raw.startswith(prefix):
            raw = "/" + raw[len(prefix):]
            break
    if raw.startswith(settings.STATIC_URL):
        found = finders.find(raw[len(settings.STATIC_URL):])
        return Path(found) if found else None
    if raw.startswith(settings.MEDIA_URL):
        root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (root / raw[len(settings.MEDIA_URL):]).resolve()
        return candidate if candidate.is_file() and root in candidate.parents else None
    return None


def render_pdf(template_name, context, *, language=None):
    """Render `template_name` with `context` to PDF bytes, in `language` (default: the active one)."""
    from weasyprint import HTML

    with translation.override(language or translation.get_language()):
        html = render_to_string(template_name, context)
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=local_url_fetcher).write_pdf()
