"""Error pages, rendered in the active language inside the portal's layout."""

from django.shortcuts import render


def _error(request, status, title, message):
    return render(request, "errors/error.html", {"status": status, "title": title, "message": message},
                  status=status)


def bad_request(request, exception=None):
    from django.utils.translation import gettext as _

    return _error(request, 400, _("Bad request"), _("The request could not be understood."))


def permission_denied(request, exception=None):
    from django.utils.translation import gettext as _

    return _error(request, 403, _("Access denied"), _("You do not have access to this page."))


def page_not_found(request, exception=None):
    from django.utils.translation import gettext as _

    return _error(
        request, 404, _("Page not found"),
        _("The page you asked for does not exist, or you do not have access to it."),
    )


def server_error(request):
    from django.utils.translation import gettext as _

    return _error(
        request, 500, _("Something went wrong"),
        _("An unexpected error occurred. The team has been told; please try again later."),
    )
