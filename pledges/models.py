"""Pledges of the pledging campaign: the pledge, its partners, its progress updates and reminders."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import ContentLanguage
from core.uploads import DOCUMENTS, UploadValidator, stored_upload_name

from .enums import PartnerStatus, PledgeScope, PledgeStatus, ProgressStatus, UpdateStatus


def _pledge_upload_to(instance, filename):
    return stored_upload_name(f"pledges/{instance.cycle_id}", filename)


def _evidence_upload_to(instance, filename):
    return stored_upload_name(f"pledges/evidence/{instance.pledge_id}", filename)


class PledgeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PledgeStatus.PUBLISHED)


class Pledge(models.Model):
    """One pledge: a tangible commitment by a Member State (through its focal point) or an organization
    (through its members), alone or jointly with partners."""

    cycle = models.ForeignKey("gcm.Cycle", verbose_name=_("IMRF cycle"), on_delete=models.PROTECT,
                              related_name="pledges")
    status = models.CharField(_("status"), max_length=12, choices=PledgeStatus.choices,
                              default=PledgeStatus.DRAFT, db_index=True)
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(_("title"), max_length=200)
    narrative = models.TextField(_("narrative"), blank=True)
    language = models.CharField(_("language of the pledge"), max_length=5, choices=ContentLanguage.choices,
                                default=ContentLanguage.EN,
                                help_text=_("The language the title and narrative are written in."))
    member_state = models.ForeignKey("gcm.MemberState", verbose_name=_("pledging Member State"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="pledges")
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("pledging organization"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="pledges")
    types = models.JSONField(_("types of pledge"), default=list, blank=True)
    scope = models.CharField(_("scope"), max_length=15, choices=PledgeScope.choices, blank=True)
    objectives = models.ManyToManyField("gcm.Objective", verbose_name=_("GCM objectives"), blank=True,
                                        related_name="pledges")
    principles = models.ManyToManyField("gcm.Principle", verbose_name=_("guiding principles"), blank=True,
                                        related_name="pledges")
    countries = models.ManyToManyField("gcm.MemberState", verbose_name=_("countries concerned"), blank=True,
                                       related_name="pledges_concerning")
    start_date = models.DateField(_("start date"), null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    to_mptf = models.BooleanField(_("goes to the Migration Multi-Partner Trust Fund"), default=False)
    matches = models.ForeignKey("self", verbose_name=_("matches pledge"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="matched_by")
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    supporting_file = models.FileField(_("supporting file"), upload_to=_pledge_upload_to, blank=True,
                                       validators=[UploadValidator(DOCUMENTS)])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="pledges_created")
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    reference = models.CharField(_("public reference"), max_length=30, unique=True, null=True, blank=True)
    moderation_comment = models.TextField(_("comment from the secretariat"), blank=True)
    # Kept by the services so public lists and the dashboard filter and count without joins.
    is_joint = models.BooleanField(_("joint pledge"), default=False, db_index=True)
    progress_status = models.CharField(_("progress"), max_length=12, choices=ProgressStatus.choices,
                                       default=ProgressStatus.PLANNED)
    last_progress_at = models.DateTimeField(null=True, blank=True)
    is_inactive = models.BooleanField(_("inactive"), default=False)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        # The public lists read published pledges newest first, page by page.
        indexes = [models.Index(fields=["status", "-published_at", "-created_at", "-id"],
                                name="pledge_public_order")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(member_state__isnull=False, organization__isnull=True)
                           | Q(member_state__isnull=True, organization__isnull=False)),
                name="pledge_one_pledger",
            ),
            models.UniqueConstraint(fields=["cycle", "sequence"], name="unique_pledge_sequence_per_cycle"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}" if self.reference else self.title

    def get_absolute_url(self):
        return reverse("pledges:detail", args=[self.pk])

    @property
    def pledger(self):
        return self.member_state or self.organization

    @property
    def pledger_name(self):
        return self.member_state.name if self.member_state_id else self.organization.name

    @property
    def type_labels(self):
        from .enums import PledgeType

        return [PledgeType(t).label for t in self.types if t in PledgeType.values]

    @property
    def is_financial(self):
        return "financial" in self.types

    @property
    def region(self):
        state = self.member_state or (self.organization.country if self.organization_id else None)
        return state.region if state else ""


class PledgeCounter(models.Model):
    """The last public sequence number given in a cycle: numbers only go up, so a reference is never reused."""

    cycle = models.OneToOneField("gcm.Cycle", on_delete=models.CASCADE, related_name="pledge_counter")
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.cycle_id}: {self.last_number}"


class PledgePartner(models.Model):
    """A partner State or organization named by the lead pledger of a joint pledge."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="partners")
    member_state = models.ForeignKey("gcm.MemberState", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="pledge_partnerships")
    organization = models.ForeignKey("accounts.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="pledge_partnerships")
    status = models.CharField(_("status"), max_length=10, choices=PartnerStatus.choices,
                              default=PartnerStatus.INVITED)
    invited_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pledge partner")
        constraints = [
            models.CheckConstraint(
                condition=(Q(member_state__isnull=False, organization__isnull=True)
                           | Q(member_state__isnull=True, organization__isnull=False)),
                name="pledge_partner_one_entity",
            ),
            models.UniqueConstraint(fields=["pledge", "member_state"], name="unique_pledge_partner_state"),
            models.UniqueConstraint(fields=["pledge", "organization"], name="unique_pledge_partner_org"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.member_state.name if self.member_state_id else self.organization.name


class ProgressUpdate(models.Model):
    """A progress report by the pledger; public once the secretariat has published it."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="updates")
    progress = models.CharField(_("progress"), max_length=12, choices=ProgressStatus.choices)
    narrative = models.TextField(_("what happened"))
    language = models.CharField(_("language of the update"), max_length=5, choices=ContentLanguage.choices,
                                default=ContentLanguage.EN)
    date = models.DateField(_("date"))
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to=_evidence_upload_to, blank=True,
                                     validators=[UploadValidator(DOCUMENTS)])
    status = models.CharField(_("status"), max_length=10, choices=UpdateStatus.choices,
                              default=UpdateStatus.SUBMITTED, db_index=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return f"{self.pledge} — {self.get_progress_display()} ({self.date})"


class ProgressRequest(models.Model):
    """One request to the pledger for a progress update, per six-month period after publication: the unique
    constraint makes sure a request is never sent twice."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="progress_requests")
    period = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pledge", "period"], name="unique_progress_request")]

    def __str__(self):
        return f"{self.pledge_id}: {self.period}"
