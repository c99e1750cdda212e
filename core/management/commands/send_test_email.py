from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from core.notifications import notify


class Command(BaseCommand):
    help = "Queue a test e-mail to a user through the notification outbox (checks mail settings end to end)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with e-mail {email}.")
        with transaction.atomic():
            notification = notify(user, "core_test", context={"note": "send_test_email"})
        self.stdout.write(f"Queued notification {notification.pk} for {email}.")
