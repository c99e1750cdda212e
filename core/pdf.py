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


def local_fetcher():
    """A WeasyPrint URL fetcher that resolves /static/ and /media/ URLs to local files and refuses everything
    else: a PDF never reaches the network."""
    from weasyprint.urls import URLFetcher

    class LocalURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = _local_path(url)
            if path is None:
                raise ForbiddenResource(f"PDF resources must be local static or media files, not {url!r}")
            return super().fetch(path.as_uri(), headers)

    return LocalURLFetcher(allowed_protocols={"file"})


def local_url_fetcher(url):
    return local_fetcher()(url)


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


def render_pdf(template, context, *, language=None):
    """Render `template` (a name or a Template) with `context` to PDF bytes, in `language` (default: active)."""
    from weasyprint import HTML

    with translation.override(language or translation.get_language()):
        html = render_to_string(template, context) if isinstance(template, str) else template.render(context)
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=local_fetcher()).write_pdf()
