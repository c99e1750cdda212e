"""E-mails in the recipient's preferred language (Arabic and Chinese recipients, also when a Celery task delivers
them), error pages and form errors in the language of the page."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext

from core import views as error_views
from core.tasks import deliver_pending_notifications
from gcm.models import Cycle
from reviews import services
from tests.factories import FocalPointFactory, UserFactory, member_state

pytestmark = pytest.mark.django_db

RECIPIENTS = [("ar", "EGY", "مصر", "فبراير"), ("zh-hans", "CHN", "中国", "2030年2月")]


@pytest.mark.parametrize("language,iso3,state,month", RECIPIENTS)
def test_deadline_reminder_goes_out_in_the_recipients_language_from_the_celery_task(language, iso3, state, month):
    focal_point = FocalPointFactory(member_state=member_state(iso3), user=UserFactory(preferred_language=language))
    deadline = Cycle.objects.active().review_deadline
    services.send_deadline_reminders(today=deadline - timedelta(days=7))  # queued in the outbox, not yet sent
    assert mail.outbox == []
    assert translation.get_language() == "en"  # the worker's own language is English
    assert deliver_pending_notifications.delay().get() == 1  # the periodic Celery task sends it
    message = mail.outbox[0]
    assert message.to == [focal_point.user.email]
    with translation.override(language):
        subject = ngettext("Voluntary review of %(state)s: %(days)s day left",
                           "Voluntary review of %(state)s: %(days)s days left", 7) % {"state": state, "days": 7}
        due = gettext("The voluntary review of %(state)s for IMRF %(year)s is due on %(date)s and has not been "
                      "submitted yet.") % {"state": state, "year": 2030,
                                           "date": formats.date_format(deadline, "DATE_FORMAT")}
        signature = gettext("FEMI Portal")
    assert message.subject == subject and state in message.subject
    assert due in message.body and month in message.body and signature in message.body
    assert "February" not in message.body and "Egypt" not in message.subject and "China" not in message.subject


@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru"])
def test_404_page_speaks_the_language_of_the_address(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    with translation.override(language):
        title = gettext("Page not found")
    assert title in html and f'<html lang="{language}"' in html


@pytest.mark.parametrize("handler,status,title", [
    (error_views.permission_denied, 403, "Access denied"),
    (error_views.server_error, 500, "Something went wrong"),
])
@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru"])
def test_403_and_500_pages_in_the_active_language(handler, status, title, language):
    request = RequestFactory().get(f"/{language}/somewhere/")
    with translation.override(language):
        response = handler(request) if status == 500 else handler(request, exception=None)
        expected = gettext(title)
    html = response.content.decode()
    assert response.status_code == status and expected in html and f'<html lang="{language}"' in html


@pytest.mark.parametrize("language,required", [
    ("ar", "هذا الحقل مطلوب."), ("zh-hans", "该字段是必填项。"), ("ru", "Обязательное поле."),
])
def test_form_errors_are_in_the_language_of_the_page(client, language, required):
    response = client.post(f"/{language}/accounts/signup/", {"email": "not-an-email", "password1": "",
                                                             "password2": ""})
    html = response.content.decode()
    assert response.status_code == 200
    email_error = re.search(r'id="error_1_id_email"><strong>([^<]+)<', html).group(1)
    assert html.count(required) >= 2  # both password fields (Django's and the libraries' own catalogues)
    assert "This field is required" not in html and not re.search(r"[A-Za-z]", email_error), email_error
