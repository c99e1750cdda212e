"""Demo accounts for every role, organizations of several categories, and the peer-reviewer roster."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from gcm.enums import StakeholderCategory
from gcm.models import MemberState, Objective

from .models import (
    SECRETARIAT_GROUP,
    FocalPoint,
    FocalPointKind,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    ReviewerKind,
    ReviewerProfile,
    User,
)

DEMO_PASSWORD = "femi-demo-2030"
DOMAIN = "demo.femi.example"

ORGANIZATIONS = [
    # key, name, acronym, category, country iso3
    ("iom", "International Organization for Migration (demo)", "IOM", StakeholderCategory.UN_SYSTEM, None),
    ("ilo", "International Labour Organization (demo)", "ILO", StakeholderCategory.UN_SYSTEM, None),
    ("mrn", "Migrant Rights Network", "MRN", StakeholderCategory.CIVIL_SOCIETY, "MEX"),
    ("andes", "Andes University Migration Lab", "AUML", StakeholderCategory.ACADEMIA, "COL"),
    ("remit", "Global Remit Bank", "GRB", StakeholderCategory.FINANCIAL, "KEN"),
    ("diaspora", "African Diaspora Alliance", "ADA", StakeholderCategory.DIASPORA, "SEN"),
    ("workers", "International Confederation of Migrant Workers", "ICMW", StakeholderCategory.TRADE_UNIONS, "PHL"),
    ("city", "City of Montreal Newcomers Office", "", StakeholderCategory.LOCAL, "CAN"),
]

# email local part, full name, language, role spec
ACCOUNTS = [
    ("secretariat", "Sofia Secretariat", "en", {"secretariat": True}),
    ("focal.col", "Camila Rojas", "es", {"state": "COL"}),
    ("coeditor.col", "Andrés Gómez", "es", {"state": "COL", "co_editor": True}),
    ("focal.mex", "Lucía Hernández", "es", {"state": "MEX"}),
    ("focal.fra", "Julien Martin", "fr", {"state": "FRA"}),
    ("focal.ken", "Amina Otieno", "en", {"state": "KEN"}),
    ("focal.sen", "Mariama Diop", "fr", {"state": "SEN"}),
    ("iom.admin", "Ines Osman", "en", {"org": "iom", "admin": True}),
    ("mrn.admin", "Diego Flores", "es", {"org": "mrn", "admin": True}),
    ("mrn.member", "Rosa Paredes", "es", {"org": "mrn"}),
    ("andes.member", "Valentina Torres", "es", {"org": "andes", "admin": True}),
    ("remit.member", "Peter Kamau", "en", {"org": "remit", "admin": True}),
    ("diaspora.member", "Awa Ndiaye", "fr", {"org": "diaspora", "admin": True}),
    ("workers.member", "Jose Santos", "en", {"org": "workers", "admin": True}),
    ("applicant", "Pat Pending", "en", {"org": "mrn", "pending": True}),
    ("reviewer.un1", "Hannah Weber", "en", {"reviewer": ReviewerKind.INTERNAL, "org": "ilo",
                                             "objectives": [5, 6, 18, 22], "regions": ["europe", "africa"],
                                             "languages": ["en", "fr"], "gender": "female"}),
    ("reviewer.un2", "Kwame Mensah", "en", {"reviewer": ReviewerKind.INTERNAL, "org": "iom",
                                             "objectives": [1, 3, 7, 17, 23], "regions": ["africa"],
                                             "languages": ["en", "fr"], "gender": "male"}),
    ("reviewer.ext1", "María Fernández", "es", {"reviewer": ReviewerKind.EXTERNAL, "country": "ARG",
                                                 "objectives": [2, 5, 15, 16, 19], "regions": ["americas"],
                                                 "languages": ["es", "en"], "gender": "female"}),
    ("reviewer.ext2", "Li Wei", "en", {"reviewer": ReviewerKind.EXTERNAL, "country": "SGP",
                                        "objectives": [6, 10, 20, 21], "regions": ["asia", "oceania"],
                                        "languages": ["en"], "gender": "male"}),
    ("reviewer.ext3", "Claire Dubois", "fr", {"reviewer": ReviewerKind.EXTERNAL, "country": "BEL",
                                               "objectives": [4, 8, 11, 13, 14], "regions": ["europe", "africa"],
                                               "languages": ["fr", "en"], "gender": "female"}),
    ("reviewer.ext4", "Omar Haddad", "en", {"reviewer": ReviewerKind.EXTERNAL, "country": "JOR",
                                             "objectives": [7, 9, 12, 16, 23], "regions": ["asia", "africa"],
                                             "languages": ["en", "fr"], "gender": "male"}),
    ("reviewer.ext5", "Ana Souza", "es", {"reviewer": ReviewerKind.EXTERNAL, "org": "andes",
                                           "objectives": [1, 2, 3, 5, 19, 20], "regions": ["americas"],
                                           "languages": ["es", "en"], "gender": "female"}),
    ("user", "Robin Registered", "en", {}),
]


def email_for(local_part):
    return f"{local_part}@{DOMAIN}"


def seed(stdout):
    organizations = _seed_organizations()
    for local_part, name, language, spec in ACCOUNTS:
        user = _account(email_for(local_part), name, language)
        _apply_roles(user, spec, organizations)
    _seed_proposal()
    stdout.write(f"Accounts: {len(ACCOUNTS)} demo accounts, {len(organizations)} organizations.")


def _seed_proposal():
    """An organization proposed by the plain demo user, waiting for the secretariat (left alone once decided)."""
    proposer = User.objects.get(email=email_for("user"))
    organization, created = Organization.objects.get_or_create(
        name="Migrant Domestic Workers Coalition",
        defaults={"acronym": "MDWC", "category": StakeholderCategory.MIGRANTS, "verified": False,
                  "country": MemberState.objects.filter(iso3="PHL").first(), "proposed_by": proposer},
    )
    if created:
        Membership.objects.create(user=proposer, organization=organization, role=MembershipRole.ADMIN,
                                  message="I coordinate the coalition in Manila.")


def _seed_organizations():
    states = {s.iso3: s for s in MemberState.objects.all()}
    result = {}
    for key, name, acronym, category, iso3 in ORGANIZATIONS:
        result[key], _ = Organization.objects.update_or_create(
            name=name,
            defaults={"acronym": acronym, "category": category, "country": states.get(iso3), "verified": True,
                      "website": f"https://{key}.example.org"},
        )
    return result


def _account(email, name, language):
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name,
                                                                      "preferred_language": language})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _apply_roles(user, spec, organizations):
    if spec.get("secretariat"):
        user.groups.add(Group.objects.get(name=SECRETARIAT_GROUP))
        User.objects.filter(pk=user.pk).update(is_staff=True)
    if "state" in spec:
        kind = FocalPointKind.CO_EDITOR if spec.get("co_editor") else FocalPointKind.FOCAL_POINT
        FocalPoint.objects.get_or_create(
            user=user, member_state=MemberState.objects.get(iso3=spec["state"]), defaults={"kind": kind}
        )
    if "org" in spec and "reviewer" not in spec:
        Membership.objects.get_or_create(
            user=user, organization=organizations[spec["org"]],
            defaults={
                "role": MembershipRole.ADMIN if spec.get("admin") else MembershipRole.MEMBER,
                "status": MembershipStatus.PENDING if spec.get("pending") else MembershipStatus.APPROVED,
            },
        )
    if "reviewer" in spec:
        _reviewer(user, spec, organizations)


def _reviewer(user, spec, organizations):
    profile, _ = ReviewerProfile.objects.update_or_create(
        user=user,
        defaults={
            "kind": spec["reviewer"],
            "organization": organizations.get(spec.get("org")),
            "country": MemberState.objects.filter(iso3=spec.get("country")).first(),
            "regions": spec["regions"],
            "languages": spec["languages"],
            "gender": spec["gender"],
        },
    )
    profile.objectives.set(Objective.objects.filter(number__in=spec["objectives"]))
    if spec.get("org"):
        Membership.objects.get_or_create(
            user=user, organization=organizations[spec["org"]], defaults={"status": MembershipStatus.APPROVED}
        )


def print_accounts(stdout):
    stdout.write(f"\nDemo accounts (password for all: {DEMO_PASSWORD}):")
    for local_part, name, _language, spec in ACCOUNTS:
        role = ", ".join(f"{k}={v}" for k, v in spec.items() if k not in ("objectives", "regions", "languages"))
        stdout.write(f"  {email_for(local_part):<40} {name:<22} {role or 'registered user'}")
