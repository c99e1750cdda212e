"""Who may do what with pledges; fetchers that answer 404 for missing and forbidden alike."""

from django.http import Http404

from accounts.roles import is_secretariat, organization_ids_of, state_ids_of

from .enums import EDITABLE_STATUSES, PartnerStatus, PledgeStatus, UpdateStatus
from .models import Pledge, PledgePartner, ProgressUpdate


def can_pledge(user):
    """Focal points pledge for their State; approved members pledge for their organization."""
    return bool(state_ids_of(user) or organization_ids_of(user))


def acts_for_pledger(user, pledge):
    """`user` speaks for the pledging State or organization of `pledge`."""
    if pledge.member_state_id:
        return pledge.member_state_id in state_ids_of(user)
    return pledge.organization_id in organization_ids_of(user)


def acts_for_partner(user, partner):
    if partner.member_state_id:
        return partner.member_state_id in state_ids_of(user)
    return partner.organization_id in organization_ids_of(user)


def can_view_pledge(user, pledge):
    """Published pledges are public; the pledger, invited partners and the secretariat see the others."""
    if pledge.status == PledgeStatus.PUBLISHED or is_secretariat(user) or acts_for_pledger(user, pledge):
        return True
    if pledge.status == PledgeStatus.SUBMITTED:
        return any(acts_for_partner(user, p) for p in pledge.partners.all())
    return False


def can_edit_pledge(user, pledge):
    return pledge.status in EDITABLE_STATUSES and acts_for_pledger(user, pledge)


def can_submit_pledge(user, pledge):
    return can_edit_pledge(user, pledge)


def can_withdraw_pledge(user, pledge):
    return acts_for_pledger(user, pledge) and pledge.status not in (PledgeStatus.REJECTED, PledgeStatus.WITHDRAWN)


def can_moderate_pledge(user, pledge=None):
    return is_secretariat(user)


def can_respond_as_partner(user, partner):
    return (
        partner.status == PartnerStatus.INVITED
        and partner.pledge.status in (PledgeStatus.SUBMITTED, PledgeStatus.PUBLISHED)
        and acts_for_partner(user, partner)
    )


def can_report_progress(user, pledge):
    return pledge.status == PledgeStatus.PUBLISHED and acts_for_pledger(user, pledge)


def can_moderate_update(user, update=None):
    return is_secretariat(user)


def can_view_update_file(user, update):
    if update.status == UpdateStatus.PUBLISHED and update.pledge.status == PledgeStatus.PUBLISHED:
        return True
    return is_secretariat(user) or acts_for_pledger(user, update.pledge)


def _pledge(pk):
    return Pledge.objects.select_related("cycle", "member_state", "organization", "organization__country",
                                         "matches").filter(pk=pk).first()


def access_pledge(user, pk):
    """A pledge `user` may see; 404 otherwise."""
    pledge = _pledge(pk)
    if pledge is None or not can_view_pledge(user, pledge):
        raise Http404
    return pledge


def access_editable_pledge(user, pk):
    """A draft or returned pledge `user` may edit; 404 otherwise."""
    pledge = _pledge(pk)
    if pledge is None or not can_edit_pledge(user, pledge):
        raise Http404
    return pledge


def access_own_pledge(user, pk):
    """A pledge of a State or organization `user` acts for; 404 otherwise."""
    pledge = _pledge(pk)
    if pledge is None or not acts_for_pledger(user, pledge):
        raise Http404
    return pledge


def access_moderated_pledge(user, pk):
    pledge = _pledge(pk)
    if pledge is None or not can_moderate_pledge(user, pledge):
        raise Http404
    return pledge


def access_partner_invitation(user, pk):
    """A partnership `user` may confirm or decline; 404 otherwise."""
    partner = PledgePartner.objects.select_related("pledge", "member_state", "organization").filter(pk=pk).first()
    if partner is None or not acts_for_partner(user, partner):
        raise Http404
    return partner


def access_update_file(user, pk):
    update = ProgressUpdate.objects.select_related("pledge").filter(pk=pk).first()
    if update is None or not update.evidence_file or not can_view_update_file(user, update):
        raise Http404
    return update
