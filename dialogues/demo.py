"""Demo dialogues: the 2022 online migration dialogues and the four virtual regional round tables for Latin America
and the Caribbean, and upcoming dialogues of the active cycle, with contributions in every moderation state.

Idempotent: rows are looked up by their natural keys. Contributions are seeded in their final state, as a record
of past moderation (no e-mail is queued for demo data).
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from accounts.demo import email_for
from accounts.models import User
from gcm.enums import Region
from gcm.models import Cycle, RoundTable

from . import counters
from .enums import ContributionStatus, DialogueKind, ReportStatus
from .models import Consultation, Contribution, Dialogue, Recording, Registration, Report

RECORDING_LANGUAGES = ("en", "es", "fr")


NEW_YORK = ZoneInfo("America/New_York")


def _at(year, month, day, hour=10):
    """10:00 New York time, as the 2022 dialogues were scheduled."""
    return datetime(year, month, day, hour, tzinfo=NEW_YORK)


GLOBAL_2022 = [(1, (2022, 1, 19)), (2, (2022, 1, 26)), (3, (2022, 2, 2)), (4, (2022, 2, 9))]
REGIONAL_2022 = [(1, (2022, 3, 15)), (2, (2022, 3, 29)), (3, (2022, 4, 5)), (4, (2022, 4, 19))]
UPCOMING_2030 = [
    (3, (2029, 11, 14), "Migration dialogue: inclusion of migrants in local communities", 300),
    (4, (2029, 12, 5), "Migration dialogue: data and evidence for migration policy", None),
]

CONTRIBUTIONS = [
    # (dialogue key, author, language, round table or None, status, text, rejection reason)
    ("g1", "mrn.member", "es", 1, ContributionStatus.PUBLISHED,
     "Las vías regulares para trabajadores temporales deben incluir **portabilidad de derechos** y acceso a la "
     "justicia laboral desde el primer día.", ""),
    ("g1", "workers.member", "en", 1, ContributionStatus.PUBLISHED,
     "Fair recruitment is the first regular pathway: no recruitment fees charged to workers, and bilateral "
     "labour agreements negotiated with trade unions at the table.", ""),
    ("g2", "diaspora.member", "fr", 2, ContributionStatus.PUBLISHED,
     "La réintégration durable passe par les associations de la diaspora : elles connaissent les communautés "
     "d'origine et peuvent accompagner les personnes qui rentrent.", ""),
    ("g3", "andes.member", "es", 3, ContributionStatus.PUBLISHED,
     "La inclusión empieza en lo local: los municipios necesitan datos desagregados y presupuesto para "
     "servicios básicos sin discriminación por estatus migratorio.", ""),
    ("g3", "remit.member", "en", 3, ContributionStatus.REJECTED,
     "Open an account with our bank today and send money home for free!",
     "Advertising is not allowed in the dialogues. You are welcome to share your experience of lowering "
     "remittance costs instead."),
    ("r1", "mrn.admin", "es", 1, ContributionStatus.PUBLISHED,
     "En la región, la regularización migratoria temporal ha mostrado que es posible combinar protección y "
     "acceso al empleo formal.", ""),
    ("r3", "focal.mex", "es", None, ContributionStatus.PUBLISHED,
     "Compartimos la experiencia de ventanillas únicas de atención a personas migrantes en gobiernos locales.", ""),
    ("u1", "user", "en", 3, ContributionStatus.SUBMITTED,
     "Language classes offered at the workplace helped newcomers in our town far more than evening courses.", ""),
    ("u1", "diaspora.member", "fr", None, ContributionStatus.SUBMITTED,
     "Nous proposons une session sur la participation des diasporas aux conseils municipaux.", ""),
]


def seed(stdout):
    dialogues = {}
    rts = {rt.number: rt for rt in RoundTable.objects.all()}
    cycle_2022 = Cycle.objects.get(year=2022)
    for number, day in GLOBAL_2022:
        rt = rts[number]
        dialogues[f"g{number}"] = _dialogue(
            cycle_2022, rt, kind=DialogueKind.GLOBAL, language="en", starts_at=_at(*day),
            title=f"IMRF migration dialogue: {rt.titles['en']}", location="",
            description=("One of the four online migration dialogues held ahead of the first International "
                         f"Migration Review Forum. Its discussion fed the background note of round table {number}."),
            registration_open=False,
            summary=(f"Participants discussed the objectives of round table {number}; the points raised are "
                     "compiled in the round table's background note."),
        )
        _recordings(dialogues[f"g{number}"])
    for number, day in REGIONAL_2022:
        rt = rts[number]
        dialogues[f"r{number}"] = _dialogue(
            cycle_2022, rt, kind=DialogueKind.REGIONAL, language="es", starts_at=_at(*day), region=Region.AMERICAS,
            title=f"Mesa redonda regional de América Latina y el Caribe: {rt.titles['es']}",
            location="Virtual regional round table",
            description=("Mesa redonda regional virtual organizada por las oficinas regionales, en preparación del "
                         "Foro de Examen de la Migración Internacional 2022."),
            registration_open=False,
        )
    active = Cycle.objects.active()
    for index, (number, day, title, capacity) in enumerate(UPCOMING_2030, start=1):
        dialogues[f"u{index}"] = _dialogue(
            active, rts[number], kind=DialogueKind.GLOBAL, language="en", starts_at=_at(*day), title=title,
            location="link e-mailed to registered participants", capacity=capacity,
            join_url=f"https://meet.un.example/imrf-2030-dialogue-{index}",
            description=(f"An online dialogue on the road to {active.name}. Contributions posted here feed the "
                         f"background note of round table {number}."),
            registration_open=True,
        )
    _consultations(active, rts)
    _contributions(dialogues)
    _registrations(dialogues["u1"], ["user", "mrn.member", "focal.col"])
    stdout.write(f"Dialogues: {Dialogue.objects.count()}, contributions: {Contribution.objects.count()}.")


def _dialogue(cycle, round_table, *, starts_at, **fields):
    dialogue, _created = Dialogue.objects.update_or_create(
        cycle=cycle, title=fields.pop("title"),
        defaults={"starts_at": starts_at, "ends_at": starts_at + timedelta(hours=2), "is_online": True, **fields},
    )
    dialogue.round_tables.set([round_table])
    dialogue.objectives.set(round_table.objectives.all())
    return dialogue


def _recordings(dialogue):
    for language in RECORDING_LANGUAGES:
        Recording.objects.get_or_create(
            dialogue=dialogue, language=language,
            defaults={"url": f"https://webtv.un.example/imrf-2022/dialogue-{dialogue.pk}/{language}"})


def _consultations(cycle, rts):
    opens = date(cycle.year - 1, 9, 1) if cycle.year else date.today()
    for number, rt in rts.items():
        Consultation.objects.update_or_create(cycle=cycle, round_table=rt, defaults={
            "guiding_question": (f"What has worked, and what should change, to advance the objectives of round table "
                                 f"{number} in your country or community?"),
            "question_language": "en", "opens_on": opens, "closes_on": opens + timedelta(days=60),
            "languages": ["en", "fr", "es"],
        })


def _user(local_part):
    return User.objects.get(email=email_for(local_part))


def _contributions(dialogues):
    staff = _user("secretariat")
    for key, author, language, rt_number, status, text, reason in CONTRIBUTIONS:
        dialogue = dialogues[key]
        decided = status != ContributionStatus.SUBMITTED
        Contribution.objects.get_or_create(
            dialogue=dialogue, author=_user(author), text=text,
            defaults={"language": language, "status": status, "rejection_reason": reason,
                      "round_table": RoundTable.objects.get(number=rt_number) if rt_number else None,
                      "created_at": dialogue.ends_at, "decided_by": staff if decided else None,
                      "decided_at": dialogue.ends_at + timedelta(days=1) if decided else None},
        )
    counters.recount_all(Dialogue.objects, Consultation.objects, Contribution.objects)
    reported = Contribution.objects.get(dialogue=dialogues["g1"], author=_user("workers.member"))
    Report.objects.get_or_create(contribution=reported, reporter=_user("applicant"), defaults={
        "reason": "This reads like a trade union campaign rather than a contribution.", "status": ReportStatus.OPEN})


def _registrations(dialogue, local_parts):
    for local_part in local_parts:
        Registration.objects.get_or_create(dialogue=dialogue, user=_user(local_part))
