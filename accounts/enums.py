"""Role and status vocabularies of the accounts app, with the allowed status moves."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("administrator")
    MEMBER = "member", _("member")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("pending approval")
    APPROVED = "approved", _("approved")
    REFUSED = "refused", _("refused")


# A refused request may be made again; an approved membership ends by removal (the row is deleted).
MEMBERSHIP_TRANSITIONS = {
    MembershipStatus.PENDING: {MembershipStatus.APPROVED, MembershipStatus.REFUSED},
    MembershipStatus.REFUSED: {MembershipStatus.PENDING},
    MembershipStatus.APPROVED: set(),
}


class FocalPointKind(models.TextChoices):
    FOCAL_POINT = "focal_point", _("focal point")
    CO_EDITOR = "co_editor", _("co-editor")


class ReviewerKind(models.TextChoices):
    INTERNAL = "internal", _("internal (UN system)")
    EXTERNAL = "external", _("external")


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    NON_BINARY = "non_binary", _("non-binary")
    UNDISCLOSED = "undisclosed", _("prefers not to say")


class WorkingLanguage(models.TextChoices):
    """The six official UN languages, in UN order, for reviewers' working languages."""

    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")
