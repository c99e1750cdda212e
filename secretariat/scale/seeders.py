"""The bulk writers behind `manage.py seed_scale`, one function per area, in dependency order."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import FocalPoint, Membership, MembershipStatus, Organization, ReviewerKind, ReviewerProfile, User
from dialogues import counters
from dialogues.enums import ContributionStatus, DialogueKind
from dialogues.models import Contribution, Dialogue
from gcm.enums import Region, StakeholderCategory
from gcm.models import Cycle, MemberState, Objective, Principle, RoundTable
from pledges.enums import PartnerStatus, PledgeScope, PledgeStatus, PledgeType, ProgressStatus, UpdateStatus
from pledges.models import Pledge, PledgeCounter, PledgePartner, ProgressUpdate
from pledges.services import pledge_reference
from practices.enums import AssignmentStatus, Criterion, ImplementationStatus, PracticeStatus, Theme
from practices.models import Assignment, Practice, PracticeTheme
from practices.services import practices_refresh_search
from reviews.enums import ReviewStatus
from reviews.models import ObjectiveEntry
from reviews.models import Review as VoluntaryReview

from .text import TextMaker

BATCH = 2000
DOMAIN = "scale.femi.example"


@transaction.atomic
def seed_all(*, sizes, rng, progress):
    """Everything in one transaction: a failed run leaves nothing behind."""
    ctx = _Context(rng, progress)
    users = seed_users(ctx, sizes.users)
    orgs = seed_organizations(ctx, max(sizes.users // 20, 10), users)
    reviewers = seed_reviewers(ctx, users, orgs)
    seed_practices(ctx, sizes.practices, users, orgs, reviewers)
    seed_pledges(ctx, sizes.pledges, users, orgs)
    seed_contributions(ctx, sizes.contributions, users)
    seed_reviews(ctx, users)
    return ctx.counts


class _Context:
    def __init__(self, rng, progress):
        self.rng, self.progress, self.text = rng, progress, TextMaker(rng)
        self.now = timezone.now()
        self.counts = {}
        self.cycle = Cycle.objects.active()
        self.states = list(MemberState.objects.members())
        self.objectives = list(Objective.objects.all())
        self.principles = list(Principle.objects.all())
        self.round_tables = list(RoundTable.objects.all())

    def ago(self, max_days, min_days=0):
        return self.now - timedelta(days=self.rng.randint(min_days, max_days), minutes=self.rng.randint(0, 1439))

    def sample(self, items, low, high):
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def weighted(self, choices):
        values, weights = zip(*choices, strict=True)
        return self.rng.choices(values, weights=weights)[0]


def _bulk(ctx, label, model, rows, *, total=None):
    """Insert `rows` (an iterable of unsaved instances) in batches, reporting progress; returns the saved rows."""
    saved, batch = [], []
    total = total if total is not None else len(rows)
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            saved += _flush(model, batch)
            batch = []
            ctx.progress(label, len(saved), total)
    if batch:
        saved += _flush(model, batch)
    ctx.progress(label, len(saved), total)
    ctx.counts[label] = ctx.counts.get(label, 0) + len(saved)
    return saved


def _flush(model, batch):
    return model.objects.bulk_create(batch, batch_size=BATCH)


# --- Accounts -------------------------------------------------------------------------------------------------

def seed_users(ctx, n):
    start = User.objects.filter(email__endswith=f"@{DOMAIN}").count()
    password = make_password(None)  # unusable: scale accounts never sign in
    first = ["Amina", "Carlos", "Marie", "Li", "Fatou", "Diego", "Sofía", "Jean", "Aisha", "Tomás", "Élodie",
             "Kwame", "Lucía", "Nadia", "Pedro", "Chloé"]
    last = ["Diallo", "García", "Martin", "Chen", "Mensah", "López", "Dubois", "Haddad", "Rossi", "Nguyen",
            "Fernández", "Kouassi", "Silva", "Moreau", "Okafor"]
    rows = (User(email=f"user{start + i}@{DOMAIN}", full_name=f"{ctx.rng.choice(first)} {ctx.rng.choice(last)}",
                 preferred_language=ctx.rng.choice(("en", "es", "fr")), password=password,
                 date_joined=ctx.ago(1500)) for i in range(n))
    return _bulk(ctx, "users", User, rows, total=n)


ORG_NAMES = {
    StakeholderCategory.MIGRANTS: "Migrant Workers' Association",
    StakeholderCategory.DIASPORA: "Diaspora Council",
    StakeholderCategory.LOCAL: "City Council",
    StakeholderCategory.CIVIL_SOCIETY: "Fundación Caminos",
    StakeholderCategory.ACADEMIA: "Institut de recherche sur les migrations",
    StakeholderCategory.PRIVATE_SECTOR: "Fair Recruitment Company",
    StakeholderCategory.TRADE_UNIONS: "Confederación Sindical",
    StakeholderCategory.NHRI: "Human Rights Commission",
    StakeholderCategory.FINANCIAL: "Remittance Bank",
    StakeholderCategory.UN_SYSTEM: "UN Country Team",
    StakeholderCategory.IGO: "Regional Migration Organization",
}


def seed_organizations(ctx, n, users):
    start = Organization.objects.count()
    categories = list(ORG_NAMES)
    rows = []
    for i in range(n):
        category, state = ctx.rng.choice(categories), ctx.rng.choice(ctx.states)
        rows.append(Organization(name=f"{ORG_NAMES[category]} {state.iso3} {start + i}", category=category,
                                 country=state, verified=True, created_at=ctx.ago(1500)))
    orgs = _bulk(ctx, "organizations", Organization, rows)
    members = (Membership(user=user, organization=ctx.rng.choice(orgs), status=MembershipStatus.APPROVED,
                          decided_at=ctx.now) for user in users[: len(users) * 2 // 5])
    _bulk(ctx, "memberships", Membership, members, total=len(users) * 2 // 5)
    taken = set(FocalPoint.objects.values_list("member_state_id", flat=True))
    pool = users[len(users) * 2 // 5:]
    focal = [FocalPoint(user=pool[i % len(pool)], member_state=state)
             for i, state in enumerate(s for s in ctx.states if s.pk not in taken)] if pool else []
    _bulk(ctx, "focal points", FocalPoint, focal)
    return orgs


def seed_reviewers(ctx, users, orgs):
    pool = users[-max(len(users) // 50, 30):]
    rows = [ReviewerProfile(user=user, kind=ctx.rng.choice(ReviewerKind.values), organization=ctx.rng.choice(orgs),
                            country=ctx.rng.choice(ctx.states), regions=ctx.sample(Region.values, 1, 2),
                            languages=ctx.sample(["en", "es", "fr"], 1, 3), max_active_reviews=8)
            for user in pool]
    profiles = _bulk(ctx, "reviewers", ReviewerProfile, rows)
    through = ReviewerProfile.objectives.through
    links = [through(reviewerprofile_id=p.pk, objective_id=o.pk) for p in profiles
             for o in ctx.sample(ctx.objectives, 2, 6)]
    _bulk(ctx, "reviewer objectives", through, links)
    return [p.user for p in profiles]


# --- Practices ------------------------------------------------------------------------------------------------

PRACTICE_STATUSES = [
    (PracticeStatus.PUBLISHED, 85), (PracticeStatus.SUBMITTED, 3), (PracticeStatus.IN_REVIEW, 5),
    (PracticeStatus.ACCEPTED, 2), (PracticeStatus.DRAFT, 3), (PracticeStatus.REJECTED, 1),
    (PracticeStatus.WITHDRAWN, 1),
]


def _practice(ctx, users, orgs):
    t, rng, language = ctx.text, ctx.rng, ctx.text.language()
    status = ctx.weighted(PRACTICE_STATUSES)
    government = rng.random() < 0.2
    state = rng.choice(ctx.states)
    created = ctx.ago(1500, 30)
    practice = Practice(
        title=t.title(language), summary=t.summary(language),
        description=t.paragraph(language, 4) + "\n\n" + t.paragraph(language, 3),
        results=t.paragraph(language, 2), language=language, submitter=rng.choice(users),
        organization=None if government else rng.choice(orgs), member_state=state if government else None,
        is_global=rng.random() < 0.05, region=state.region, implementation_status=rng.choice(
            ImplementationStatus.values), start_date=(created - timedelta(days=rng.randint(30, 900))).date(),
        status=status, created_at=created, updated_at=created,
        submitted_at=None if status == PracticeStatus.DRAFT else created + timedelta(days=2),
        published_at=created + timedelta(days=rng.randint(20, 29)) if status == PracticeStatus.PUBLISHED else None,
        primary_objective=rng.choice(ctx.objectives),
    )
    for criterion in Criterion:
        setattr(practice, f"narrative_{criterion.value}", t.paragraph(language, 1))
    return practice


def seed_practices(ctx, n, users, orgs, reviewers):
    rows = (_practice(ctx, users, orgs) for _ in range(n))
    practices = _bulk(ctx, "practices", Practice, rows, total=n)
    objectives = Practice.objectives.through
    _bulk(ctx, "practice objectives", objectives, [
        objectives(practice_id=p.pk, objective_id=o.pk)
        for p in practices for o in {p.primary_objective, *ctx.sample(ctx.objectives, 0, 3)}])
    principles = Practice.principles.through
    _bulk(ctx, "practice principles", principles, [
        principles(practice_id=p.pk, principle_id=x.pk) for p in practices for x in ctx.sample(ctx.principles, 1, 3)])
    countries = Practice.countries.through
    _bulk(ctx, "practice countries", countries, [
        countries(practice_id=p.pk, memberstate_id=s.pk) for p in practices if not p.is_global
        for s in {p.member_state or ctx.rng.choice(ctx.states), *ctx.sample(ctx.states, 0, 2)}])
    _bulk(ctx, "practice themes", PracticeTheme, [
        PracticeTheme(practice_id=p.pk, theme=theme) for p in practices for theme in ctx.sample(Theme.values, 0, 2)])
    ids = [p.pk for p in practices if p.status != PracticeStatus.DRAFT]
    for start in range(0, len(ids), BATCH):
        practices_refresh_search(practice_ids=ids[start:start + BATCH])
        ctx.progress("search vectors", min(start + BATCH, len(ids)), len(ids))
    _seed_assignments(ctx, [p for p in practices if p.status == PracticeStatus.IN_REVIEW], reviewers)


def _seed_assignments(ctx, practices, reviewers):
    """Three reviewers per practice in review, due around today, so the reminder sweep has work."""
    today = ctx.now.date()
    rows = []
    for practice in practices:
        for reviewer in ctx.rng.sample(reviewers, 3):
            rows.append(Assignment(practice=practice, reviewer=reviewer, due_date=today + timedelta(
                days=ctx.rng.randint(-20, 10)), status=ctx.rng.choice(
                [AssignmentStatus.INVITED, AssignmentStatus.ACCEPTED, AssignmentStatus.ACCEPTED]),
                invited_at=ctx.ago(40, 10)))
    _bulk(ctx, "assignments", Assignment, rows)


# --- Pledges --------------------------------------------------------------------------------------------------

PLEDGE_STATUSES = [
    (PledgeStatus.PUBLISHED, 85), (PledgeStatus.SUBMITTED, 5), (PledgeStatus.DRAFT, 5), (PledgeStatus.RETURNED, 2),
    (PledgeStatus.REJECTED, 2), (PledgeStatus.WITHDRAWN, 1),
]


def _pledge(ctx, users, orgs):
    t, rng, language = ctx.text, ctx.rng, ctx.text.language()
    status = ctx.weighted(PLEDGE_STATUSES)
    by_state = rng.random() < 0.3
    types = ctx.sample(PledgeType.values, 1, 2)
    created = ctx.ago(900, 10)
    return Pledge(
        cycle=ctx.cycle, status=status, title=t.title(language), language=language,
        narrative=" ".join(t.paragraph(language, 3) for _ in range(2)),
        member_state=rng.choice(ctx.states) if by_state else None, organization=None if by_state else rng.choice(orgs),
        types=types, scope=rng.choice(PledgeScope.values), created_by=rng.choice(users), created_at=created,
        amount=rng.randint(10, 5000) * 1000 if PledgeType.FINANCIAL in types else None,
        currency="USD" if PledgeType.FINANCIAL in types else "", to_mptf=PledgeType.FINANCIAL in types
        and rng.random() < 0.3, submitted_at=None if status == PledgeStatus.DRAFT else created + timedelta(days=1),
        published_at=created + timedelta(days=5) if status == PledgeStatus.PUBLISHED else None,
        start_date=created.date(), target_date=(created + timedelta(days=rng.randint(180, 1500))).date(),
    )


def seed_pledges(ctx, n, users, orgs):
    rows = [_pledge(ctx, users, orgs) for _ in range(n)]
    _number_published(ctx, rows)
    for pledge in rows:
        pledge.last_progress_at = pledge.published_at
    pledges = _bulk(ctx, "pledges", Pledge, rows)
    _relate(ctx, pledges)
    published = [p for p in pledges if p.status == PledgeStatus.PUBLISHED]
    _seed_partners(ctx, published, orgs)
    _seed_updates(ctx, published)


@transaction.atomic
def _number_published(ctx, pledges):
    """Public references for the published pledges, from the cycle's counter (as pledge_publish gives them)."""
    counter, _created = PledgeCounter.objects.get_or_create(cycle=ctx.cycle)
    counter = PledgeCounter.objects.select_for_update().get(pk=counter.pk)
    for pledge in sorted((p for p in pledges if p.published_at), key=lambda p: p.published_at):
        counter.last_number += 1
        pledge.sequence, pledge.reference = counter.last_number, pledge_reference(ctx.cycle, counter.last_number)
    counter.save(update_fields=["last_number"])


def _relate(ctx, pledges):
    objectives, principles, countries = (Pledge.objectives.through, Pledge.principles.through,
                                         Pledge.countries.through)
    _bulk(ctx, "pledge objectives", objectives, [
        objectives(pledge_id=p.pk, objective_id=o.pk) for p in pledges for o in ctx.sample(ctx.objectives, 1, 3)])
    _bulk(ctx, "pledge principles", principles, [
        principles(pledge_id=p.pk, principle_id=x.pk) for p in pledges for x in ctx.sample(ctx.principles, 0, 2)])
    _bulk(ctx, "pledge countries", countries, [
        countries(pledge_id=p.pk, memberstate_id=s.pk) for p in pledges for s in ctx.sample(ctx.states, 0, 2)])


def _seed_partners(ctx, pledges, orgs):
    """A quarter of the published pledges are joint: partners named, most confirmed (is_joint as the services
    derive it: at least one confirmed partner)."""
    rows = []
    for pledge in ctx.rng.sample(pledges, len(pledges) // 4):
        for org in {o for o in ctx.sample(orgs, 1, 3) if o.pk != pledge.organization_id}:
            status = ctx.weighted([(PartnerStatus.CONFIRMED, 8), (PartnerStatus.INVITED, 1),
                                   (PartnerStatus.DECLINED, 1)])
            rows.append(PledgePartner(pledge=pledge, organization=org, status=status, invited_at=pledge.published_at,
                                      responded_at=None if status == PartnerStatus.INVITED else pledge.published_at))
    partners = _bulk(ctx, "pledge partners", PledgePartner, rows)
    joint = {p.pledge_id for p in partners if p.status == PartnerStatus.CONFIRMED}
    for start in range(0, len(joint), BATCH):
        Pledge.objects.filter(pk__in=list(joint)[start:start + BATCH]).update(is_joint=True)


def _seed_updates(ctx, pledges):
    """Progress updates on 40% of the published pledges; each pledge's progress_status and last_progress_at
    follow its latest published update, as progress_update_publish sets them."""
    rows = []
    for pledge in ctx.rng.sample(pledges, len(pledges) * 2 // 5):
        created = pledge.published_at
        for progress in (ProgressStatus.IN_PROGRESS, ProgressStatus.FULFILLED)[: ctx.rng.randint(1, 2)]:
            created = min(created + timedelta(days=ctx.rng.randint(30, 300)), ctx.now)
            rows.append(ProgressUpdate(pledge=pledge, progress=progress, date=created.date(), created_at=created,
                                       narrative=ctx.text.paragraph(pledge.language, 2), language=pledge.language,
                                       status=ctx.weighted([(UpdateStatus.PUBLISHED, 9), (UpdateStatus.SUBMITTED, 1)]),
                                       decided_at=created))
    updates = _bulk(ctx, "progress updates", ProgressUpdate, rows)
    latest = {}
    for update in updates:
        if update.status == UpdateStatus.PUBLISHED:
            latest[update.pledge_id] = update  # rows are in date order per pledge
    changed = [Pledge(pk=pk, progress_status=u.progress, last_progress_at=u.created_at) for pk, u in latest.items()]
    for start in range(0, len(changed), BATCH):
        Pledge.objects.bulk_update(changed[start:start + BATCH], ["progress_status", "last_progress_at"])
    ctx.progress("pledge progress", len(changed), len(changed))


# --- Dialogues ------------------------------------------------------------------------------------------------

def _dialogues(ctx):
    dialogues = list(Dialogue.objects.filter(cycle=ctx.cycle))
    if dialogues:
        return dialogues
    start = ctx.now - timedelta(days=60)
    rows = [Dialogue(cycle=ctx.cycle, kind=DialogueKind.GLOBAL if i < 4 else DialogueKind.REGIONAL,
                     title=ctx.text.title("en"), description=ctx.text.paragraph("en", 3),
                     starts_at=start + timedelta(days=7 * i), ends_at=start + timedelta(days=7 * i, hours=3),
                     region="" if i < 4 else Region.values[i - 4]) for i in range(9)]
    return _bulk(ctx, "dialogues", Dialogue, rows)


def seed_contributions(ctx, n, users):
    dialogues = _dialogues(ctx)
    rng = ctx.rng

    def row():
        language = ctx.text.language()
        status = ctx.weighted([(ContributionStatus.PUBLISHED, 90), (ContributionStatus.SUBMITTED, 7),
                               (ContributionStatus.REJECTED, 3)])
        created = ctx.ago(300)
        return Contribution(dialogue=rng.choice(dialogues), author=rng.choice(users),
                            round_table=rng.choice([None, *ctx.round_tables]), language=language, status=status,
                            text=ctx.text.paragraph(language, rng.randint(2, 4)), created_at=created,
                            decided_at=None if status == ContributionStatus.SUBMITTED else created,
                            rejection_reason="Off topic." if status == ContributionStatus.REJECTED else "")

    _bulk(ctx, "contributions", Contribution, (row() for _ in range(n)), total=n)
    # The stored published count, recomputed the way the moderation services recompute it.
    counters.recount(Dialogue.objects.filter(pk__in=[d.pk for d in dialogues]), Contribution.objects, "dialogue")


# --- Voluntary reviews ----------------------------------------------------------------------------------------

REVIEW_STATUSES = [(ReviewStatus.PUBLISHED, 60), (ReviewStatus.ACCEPTED, 10), (ReviewStatus.SUBMITTED, 15),
                   (ReviewStatus.DRAFT, 15)]
REGION_LANGUAGE = {Region.AMERICAS: "es", Region.AFRICA: "fr", Region.EUROPE: "fr"}


def seed_reviews(ctx, users):
    """A review with answers for every Member State that has none in the active cycle."""
    done = set(VoluntaryReview.objects.filter(cycle=ctx.cycle).values_list("member_state_id", flat=True))
    t, rows = ctx.text, []
    for state in (s for s in ctx.states if s.pk not in done):
        language = REGION_LANGUAGE.get(state.region, "en") if ctx.rng.random() < 0.6 else "en"
        status = ctx.weighted(REVIEW_STATUSES)
        submitted = None if status == ReviewStatus.DRAFT else ctx.ago(120, 10)
        rows.append(VoluntaryReview(
            cycle=ctx.cycle, member_state=state, status=status, language=language, contact_name=ctx.rng.choice(
                users).full_name, contact_email=f"focal.{state.iso3.lower()}@{DOMAIN}",
            contact_position=t.title(language), government_bodies=t.paragraph(language, 2),
            stakeholders_consulted=ctx.sample(StakeholderCategory.values, 3, 8),
            consultation_process=t.paragraph(language, 4), policy_environment=t.paragraph(language, 5),
            institutional_arrangements=t.paragraph(language, 3), principles_narrative=t.paragraph(language, 3),
            means_of_implementation=t.paragraph(language, 3), partnerships=t.paragraph(language, 2),
            next_steps=t.paragraph(language, 3), submitted_at=submitted,
            published_at=submitted + timedelta(days=7) if status == ReviewStatus.PUBLISHED else None,
        ))
    reviews = _bulk(ctx, "reviews", VoluntaryReview, rows)
    entries = [ObjectiveEntry(review=r, objective=o, progress=t.paragraph(r.language, 3),
                              challenges=t.paragraph(r.language, 2), good_practices=t.paragraph(r.language, 2),
                              support_needed=t.paragraph(r.language, 1))
               for r in reviews for o in ctx.sample(ctx.objectives, 6, 14)]
    _bulk(ctx, "review objective entries", ObjectiveEntry, entries)
    through = VoluntaryReview.principles.through
    _bulk(ctx, "review principles", through, [through(review_id=r.pk, principle_id=p.pk) for r in reviews
                                               for p in ctx.sample(ctx.principles, 3, 10)])
