"""Wording of django-allauth's pages that the portal's catalogue gives instead of allauth's own.

The project catalogue (`LOCALE_PATHS`) takes precedence over an app's, so a msgid listed here is translated by the
portal in every language. allauth's Arabic catalogue calls its sign-up page "الاشتراك" (a subscription) and its
Russian one "Зарегистрируйтесь" (an order); here they take the words of the portal's own menu, "إنشاء حساب" and
"Зарегистрироваться". allauth's Chinese sentence under that title ends with a Latin full stop.
Nothing imports this module: it exists for the catalogue extractor.
"""

from django.utils.translation import gettext_noop

ALLAUTH_MSGIDS = [
    gettext_noop("Sign Up"),  # the title and the button of allauth's account/signup.html
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),  # under that title
]
