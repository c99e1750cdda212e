from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


class RegionalCommission(models.TextChoices):
    ECA = "eca", _("Economic Commission for Africa (ECA)")
    ECE = "ece", _("Economic Commission for Europe (ECE)")
    ECLAC = "eclac", _("Economic Commission for Latin America and the Caribbean (ECLAC)")
    ESCAP = "escap", _("Economic and Social Commission for Asia and the Pacific (ESCAP)")
    ESCWA = "escwa", _("Economic and Social Commission for Western Asia (ESCWA)")


class StateStatus(models.TextChoices):
    MEMBER = "member", _("Member State")
    OBSERVER = "observer", _("Observer State")


class StakeholderCategory(models.TextChoices):
    MIGRANTS = "migrants", _("Migrants")
    DIASPORA = "diaspora", _("Diaspora organizations")
    LOCAL = "local", _("Local communities and authorities")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    PARLIAMENTARIANS = "parliamentarians", _("Parliamentarians")
    TRADE_UNIONS = "trade_unions", _("Trade unions")
    NHRI = "nhri", _("National human rights institutions")
    MEDIA = "media", _("Media")
    FINANCIAL = "financial", _("Financial institutions")
    UN_SYSTEM = "un_system", _("UN system entities")
    IGO = "igo", _("Other intergovernmental organizations")
    OTHER = "other", _("Other")


class DocumentKind(models.TextChoices):
    SG_REPORT = "sg_report", _("Report of the Secretary-General")
    RESOLUTION = "resolution", _("Resolution")
    DECLARATION = "declaration", _("Progress Declaration")
    BACKGROUND_NOTE = "background_note", _("Background note")
    OTHER = "other", _("Other document")
