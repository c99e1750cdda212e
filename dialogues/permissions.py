"""Who may do what with dialogues. Predicates return booleans; access_* fetchers raise 404 for missing and
forbidden alike."""

from django.http import Http404

from accounts.roles import is_secretariat

from .enums import ContributionStatus
from .models import Contribution, Dialogue


def _signed_in(user):
    return getattr(user, "is_authenticated", False) and user.is_active


def can_manage_dialogues(user):
    return is_secretariat(user)


def can_register(user, dialogue, *, registered=False, registered_count=None):
    """Open registration, not yet held nor cancelled, not already registered (a full session takes the user onto its
    waiting list)."""
    return (_signed_in(user) and not registered and dialogue.registration_open and dialogue.is_upcoming
            and not dialogue.is_cancelled)


def can_unregister(user, dialogue, *, registered):
    return _signed_in(user) and registered and dialogue.is_upcoming


def can_see_join_link(user, registration):
    """Only a participant holding a seat (not the waiting list, never an anonymous visitor)."""
    from .enums import RegistrationStatus

    return _signed_in(user) and registration is not None and registration.status == RegistrationStatus.REGISTERED


def can_contribute(user, dialogue):
    return _signed_in(user)


def can_post_input(user, consultation):
    return _signed_in(user) and consultation.is_open


def can_view_contribution(user, contribution):
    if contribution.status == ContributionStatus.PUBLISHED:
        return True
    return _signed_in(user) and (contribution.author_id == user.pk or is_secretariat(user))


def can_moderate_contribution(user, contribution):
    return is_secretariat(user) and contribution.status in (ContributionStatus.SUBMITTED,
                                                            ContributionStatus.PUBLISHED)


def can_report_contribution(user, contribution):
    return (_signed_in(user) and contribution.status == ContributionStatus.PUBLISHED
            and contribution.author_id != user.pk)


def access_dialogue(pk):
    """Every dialogue is public."""
    dialogue = Dialogue.objects.select_related("cycle").filter(pk=pk).first()
    if dialogue is None:
        raise Http404
    return dialogue


def access_contribution(user, pk):
    contribution = (Contribution.objects.select_related("dialogue", "author", "round_table")
                    .filter(pk=pk).first())
    if contribution is None or not can_view_contribution(user, contribution):
        raise Http404
    return contribution
