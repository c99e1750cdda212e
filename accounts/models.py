from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.timezones import validate_time_zone
from gcm.enums import Region, StakeholderCategory

from .enums import FocalPointKind, Gender, MembershipRole, MembershipStatus, ReviewerKind, WorkingLanguage

__all__ = [
    "SECRETARIAT_GROUP", "FocalPoint", "FocalPointKind", "Gender", "Membership", "MembershipRole",
    "MembershipStatus", "Organization", "ReviewerKind", "ReviewerProfile", "User",
]

SECRETARIAT_GROUP = "secretariat"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with e-mail; roles come from memberships, focal-point designations, the reviewer
    roster and the secretariat group."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, validators=[validate_time_zone],
        help_text=_("Session times are shown in this zone. Leave empty to use the zone of your browser."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    category = models.CharField(_("stakeholder category"), max_length=20, choices=StakeholderCategory.choices)
    country = models.ForeignKey(
        "gcm.MemberState", verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="organizations",
    )
    website = models.URLField(_("website"), blank=True)
    verified = models.BooleanField(_("verified by the secretariat"), default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def is_un_system(self):
        return self.category == StakeholderCategory.UN_SYSTEM


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=MembershipStatus.APPROVED)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.PENDING
    )
    message = models.TextField(_("message to the organization"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="unique_membership")]
        verbose_name = _("membership")

    def __str__(self):
        return f"{self.user} @ {self.organization}"


class FocalPoint(models.Model):
    """A user who acts for a Member State: a focal point designated by the secretariat, or a colleague of the
    same government invited by a focal point as co-editor."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="focal_points")
    member_state = models.ForeignKey("gcm.MemberState", on_delete=models.CASCADE, related_name="focal_points")
    kind = models.CharField(max_length=12, choices=FocalPointKind.choices, default=FocalPointKind.FOCAL_POINT)
    designated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.CharField(_("position / ministry"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "member_state"], name="unique_focal_point")]
        verbose_name = _("State focal point")
        verbose_name_plural = _("State focal points")

    def __str__(self):
        return f"{self.user} — {self.member_state} ({self.get_kind_display()})"


class ReviewerProfile(models.Model):
    """A member of the peer-reviewer roster for the repository of practices."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile")
    kind = models.CharField(_("reviewer type"), max_length=10, choices=ReviewerKind.choices)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewers"
    )
    country = models.ForeignKey(
        "gcm.MemberState", null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewers"
    )
    objectives = models.ManyToManyField("gcm.Objective", blank=True, related_name="reviewers")
    regions = models.JSONField(_("regions of expertise"), default=list, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    max_active_reviews = models.PositiveSmallIntegerField(_("maximum active reviews"), default=5)
    is_active = models.BooleanField(_("in the roster"), default=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("peer reviewer")
        verbose_name_plural = _("peer reviewers")

    def __str__(self):
        return f"{self.user} ({self.get_kind_display()})"

    def region_labels(self):
        return [Region(r).label for r in self.regions if r in Region.values]

    def language_labels(self):
        return [WorkingLanguage(code).label for code in self.languages if code in WorkingLanguage.values]
