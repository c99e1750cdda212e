from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .enums import DocumentKind, Region, RegionalCommission, StateStatus
from .reference import SUBREGIONS


def translated(values, language=None):
    """Pick the active language's text from a {language: text} dict, falling back to English."""
    lang = (language or get_language() or "en").split("-")[0]
    return values.get(lang) or values.get("en") or ""


class CycleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True).order_by("-year").first() or self.order_by("-year").first()


class Cycle(models.Model):
    """One IMRF cycle (2022, 2026, 2030 …) with its dates and deadlines."""

    year = models.PositiveSmallIntegerField(_("forum year"), unique=True)
    forum_start = models.DateField(_("forum opens"), null=True, blank=True)
    forum_end = models.DateField(_("forum closes"), null=True, blank=True)
    hearing_date = models.DateField(_("multi-stakeholder hearing"), null=True, blank=True)
    review_deadline = models.DateField(_("voluntary review deadline"))
    pledge_deadline = models.DateField(_("pledge deadline"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    convened_by = models.CharField(_("convened by"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active cycle"), default=False)

    objects = CycleQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("IMRF cycle")
        verbose_name_plural = _("IMRF cycles")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return _("IMRF %(year)s") % {"year": self.year}

    @property
    def code(self):
        """Short code used in public references, e.g. IMRF2022."""
        return f"IMRF{self.year}"

    @property
    def is_past(self):
        end = self.forum_end or self.review_deadline
        return end < timezone.localdate()


class KeyDocument(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    titles = models.JSONField(_("titles by language"), default=dict)
    symbol = models.CharField(_("UN document symbol"), max_length=60, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["published_on", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return translated(self.titles)


class RoundTable(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    titles = models.JSONField(default=dict)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return _("Round table %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    @property
    def title(self):
        return translated(self.titles)

    def get_absolute_url(self):
        return reverse("gcm:round_table", args=[self.number])


class Objective(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    short_titles = models.JSONField(default=dict)
    titles = models.JSONField(default=dict)
    round_table = models.ForeignKey(RoundTable, on_delete=models.PROTECT, related_name="objectives")

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.short_title}"

    @property
    def short_title(self):
        return translated(self.short_titles)

    @property
    def title(self):
        return translated(self.titles)

    def get_absolute_url(self):
        return reverse("gcm:objective", args=[self.number])


class Principle(models.Model):
    slug = models.SlugField(unique=True)
    position = models.PositiveSmallIntegerField()
    titles = models.JSONField(default=dict)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return translated(self.titles)


class MemberStateQuerySet(models.QuerySet):
    def members(self):
        return self.filter(status=StateStatus.MEMBER)

    def sorted_by_name(self):
        """All rows sorted by their name in the active language (done in Python: names are translated)."""
        return sorted(self, key=lambda s: s.name.casefold())


class MemberState(models.Model):
    """A UN Member State or observer State. Names are translated by django-countries."""

    iso3 = models.CharField(max_length=3, unique=True)
    iso2 = models.CharField(max_length=2, unique=True)
    m49 = models.PositiveSmallIntegerField(unique=True)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, db_index=True)
    subregion = models.CharField(_("sub-region"), max_length=40)
    regional_commission = models.CharField(
        _("regional commission"), max_length=6, choices=RegionalCommission.choices, db_index=True
    )
    status = models.CharField(_("status"), max_length=10, choices=StateStatus.choices, default=StateStatus.MEMBER)
    is_champion = models.BooleanField(_("champion country"), default=False)

    objects = MemberStateQuerySet.as_manager()

    class Meta:
        ordering = ["iso3"]
        verbose_name = _("Member State")
        verbose_name_plural = _("Member States")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return str(countries.name(self.iso2)) or self.iso3

    @property
    def subregion_name(self):
        return translated({"en": self.subregion, **SUBREGIONS.get(self.subregion, {})})
