"""Demo practices in every state of the workflow, with assignments, reviews and a clarification. Idempotent:
a practice whose title already exists is left alone."""

import datetime

from accounts.demo import email_for
from accounts.models import Organization, User
from gcm.models import MemberState, Objective, Principle

from . import services
from .enums import Decision, Recommendation
from .models import Practice

TEXT = {
    "results": "An external evaluation found that waiting times fell by half and that 8 in 10 participants "
               "would recommend the service.",
    "innovative": "It brings together partners who had never worked together on this issue.",
    "replicable": "The toolkit and training materials are open and were already adapted in two other places.",
    "sustainable": "The local authorities now fund the service from their regular budget.",
    "relevant": "It answers directly the commitments of the objectives it addresses.",
    "coherent": "It is people-centred, gender-responsive and respects human rights.",
    "timely": "It started in 2020 and answers needs that grew with recent movements.",
}

# title, submitter, on behalf of ("org" acronym / "state" iso3), objectives, countries, region, themes, language,
# final status, reviewers (email local parts)
PRACTICES = [
    ("Mobile health clinics along the migration corridor", "mrn.member", ("org", "MRN"), [15, 7],
     ["MEX", "GTM"], "americas", ["health", "gender"], "en", "published", ["reviewer.un1", "reviewer.ext1",
                                                                            "reviewer.ext3"]),
    ("Digital remittance wallet for rural families", "remit.member", ("org", "GRB"), [20, 19], ["KEN"], "africa",
     ["digital"], "en", "published", ["reviewer.un2", "reviewer.ext2", "reviewer.ext4"]),
    ("Estatuto temporal de protección para migrantes venezolanos", "focal.col", ("state", "COL"), [5, 4, 16],
     ["COL"], "americas", ["children"], "es", "published", ["reviewer.un1", "reviewer.ext2", "reviewer.ext3"]),
    ("Skills recognition for migrant nurses", "workers.member", ("org", "ICMW"), [18, 6], ["PHL"], "asia",
     ["health"], "en", "draft", []),
    ("Diaspora investment matching fund", "diaspora.member", ("org", "ADA"), [19], ["SEN"], "africa",
     ["partnerships"], "fr", "submitted", []),
    ("Firewall between public services and immigration enforcement", "andes.member", ("org", "AUML"), [15, 16],
     ["COL"], "americas", ["local"], "es", "in_review", ["reviewer.un2", "reviewer.ext1", "reviewer.ext4"]),
    ("Safe return counselling", "iom.admin", ("org", "IOM"), [21], ["SEN"], "africa", ["gender"], "en",
     "clarification", ["reviewer.un1", "reviewer.ext3"]),
    ("Guichet unique d'intégration locale", "diaspora.member", ("org", "ADA"), [16, 15], ["SEN"], "africa",
     ["local"], "fr", "revision", ["reviewer.un1", "reviewer.ext3", "reviewer.ext4"]),
    ("Regional migration data exchange", "focal.mex", ("state", "MEX"), [1, 23], [], "", ["digital"], "es",
     "resubmitted", ["reviewer.un2", "reviewer.ext1"]),
    ("Ethical recruitment label for employers", "workers.member", ("org", "ICMW"), [6], ["PHL"], "asia",
     ["partnerships"], "en", "accepted", ["reviewer.un1", "reviewer.ext2"]),
    ("Border reception kits", "mrn.admin", ("org", "MRN"), [11], ["MEX"], "americas", [], "es", "rejected",
     ["reviewer.un2", "reviewer.ext3"]),
    ("Community sponsorship pilot", "diaspora.member", ("org", "ADA"), [16], ["SEN"], "africa", [], "fr",
     "withdrawn", []),
]


def seed(stdout):
    staff = User.objects.get(email=email_for("secretariat"))
    created = 0
    for spec in PRACTICES:
        if not Practice.objects.filter(title=spec[0]).exists():
            _seed_practice(staff, *spec)
            created += 1
    stdout.write(f"Practices: {created} created, {Practice.objects.count()} in total.")


def _user(local_part):
    return User.objects.get(email=email_for(local_part))


def _seed_practice(staff, title, submitter, identity, objectives, countries, region, themes, language, final,
                   reviewers):
    author = _user(submitter)
    kind, key = identity
    chosen = Objective.objects.filter(number__in=objectives)
    data = {
        "title": title, "summary": f"{title}: a practice that implements the Global Compact.",
        "description": f"### What we do\n\n{title} helps migrants and their communities. It is run with local "
                       "partners and was evaluated independently.\n\n* clear information\n* trained staff",
        "results": TEXT["results"], **{f"narrative_{k}": v for k, v in TEXT.items() if k != "results"},
        "links": "https://www.migrationnetwork.un.org/", "language": language, "contact_name": author.full_name,
        "contact_email": author.email, "organization": Organization.objects.filter(acronym=key).first()
        if kind == "org" else None,
        "member_state": MemberState.objects.get(iso3=key) if kind == "state" else None,
        "is_global": not countries, "region": region, "primary_objective": chosen.get(number=objectives[0]),
        "start_date": datetime.date(2020, 3, 1), "implementation_status": "fully",
        "objectives": list(chosen), "countries": list(MemberState.objects.filter(iso3__in=countries)),
        "principles": list(Principle.objects.all()[:3]), "themes": themes,
    }
    practice = services.practice_create(by=author, data=data)
    if final == "draft":
        return
    services.practice_submit(practice_id=practice.pk, by=author)
    if final == "withdrawn":
        services.practice_withdraw(practice_id=practice.pk, by=author, comment="The project was merged.")
        return
    assignments = [services.practice_assign_reviewer(practice_id=practice.pk, reviewer_id=_user(r).pk, by=staff)
                   for r in reviewers]
    if final == "submitted":
        return
    _walk(practice, author, staff, assignments, final)


def _review(assignment, recommendation=Recommendation.PUBLISH, score=4):
    services.assignment_accept(assignment_id=assignment.pk, by=assignment.reviewer)
    services.review_save(assignment_id=assignment.pk, by=assignment.reviewer, version=1, submit=True, data={
        **{f"score_{c}": score for c in TEXT if c != "results"},
        "comments_for_submitter": "A convincing practice; please add figures on the people reached.",
        "confidential_comments": "Solid; the evaluation is credible.", "recommendation": recommendation,
    })


def _walk(practice, author, staff, assignments, final):
    if final == "in_review":
        services.assignment_decline(assignment_id=assignments[0].pk, by=assignments[0].reviewer,
                                    reason="unavailable", comment="On mission until next month.")
        services.assignment_accept(assignment_id=assignments[1].pk, by=assignments[1].reviewer)
        _review(assignments[2], Recommendation.MINOR_REVISION, 3)
        return
    if final == "clarification":
        services.assignment_accept(assignment_id=assignments[0].pk, by=assignments[0].reviewer)
        services.clarification_ask(assignment_id=assignments[0].pk, by=assignments[0].reviewer,
                                   question="How many people were counselled, and how many returned?")
        return
    if final == "rejected":
        _review(assignments[0], Recommendation.REJECT, 2)
        _review(assignments[1], Recommendation.PUBLISH, 4)
        services.practice_decide(practice_id=practice.pk, by=staff, decision=Decision.REJECT,
                                 reason="The kits were distributed once; the practice is not yet implemented.")
        return
    for index, assignment in enumerate(assignments):
        _review(assignment, Recommendation.MAJOR_REVISION if final in ("revision", "resubmitted") and index == 0
                else Recommendation.PUBLISH, 3 + index % 2)
    if final in ("revision", "resubmitted"):
        services.practice_decide(practice_id=practice.pk, by=staff, decision=Decision.REVISION,
                                 reason="Please add evidence of impact.")
        if final == "resubmitted":
            services.practice_resubmit(practice_id=practice.pk, by=author)
        return
    decision = Decision.ACCEPT if final == "accepted" else Decision.PUBLISH
    services.practice_decide(practice_id=practice.pk, by=staff, decision=decision)
