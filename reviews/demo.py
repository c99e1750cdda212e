"""Demo voluntary reviews, in every status, in English, Spanish and French. Idempotent: a State's review in a
cycle that already exists is left alone. Everything goes through the services (audit trail and e-mails)."""

from datetime import timedelta

from accounts.demo import email_for
from accounts.models import User
from gcm.models import Cycle, MemberState, Objective, Principle

from . import services
from .enums import ReviewStatus, Section
from .models import Review

TEXT = {
    "es": {
        "contact_position": "Dirección de Asuntos Migratorios, Ministerio de Relaciones Exteriores",
        "government_bodies": "Ministerio de Trabajo; Ministerio de Salud; Registro Civil; gobiernos locales de las "
                             "ciudades fronterizas.",
        "consultation_process": "Tres talleres nacionales (marzo a septiembre) con organizaciones de migrantes, "
                                "academia y sector privado, y una consulta en línea abierta durante seis semanas.",
        "policy_environment": "Se adoptó una política integral migratoria y un estatuto de protección temporal "
                              "que regulariza a los migrantes en situación irregular.",
        "institutional_arrangements": "Una comisión intersectorial de migración coordina a 14 entidades.",
        "principles_narrative": "La política se centra en las personas, con enfoque de género y sensible a la "
                                "niñez; se elaboró con todo el gobierno y toda la sociedad.",
        "means_of_implementation": "Presupuesto nacional, cooperación internacional y el Fondo Fiduciario de "
                                  "Múltiples Asociados para la Migración.",
        "partnerships": "Programa conjunto con la Red de las Naciones Unidas sobre la Migración.",
        "next_steps": "Ampliar el acceso a la salud, mejorar los datos desagregados y fortalecer la integración "
                      "local.",
        "progress": "Más de 1,5 millones de personas obtuvieron un permiso de permanencia.",
        "challenges": "Capacidad limitada de los gobiernos locales.",
        "good_practices": "Registro biométrico móvil en zonas fronterizas.",
        "support_needed": "Asistencia técnica para sistemas de información.",
    },
    "fr": {
        "contact_position": "Direction des migrations, ministère de l'Intérieur",
        "government_bodies": "Ministère du Travail ; ministère de la Santé ; collectivités territoriales.",
        "consultation_process": "Deux consultations nationales avec la société civile, les syndicats et les "
                                "associations de la diaspora, au printemps.",
        "policy_environment": "Une stratégie nationale d'intégration a été adoptée et la loi sur l'asile révisée.",
        "institutional_arrangements": "Un comité interministériel se réunit chaque trimestre.",
        "principles_narrative": "La stratégie respecte les droits de l'homme et l'approche mobilisant l'ensemble "
                                "de la société.",
        "means_of_implementation": "Budget national et coopération bilatérale.",
        "partnerships": "Partenariats avec les villes et le secteur privé.",
        "next_steps": "Renforcer la reconnaissance des compétences et l'accès au logement.",
        "progress": "Les délais d'instruction ont été réduits de moitié.",
        "challenges": "Disponibilité des données locales.",
        "good_practices": "Guichet unique d'accueil des nouveaux arrivants.",
        "support_needed": "Échanges d'expériences avec d'autres États.",
    },
    "en": {
        "contact_position": "Department of Immigration, Ministry of Interior",
        "government_bodies": "Ministry of Labour; State Department for Diaspora Affairs; county governments.",
        "consultation_process": "County-level consultations with migrants' associations, trade unions and "
                                "academia between May and August, and a validation workshop.",
        "policy_environment": "A national labour migration policy and a diaspora policy were adopted.",
        "institutional_arrangements": "A national coordination mechanism on migration chaired by the Ministry.",
        "principles_narrative": "The policy is people-centred, rights-based and whole-of-government.",
        "means_of_implementation": "National budget and support from development partners.",
        "partnerships": "Bilateral labour agreements with three destination countries.",
        "next_steps": "Lower remittance costs and expand pre-departure training.",
        "progress": "Pre-departure training reached 20,000 workers.",
        "challenges": "Oversight of private recruitment agencies.",
        "good_practices": "An online portal for licensed recruitment agencies.",
        "support_needed": "Capacity building for labour attachés.",
    },
}
# Progress statements rotated over a review's objectives, so that entries differ.
PROGRESS = {
    "es": ["Más de 1,5 millones de personas obtuvieron un permiso de permanencia.",
           "Se creó un sistema nacional de información sobre migración con datos desagregados por sexo y edad.",
           "Los migrantes acceden a la salud y a la educación en igualdad de condiciones.",
           "Los costos de las remesas bajaron por debajo del 5 % en los principales corredores.",
           "Se firmaron acuerdos de cooperación con cinco países de la región."],
    "fr": ["Les délais d'instruction des demandes ont été réduits de moitié.",
           "Un programme de reconnaissance des qualifications étrangères a été lancé.",
           "Les associations de la diaspora participent au financement de projets locaux.",
           "Le coût des transferts de fonds a baissé grâce aux services mobiles."],
    "en": ["Pre-departure training reached 20,000 workers.",
           "Remittance costs fell below 5 per cent on the main corridors.",
           "A diaspora bond financed local infrastructure projects.",
           "Licensed recruitment agencies now publish their fees online."],
}
# (cycle year, ISO3, language, target status, objectives)
REVIEWS = [
    (2030, "COL", "es", ReviewStatus.PUBLISHED, [2, 5, 15, 16, 23]),
    (2030, "MEX", "es", ReviewStatus.SUBMITTED, [1, 8, 14]),
    (2030, "FRA", "fr", ReviewStatus.RETURNED, [16, 17, 18]),
    (2030, "KEN", "en", ReviewStatus.ACCEPTED, [6, 19, 20]),
    (2030, "SEN", "fr", ReviewStatus.DRAFT, [19]),
    (2022, "COL", "es", ReviewStatus.PUBLISHED, [5, 7, 16]),
    (2022, "MEX", "es", ReviewStatus.PUBLISHED, [8, 10, 21]),
    (2022, "FRA", "fr", ReviewStatus.PUBLISHED, [15, 16]),
    (2022, "KEN", "en", ReviewStatus.PUBLISHED, [6, 20]),
    (2022, "SEN", "fr", ReviewStatus.PUBLISHED, [19, 20, 21]),
]
WITHDRAWN = (2030, "PHL")


def seed(stdout):
    staff = User.objects.get(email=email_for("secretariat"))
    created = 0
    for year, iso3, language, status, objectives in REVIEWS:
        cycle = Cycle.objects.get(year=year)
        state = MemberState.objects.get(iso3=iso3)
        if Review.objects.filter(cycle=cycle, member_state=state).exists():
            continue
        focal_point = User.objects.get(email=email_for(f"focal.{iso3.lower()}"))
        review = services.review_start(cycle=cycle, member_state_id=state.pk, by=focal_point)
        _fill(review, focal_point, language, objectives, partial=status == ReviewStatus.DRAFT)
        _advance(review, status, focal_point, staff)
        created += 1
    created += _withdrawn(staff)
    stdout.write(f"Voluntary reviews: {created} created.")


def _fill(review, user, language, objectives, *, partial):
    text = TEXT[language]
    sections = {
        Section.CONTACT: {"language": language, "contact_name": user.full_name, "contact_email": user.email,
                          **{k: text[k] for k in ("contact_position", "government_bodies", "consultation_process")},
                          "stakeholders_consulted": ["migrants", "civil_society", "academia", "private_sector"]},
        Section.POLICY: {k: text[k] for k in ("policy_environment", "institutional_arrangements")},
        Section.PRINCIPLES: {"principles_narrative": text["principles_narrative"],
                             "principles": list(Principle.objects.all()[:4])},
        Section.MEANS: {k: text[k] for k in ("means_of_implementation", "partnerships")},
        Section.NEXT_STEPS: {"next_steps": text["next_steps"]},
    }
    for section, data in list(sections.items())[: 2 if partial else None]:
        review = services.review_save_section(review_id=review.pk, section=section, data=data,
                                              version=review.version, by=user)
    for index, number in enumerate(objectives):
        entry = {k: text[k] for k in ("challenges", "good_practices", "support_needed")}
        entry["progress"] = PROGRESS[language][index % len(PROGRESS[language])]
        services.entry_save(review_id=review.pk, objective=Objective.objects.get(number=number), data=entry,
                            version=Review.objects.get(pk=review.pk).version, by=user)


def _advance(review, status, focal_point, staff):
    S = ReviewStatus
    if status == S.DRAFT:
        services.extension_request(review_id=review.pk, by=focal_point, reason="Elecciones legislativas / "
                                   "élections législatives.", requested_until=review.deadline + timedelta(days=45))
        return
    services.review_submit(review_id=review.pk, by=focal_point)
    if status == S.RETURNED:
        services.review_return(review_id=review.pk, by=staff, comment="Merci d'indiquer les dates des "
                               "consultations et d'ajouter le rapport national en annexe.")
    if status in (S.ACCEPTED, S.PUBLISHED):
        services.review_accept(review_id=review.pk, by=staff)
    if status == S.PUBLISHED:
        services.review_publish(review_id=review.pk, by=staff)


def _withdrawn(staff):
    year, iso3 = WITHDRAWN
    cycle, state = Cycle.objects.get(year=year), MemberState.objects.get(iso3=iso3)
    review, created = Review.objects.get_or_create(cycle=cycle, member_state=state,
                                                   defaults={"language": "en", "created_by": staff})
    if created:
        services.review_withdraw(review_id=review.pk, by=staff, comment="Started by mistake; the State reports "
                                 "through its regional review.")
    return int(created)
