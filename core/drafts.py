"""Keeping users' text safe while they edit drafts.

- Optimistic locking: forms carry the object's `version`; a save whose version is older than the stored one is
  refused with StaleEdit (the view shows the user's text back with the message, never overwriting).
- Session expiry: if a draft form is posted by a user whose session expired, `StashOnLogoutMixin` keeps the
  posted text server-side and sends them to sign in; back on the form, the text is restored.
"""

import secrets
from datetime import timedelta

from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.cache import cache
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext as _

from .workflow import DomainError

STASH_SECONDS = 60 * 60 * 24
STASH_PARAM = "restore"


class StaleEdit(DomainError):
    pass


def save_with_version(obj, *, version, fields):
    """Save `fields` of `obj` only if its stored version still equals `version`; bump the version.

    Raises StaleEdit when a colleague saved in between. `obj` must have an integer `version` field.
    """
    updated = type(obj).objects.filter(pk=obj.pk, version=version).update(
        version=F("version") + 1, **{name: getattr(obj, name) for name in fields}
    )
    if not updated:
        raise StaleEdit(
            _(
                "A colleague saved this part after you opened it. Your text is shown below and was not saved: "
                "copy what you need, reload the page to see their changes, then save again."
            )
        )
    obj.version = version + 1
    return obj


def stash_post(request):
    """Keep the POSTed fields (files excluded) for a day; return an opaque token."""
    token = secrets.token_urlsafe(24)
    cache.set(f"stash:{token}", request.POST.urlencode(), timeout=STASH_SECONDS)
    return signing.dumps(token, salt="draft-stash")


def pop_stash(token):
    """The stashed QueryDict for `token`, once; None if unknown, tampered with or expired."""
    try:
        key = signing.loads(token, salt="draft-stash", max_age=timedelta(seconds=STASH_SECONDS))
    except signing.BadSignature:
        return None
    data = cache.get(f"stash:{key}")
    if data is None:
        return None
    cache.delete(f"stash:{key}")
    data = QueryDict(data, mutable=True)
    data.pop("csrfmiddlewaretoken", None)
    return data


class StashOnLogoutMixin:
    """For draft edit views: an anonymous POST (expired session) is stashed, then the user signs in and comes
    back to the form with `?restore=<token>`; `restored_data()` gives the text back to bind the form with."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST":
                token = stash_post(request)
                return redirect_to_login(f"{request.path}?{STASH_PARAM}={token}")
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def restored_data(self):
        token = self.request.GET.get(STASH_PARAM)
        return pop_stash(token) if token else None
