"""Loading of the GCM reference data, shared by the data migration and the test fixtures."""

import csv
import datetime
from pathlib import Path

from .reference import CHAMPIONS, OBJECTIVES, PRINCIPLES, ROUND_TABLES

DATA = Path(__file__).resolve().parent / "data"

CYCLES = [
    {
        "year": 2022,
        "forum_start": datetime.date(2022, 5, 17),
        "forum_end": datetime.date(2022, 5, 20),
        "hearing_date": datetime.date(2022, 5, 16),
        "review_deadline": datetime.date(2022, 2, 28),
        "venue": "United Nations Headquarters, New York",
        "convened_by": "President of the General Assembly",
        "is_active": False,
        "documents": [
            ("resolution", {"ar": "شكل منتديات استعراض الهجرة الدولية وجوانبها التنظيمية",
                            "zh": "国际移民问题审查论坛的形式和组织事宜",
                            "en": "Format and organizational aspects of the International Migration Review Forums",
                            "fr": "Format et modalités d’organisation des forums d’examen des migrations "
                                  "internationales",
                            "ru": "Формат и организационные аспекты форумов по обзору международной миграции",
                            "es": "Formato y aspectos organizativos de los foros de examen de la migración "
                                  "internacional"},
             "A/RES/73/326", datetime.date(2019, 7, 19)),
            ("sg_report", {"ar": "تقرير الأمين العام عن تنفيذ الاتفاق العالمي",
                           "zh": "秘书长关于《全球契约》执行情况的报告",
                           "en": "Report of the Secretary-General on the implementation of the Global Compact",
                           "fr": "Rapport du Secrétaire général sur l’application du Pacte mondial",
                           "ru": "Доклад Генерального секретаря об осуществлении Глобального договора",
                           "es": "Informe del Secretario General sobre la aplicación del Pacto Mundial"},
             "A/76/642", None),
            ("declaration", {"ar": "إعلان التقدم المحرز الصادر عن منتدى استعراض الهجرة الدولية",
                             "zh": "国际移民问题审查论坛进展宣言",
                             "en": "Progress Declaration of the International Migration Review Forum",
                             "fr": "Déclaration sur les progrès du Forum d’examen des migrations internationales",
                             "ru": "Декларация о ходе осуществления, принятая Форумом по обзору международной "
                                   "миграции",
                             "es": "Declaración sobre los Progresos del Foro de Examen de la Migración "
                                   "Internacional"},
             "A/RES/76/266", datetime.date(2022, 6, 7)),
        ],
    },
    {"year": 2026, "review_deadline": datetime.date(2026, 2, 28), "is_active": False,
     "venue": "United Nations Headquarters, New York", "convened_by": "President of the General Assembly",
     "documents": []},
    {"year": 2030, "review_deadline": datetime.date(2030, 2, 28), "is_active": True,
     "venue": "United Nations Headquarters, New York", "convened_by": "President of the General Assembly",
     "documents": []},
]


def load(apps, schema_editor=None):
    """Create or update every reference row (idempotent). `apps` is a registry: historical or real."""
    Cycle = apps.get_model("gcm", "Cycle")
    KeyDocument = apps.get_model("gcm", "KeyDocument")
    RoundTable = apps.get_model("gcm", "RoundTable")
    Objective = apps.get_model("gcm", "Objective")
    Principle = apps.get_model("gcm", "Principle")
    MemberState = apps.get_model("gcm", "MemberState")

    for data in CYCLES:
        data = dict(data)
        documents = data.pop("documents")
        cycle, _ = Cycle.objects.update_or_create(year=data.pop("year"), defaults=data)
        for kind, titles, symbol, published_on in documents:
            KeyDocument.objects.update_or_create(
                cycle=cycle, symbol=symbol, defaults={"kind": kind, "titles": titles, "published_on": published_on,
                                                      "url": f"https://undocs.org/{symbol}"}
            )
    objective_table = {}
    for number, (titles, objective_numbers) in ROUND_TABLES.items():
        table, _ = RoundTable.objects.update_or_create(number=number, defaults={"titles": titles})
        objective_table.update({n: table for n in objective_numbers})
    for number, (short_titles, titles) in OBJECTIVES.items():
        Objective.objects.update_or_create(
            number=number,
            defaults={"short_titles": short_titles, "titles": titles, "round_table": objective_table[number]},
        )
    for position, (slug, titles) in enumerate(PRINCIPLES.items(), start=1):
        Principle.objects.update_or_create(slug=slug, defaults={"position": position, "titles": titles})
    with (DATA / "member_states.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            MemberState.objects.update_or_create(
                iso3=row["iso3"],
                defaults={
                    "iso2": row["iso2"],
                    "m49": int(row["m49"]),
                    "region": row["region"],
                    "subregion": row["subregion"],
                    "regional_commission": row["regional_commission"],
                    "status": row["status"],
                    "is_champion": row["iso3"] in CHAMPIONS,
                },
            )
