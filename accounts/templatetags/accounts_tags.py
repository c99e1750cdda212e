"""Filters for e-mails, whose context holds codes: they show labels in the recipient's language."""

from django import template

from gcm.models import MemberState

from ..enums import FocalPointKind, MembershipRole, ReviewerKind

register = template.Library()


@register.filter
def state_name(iso3):
    state = MemberState.objects.filter(iso3=iso3).first()
    return state.name if state else iso3


def _label(choices, value):
    return choices(value).label if value in choices.values else value


@register.filter
def role_label(value):
    return _label(MembershipRole, value)


@register.filter
def focal_kind_label(value):
    return _label(FocalPointKind, value)


@register.filter
def reviewer_kind_label(value):
    return _label(ReviewerKind, value)
