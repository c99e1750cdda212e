"""Demo pledges: every type and scope, States and organizations, joint pledges (one partner declined), progress
updates, and pledges waiting at each step of moderation. Idempotent: pledges are found again by title."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Organization, User
from core.audit import record_event
from gcm.models import Cycle, MemberState, Objective, Principle

from .enums import PartnerStatus, PledgeStatus, UpdateStatus
from .models import Pledge, PledgePartner, ProgressUpdate
from .services import _next_reference

PARAGRAPH = (
    "This pledge builds on the commitments made at the previous International Migration Review Forum and on "
    "consultations with migrants, local authorities, employers, trade unions and civil society. It sets out what "
    "will be done, by whom and by when, how progress will be measured, and how results will be shared publicly "
    "so that partners can join, replicate or scale up what works. "
)

ORGS = {"iom": "IOM", "mrn": "MRN", "andes": "AUML", "remit": "GRB", "diaspora": "ADA", "workers": "ICMW"}

# title, pledger ("state:ISO3" | "org:key"), status, types, scope, objectives, principles, extra
PLEDGES = [
    ("Regular pathways and documentation for Venezuelan migrants", "state:COL", "published",
     ["technical", "political_legal"], "national", [4, 5, 16], ["human-rights"],
     {"partners": [("state:ECU", "confirmed"), ("org:iom", "declined")], "countries": ["COL", "VEN"],
      "update": ("in_progress", "Over 1.5 million temporary protection permits have been issued.", "published")}),
    ("Contribution to the Migration Multi-Partner Trust Fund", "state:MEX", "published", ["financial"],
     "international", [23], [], {"amount": ("2000000", "USD", True)}),
    ("Data partnership and MPTF contribution for evidence-based policy", "state:FRA", "published",
     ["financial", "technical"], "international", [1, 23], ["international-cooperation"],
     {"amount": ("5000000", "EUR", True), "partners": [("state:SEN", "confirmed")], "countries": ["SEN", "MLI"]}),
    ("Emergency shelters and supplies along the northern corridor", "state:KEN", "published", ["material"],
     "regional", [8, 15], [], {"inactive": True, "countries": ["KEN", "ETH", "SOM"]}),
    ("Legal clinics against discrimination in host cities", "org:mrn", "published", ["technical"], "local",
     [7, 17], ["people-centred"],
     {"partners": [("org:andes", "confirmed"), ("org:diaspora", "declined")],
      "update": ("planned", "Clinics will open in Monterrey and Tijuana in the first quarter.", "published")}),
    ("Lower remittance fees for diaspora families", "org:remit", "published", ["financial"], "international",
     [20], [], {"amount": ("250000", "USD", False),
                "update": ("fulfilled", "Fees on the Kenya–UAE corridor are now below 3%.", "published")}),
    ("Diaspora mentoring for young entrepreneurs", "org:diaspora", "submitted", ["technical"], "regional", [19],
     ["whole-of-society"], {"partners": [("org:workers", "invited")]}),
    ("Model law on fair recruitment", "org:workers", "draft", ["political_legal"], "international", [6], [], {}),
    ("Migration data training for national statistics offices", "org:iom", "published", ["technical"],
     "international", [1, 3], [],
     {"update": ("in_progress", "Twelve national offices trained so far.", "submitted")}),
    ("University network on skills recognition", "org:andes", "returned", ["technical"], "regional", [18], [],
     {"comment": "Please say which universities take part and by when."}),
]


def seed(stdout):
    cycle = Cycle.objects.active()
    secretariat = User.objects.filter(email="secretariat@demo.femi.example").first()
    created = 0
    for row in PLEDGES:
        if not Pledge.objects.filter(title=row[0]).exists():
            _create(cycle, secretariat, *row)
            created += 1
    stdout.write(f"Pledges: {created} demo pledges created ({Pledge.objects.count()} in all).")


def _entity(spec):
    kind, key = spec.split(":")
    if kind == "state":
        return {"member_state": MemberState.objects.get(iso3=key), "organization": None}
    return {"member_state": None, "organization": Organization.objects.get(acronym=ORGS[key])}


def _create(cycle, secretariat, title, pledger, status, types, scope, objectives, principles, extra):
    now = timezone.now()
    amount, currency, to_mptf = extra.get("amount", (None, "", False))
    pledge = Pledge.objects.create(
        cycle=cycle, title=title, narrative=(PARAGRAPH * 3).strip(), status=status, types=types, scope=scope,
        start_date=date(2026, 1, 1), target_date=date(2029, 12, 31), amount=Decimal(amount) if amount else None,
        currency=currency, to_mptf=to_mptf, contact_name="Demo contact", contact_email="pledges@demo.femi.example",
        submitted_at=None if status == "draft" else now - timedelta(days=60),
        moderation_comment=extra.get("comment", ""), **_entity(pledger),
    )
    pledge.objectives.set(Objective.objects.filter(number__in=objectives))
    pledge.principles.set(Principle.objects.filter(slug__in=principles))
    pledge.countries.set(MemberState.objects.filter(iso3__in=extra.get("countries", [])))
    for spec, answer in extra.get("partners", []):
        PledgePartner.objects.create(pledge=pledge, status=answer, invited_at=now, **_entity(spec),
                                     responded_at=None if answer == "invited" else now)
    if status == PledgeStatus.PUBLISHED:
        _publish(pledge, extra, now)
    record_event(pledge, "created (demo)", actor=secretariat, to_status=status)


def _publish(pledge, extra, now):
    pledge.sequence, pledge.reference = _next_reference(pledge)
    pledge.published_at = now - timedelta(days=400 if extra.get("inactive") else 45)
    pledge.last_progress_at = pledge.published_at
    pledge.is_inactive = bool(extra.get("inactive"))
    pledge.is_joint = pledge.partners.filter(status=PartnerStatus.CONFIRMED).exists()
    if "update" in extra:
        progress, text, state = extra["update"]
        ProgressUpdate.objects.create(pledge=pledge, progress=progress, narrative=text, date=now.date(),
                                      status=state, created_at=now - timedelta(days=10))
        if state == UpdateStatus.PUBLISHED:
            pledge.progress_status, pledge.last_progress_at = progress, now - timedelta(days=10)
    pledge.save()
