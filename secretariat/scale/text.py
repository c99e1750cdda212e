"""Varied, realistic text in English, Spanish and French for the scale seed.

Sentences are assembled from fragments with a seeded random generator, so that full-text search and stemming
have real vocabulary to work on (plural and inflected forms, accents) and no two practices read the same.
"""

FRAGMENTS = {
    "en": {
        "programme": ["programme", "initiative", "project", "network", "platform", "partnership", "strategy",
                      "pilot scheme", "service", "campaign"],
        "action": ["protecting", "including", "training", "registering", "informing", "supporting", "integrating",
                   "reintegrating", "recruiting", "empowering"],
        "group": ["migrant workers", "women migrants", "unaccompanied children", "returnees", "diaspora entrepreneurs",
                  "seasonal workers", "refugees and migrants", "domestic workers", "young migrants",
                  "migrants in vulnerable situations"],
        "place": ["border towns", "rural municipalities", "the capital", "coastal provinces", "secondary cities",
                  "transit corridors", "informal settlements", "mining regions", "the northern region",
                  "cross-border communities"],
        "result": ["reached {n} people", "cut recruitment fees by {p}%", "trained {n} officials",
                   "issued {n} identity documents", "reduced remittance costs to {p}%",
                   "opened {n} one-stop centres", "placed {n} workers in decent jobs",
                   "referred {n} victims of trafficking to services"],
        "method": ["mobile registration units", "a multilingual helpline", "bilateral labour agreements",
                   "community health workers", "digital wallets", "skills recognition tests",
                   "local migration desks", "pre-departure orientation", "case management software",
                   "alternatives to detention"],
        "title": "{Programme} {action} {group} in {place}",
        "summary": "The {programme} is {action} {group} in {place} through {method}. It {result}.",
        "sentence": ["Local authorities, civil society and employers designed the {programme} together.",
                     "Evaluations show that {group} trust {method} more than earlier services.",
                     "The {programme} {result} in its first two years and is being scaled up.",
                     "Data are disaggregated by sex, age and migratory status.",
                     "Trade unions monitor working conditions and report abuses.",
                     "The approach is gender-responsive and child-sensitive.",
                     "Municipalities in {place} replicated the model with their own budgets.",
                     "A steering committee meets every quarter to review progress."],
    },
    "es": {
        "programme": ["programa", "iniciativa", "proyecto", "red", "plataforma", "alianza", "estrategia",
                      "plan piloto", "servicio", "campaña"],
        "action": ["protege a", "incluye a", "capacita a", "registra a", "informa a", "apoya a", "integra a",
                   "reintegra a", "contrata a", "empodera a"],
        "group": ["trabajadoras migrantes", "trabajadores temporales", "niñas y niños no acompañados",
                  "personas retornadas", "emprendedores de la diáspora", "mujeres migrantes",
                  "refugiados y migrantes", "trabajadoras del hogar", "jóvenes migrantes",
                  "migrantes en situación de vulnerabilidad"],
        "place": ["las ciudades fronterizas", "los municipios rurales", "la capital", "las provincias costeras",
                  "las ciudades intermedias", "los corredores de tránsito", "los asentamientos informales",
                  "las regiones mineras", "la región norte", "las comunidades transfronterizas"],
        "result": ["llegó a {n} personas", "redujo en un {p} % las comisiones de contratación",
                   "capacitó a {n} funcionarios", "emitió {n} documentos de identidad",
                   "bajó el costo de las remesas al {p} %", "abrió {n} centros de atención integral",
                   "colocó a {n} trabajadores en empleos decentes",
                   "derivó a {n} víctimas de trata a los servicios"],
        "method": ["unidades móviles de registro", "una línea de ayuda multilingüe", "acuerdos laborales bilaterales",
                   "promotores comunitarios de salud", "billeteras digitales", "pruebas de reconocimiento de "
                   "competencias", "oficinas locales de migración", "orientación previa a la partida",
                   "un sistema de gestión de casos", "alternativas a la detención"],
        "title": "{Programme} que {action} {group} en {place}",
        "summary": "El {programme} {action} {group} en {place} mediante {method}. El proyecto {result}.",
        "sentence": ["Las autoridades locales, la sociedad civil y los empleadores diseñaron el {programme} juntos.",
                     "Las evaluaciones muestran que las {group} confían más en {method}.",
                     "El {programme} {result} en sus dos primeros años y se está ampliando.",
                     "Los datos se desglosan por sexo, edad y situación migratoria.",
                     "Los sindicatos vigilan las condiciones de trabajo y denuncian los abusos.",
                     "El enfoque tiene en cuenta el género y es sensible a la niñez.",
                     "Los municipios de {place} replicaron el modelo con presupuesto propio.",
                     "Un comité directivo se reúne cada trimestre para revisar los avances."],
    },
    "fr": {
        "programme": ["programme", "initiative", "projet", "réseau", "plateforme", "partenariat", "stratégie",
                      "dispositif pilote", "service", "campagne"],
        "action": ["protège", "inclut", "forme", "enregistre", "informe", "accompagne", "intègre", "réintègre",
                   "recrute", "autonomise"],
        "group": ["les travailleuses migrantes", "les travailleurs saisonniers", "les enfants non accompagnés",
                  "les personnes de retour", "les entrepreneurs de la diaspora", "les femmes migrantes",
                  "les réfugiés et migrants", "les travailleuses domestiques", "les jeunes migrants",
                  "les migrants en situation de vulnérabilité"],
        "place": ["les villes frontalières", "les communes rurales", "la capitale", "les provinces côtières",
                  "les villes secondaires", "les couloirs de transit", "les quartiers informels",
                  "les régions minières", "la région du nord", "les communautés transfrontalières"],
        "result": ["a touché {n} personnes", "a réduit de {p} % les frais de recrutement",
                   "a formé {n} fonctionnaires", "a délivré {n} pièces d'identité",
                   "a ramené le coût des transferts de fonds à {p} %", "a ouvert {n} guichets uniques",
                   "a placé {n} travailleurs dans des emplois décents",
                   "a orienté {n} victimes de la traite vers les services"],
        "method": ["des unités mobiles d'enregistrement", "une ligne d'assistance multilingue",
                   "des accords bilatéraux de main-d'œuvre", "des agents de santé communautaires",
                   "des portefeuilles numériques", "des tests de reconnaissance des compétences",
                   "des bureaux locaux des migrations", "une orientation avant le départ",
                   "un logiciel de gestion des dossiers", "des alternatives à la détention"],
        "title": "{Programme} qui {action} {group} dans {place}",
        "summary": "Le {programme} {action} {group} dans {place} grâce à {method}. Il {result}.",
        "sentence": ["Les collectivités, la société civile et les employeurs ont conçu le {programme} ensemble.",
                     "Les évaluations montrent que {group} font davantage confiance à {method}.",
                     "Le {programme} {result} au cours de ses deux premières années.",
                     "Les données sont ventilées par sexe, âge et statut migratoire.",
                     "Les syndicats surveillent les conditions de travail et signalent les abus.",
                     "L'approche tient compte du genre et des droits de l'enfant.",
                     "Les communes de {place} ont reproduit le modèle sur leur propre budget.",
                     "Un comité de pilotage se réunit chaque trimestre pour suivre les progrès."],
    },
}


class TextMaker:
    """Builds titles, summaries and paragraphs in one language from a shared random generator."""

    def __init__(self, rng):
        self.rng = rng

    def _pick(self, language):
        f = FRAGMENTS[language]
        r = self.rng
        values = {key: r.choice(f[key]) for key in ("programme", "action", "group", "place", "method")}
        values["result"] = r.choice(f["result"]).format(n=f"{r.randint(2, 900) * 100:,}", p=r.randint(3, 60))
        values["Programme"] = values["programme"][:1].upper() + values["programme"][1:]
        return f, values

    def title(self, language):
        f, values = self._pick(language)
        return f["title"].format(**values)[:200]

    def summary(self, language):
        f, values = self._pick(language)
        return f["summary"].format(**values)

    def paragraph(self, language, sentences=4):
        f, values = self._pick(language)
        return " ".join(s.format(**values) for s in self.rng.sample(f["sentence"], sentences))

    def language(self):
        """English half of the time, Spanish and French the rest (the portal's main content languages)."""
        return self.rng.choices(("en", "es", "fr"), weights=(5, 3, 2))[0]
