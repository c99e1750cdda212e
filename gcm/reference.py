"""Reference facts of the Global Compact for Safe, Orderly and Regular Migration (GCM), in English, Spanish and
French. Loaded into the database by data migrations; adding a UI language adds a key to each dict."""

# number: (short titles, official titles)
OBJECTIVES = {
    1: (
        {"en": "Data", "es": "Datos", "fr": "Données"},
        {
            "en": "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
            "es": "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica",
            "fr": "Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de "
            "politiques fondées sur la connaissance des faits",
        },
    ),
    2: (
        {"en": "Minimize adverse drivers", "es": "Minimizar los factores adversos",
         "fr": "Réduire les facteurs négatifs"},
        {
            "en": "Minimize the adverse drivers and structural factors that compel people to leave their country "
            "of origin",
            "es": "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país "
            "de origen",
            "fr": "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à "
            "quitter leur pays d’origine",
        },
    ),
    3: (
        {"en": "Information provision", "es": "Suministro de información", "fr": "Information"},
        {
            "en": "Provide accurate and timely information at all stages of migration",
            "es": "Proporcionar información exacta y oportuna en todas las etapas de la migración",
            "fr": "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration",
        },
    ),
    4: (
        {"en": "Legal identity and documentation", "es": "Identidad jurídica y documentación",
         "fr": "Identité légale et papiers"},
        {
            "en": "Ensure that all migrants have proof of legal identity and adequate documentation",
            "es": "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación "
            "adecuada",
            "fr": "Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats",
        },
    ),
    5: (
        {"en": "Regular pathways", "es": "Vías de migración regular", "fr": "Filières de migration régulière"},
        {
            "en": "Enhance availability and flexibility of pathways for regular migration",
            "es": "Aumentar la disponibilidad y flexibilidad de las vías de migración regular",
            "fr": "Faire en sorte que les filières de migration régulière soient accessibles et plus souples",
        },
    ),
    6: (
        {"en": "Recruitment and decent work", "es": "Contratación y trabajo decente",
         "fr": "Recrutement et travail décent"},
        {
            "en": "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
            "es": "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el "
            "trabajo decente",
            "fr": "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un "
            "travail décent",
        },
    ),
    7: (
        {"en": "Reduce vulnerabilities", "es": "Reducir las vulnerabilidades", "fr": "Réduire la vulnérabilité"},
        {
            "en": "Address and reduce vulnerabilities in migration",
            "es": "Abordar y reducir las vulnerabilidades en la migración",
            "fr": "S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
        },
    ),
    8: (
        {"en": "Save lives", "es": "Salvar vidas", "fr": "Sauver des vies"},
        {
            "en": "Save lives and establish coordinated international efforts on missing migrants",
            "es": "Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes "
            "desaparecidos",
            "fr": "Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les "
            "migrants disparus",
        },
    ),
    9: (
        {"en": "Counter smuggling", "es": "Combatir el tráfico ilícito", "fr": "Lutter contre le trafic"},
        {
            "en": "Strengthen the transnational response to smuggling of migrants",
            "es": "Reforzar la respuesta transnacional al tráfico ilícito de migrantes",
            "fr": "Renforcer l’action transnationale face au trafic de migrants",
        },
    ),
    10: (
        {"en": "Eradicate trafficking", "es": "Erradicar la trata", "fr": "Éliminer la traite"},
        {
            "en": "Prevent, combat and eradicate trafficking in persons in the context of international migration",
            "es": "Prevenir, combatir y erradicar la trata de personas en el contexto de la migración "
            "internacional",
            "fr": "Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations "
            "internationales",
        },
    ),
    11: (
        {"en": "Manage borders", "es": "Gestionar las fronteras", "fr": "Gérer les frontières"},
        {
            "en": "Manage borders in an integrated, secure and coordinated manner",
            "es": "Gestionar las fronteras de manera integrada, segura y coordinada",
            "fr": "Gérer les frontières de manière intégrée, sûre et coordonnée",
        },
    ),
    12: (
        {"en": "Screening and referral", "es": "Verificación y derivación", "fr": "Filtrage et orientation"},
        {
            "en": "Strengthen certainty and predictability in migration procedures for appropriate screening, "
            "assessment and referral",
            "es": "Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada "
            "verificación de antecedentes, evaluación y derivación",
            "fr": "Veiller à l’application de procédures de filtrage, d’évaluation et d’orientation appropriées, "
            "prévisibles et sûres dans le cadre des migrations",
        },
    ),
    13: (
        {"en": "Alternatives to detention", "es": "Alternativas a la detención",
         "fr": "Solutions de rechange à la rétention"},
        {
            "en": "Use migration detention only as a measure of last resort and work towards alternatives",
            "es": "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas",
            "fr": "Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et "
            "chercher des solutions de rechange",
        },
    ),
    14: (
        {"en": "Consular protection", "es": "Protección consular", "fr": "Protection consulaire"},
        {
            "en": "Enhance consular protection, assistance and cooperation throughout the migration cycle",
            "es": "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo "
            "migratorio",
            "fr": "Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle "
            "migratoire",
        },
    ),
    15: (
        {"en": "Access to basic services", "es": "Acceso a servicios básicos", "fr": "Accès aux services de base"},
        {
            "en": "Provide access to basic services for migrants",
            "es": "Proporcionar a los migrantes acceso a servicios básicos",
            "fr": "Assurer l’accès des migrants aux services de base",
        },
    ),
    16: (
        {"en": "Inclusion and social cohesion", "es": "Inclusión y cohesión social",
         "fr": "Intégration et cohésion sociale"},
        {
            "en": "Empower migrants and societies to realize full inclusion and social cohesion",
            "es": "Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social",
            "fr": "Donner aux migrants et aux sociétés les moyens de favoriser l’intégration et la cohésion "
            "sociale",
        },
    ),
    17: (
        {"en": "Eliminate discrimination", "es": "Eliminar la discriminación", "fr": "Éliminer la discrimination"},
        {
            "en": "Eliminate all forms of discrimination and promote evidence-based public discourse to shape "
            "perceptions of migration",
            "es": "Eliminar todas las formas de discriminación y promover un discurso público con base empírica "
            "para modificar las percepciones de la migración",
            "fr": "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse "
            "des faits afin de faire évoluer la manière dont les migrations sont perçues",
        },
    ),
    18: (
        {"en": "Skills development and recognition", "es": "Desarrollo y reconocimiento de aptitudes",
         "fr": "Compétences et reconnaissance"},
        {
            "en": "Invest in skills development and facilitate mutual recognition of skills, qualifications and "
            "competences",
            "es": "Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, "
            "cualificaciones y competencias",
            "fr": "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des "
            "aptitudes, qualifications et compétences",
        },
    ),
    19: (
        {"en": "Migrant and diaspora contributions", "es": "Contribuciones de migrantes y diásporas",
         "fr": "Contributions des migrants et des diasporas"},
        {
            "en": "Create conditions for migrants and diasporas to fully contribute to sustainable development in "
            "all countries",
            "es": "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir "
            "plenamente al desarrollo sostenible en todos los países",
            "fr": "Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au "
            "développement durable dans tous les pays",
        },
    ),
    20: (
        {"en": "Remittances", "es": "Remesas", "fr": "Envois de fonds"},
        {
            "en": "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of "
            "migrants",
            "es": "Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión "
            "financiera de los migrantes",
            "fr": "Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser "
            "l’inclusion financière des migrants",
        },
    ),
    21: (
        {"en": "Dignified return and reintegration", "es": "Regreso digno y reintegración",
         "fr": "Retour dans la dignité et réintégration"},
        {
            "en": "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable "
            "reintegration",
            "es": "Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así "
            "como la reintegración sostenible",
            "fr": "Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dans "
            "la dignité, ainsi que leur réintégration durable",
        },
    ),
    22: (
        {"en": "Social protection", "es": "Protección social", "fr": "Protection sociale"},
        {
            "en": "Establish mechanisms for the portability of social security entitlements and earned benefits",
            "es": "Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones "
            "adquiridas",
            "fr": "Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages "
            "acquis",
        },
    ),
    23: (
        {"en": "International cooperation", "es": "Cooperación internacional", "fr": "Coopération internationale"},
        {
            "en": "Strengthen international cooperation and global partnerships for safe, orderly and regular "
            "migration",
            "es": "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, "
            "ordenada y regular",
            "fr": "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, "
            "ordonnées et régulières",
        },
    ),
}

# slug: titles, in the GCM's order
PRINCIPLES = {
    "people-centred": {"en": "People-centred", "es": "Centrado en las personas", "fr": "Axé sur l’être humain"},
    "international-cooperation": {"en": "International cooperation", "es": "Cooperación internacional",
                                  "fr": "Coopération internationale"},
    "national-sovereignty": {"en": "National sovereignty", "es": "Soberanía nacional",
                             "fr": "Souveraineté nationale"},
    "rule-of-law": {"en": "Rule of law and due process", "es": "Estado de derecho y garantías procesales",
                    "fr": "État de droit et garanties procédurales"},
    "sustainable-development": {"en": "Sustainable development", "es": "Desarrollo sostenible",
                                "fr": "Développement durable"},
    "human-rights": {"en": "Human rights", "es": "Derechos humanos", "fr": "Droits de l’homme"},
    "gender-responsive": {"en": "Gender-responsive", "es": "Perspectiva de género",
                          "fr": "Prise en compte de la problématique femmes-hommes"},
    "child-sensitive": {"en": "Child-sensitive", "es": "Perspectiva infantil",
                        "fr": "Prise en compte de la situation des enfants"},
    "whole-of-government": {"en": "Whole-of-government approach", "es": "Enfoque pangubernamental",
                            "fr": "Approche mobilisant l’ensemble des pouvoirs publics"},
    "whole-of-society": {"en": "Whole-of-society approach", "es": "Enfoque pansocial",
                         "fr": "Approche mobilisant toute la société"},
}

# number: (titles, objective numbers)
ROUND_TABLES = {
    1: (
        {
            "en": "Drivers of migration and regular pathways",
            "es": "Factores impulsores de la migración y vías regulares",
            "fr": "Facteurs de migration et filières régulières",
        },
        (2, 5, 6, 12, 18),
    ),
    2: (
        {
            "en": "Migration governance, saving lives and sustainable reintegration",
            "es": "Gobernanza de la migración, salvar vidas y reintegración sostenible",
            "fr": "Gouvernance des migrations, sauvetage de vies et réintégration durable",
        },
        (4, 8, 9, 10, 11, 13, 21),
    ),
    3: (
        {"en": "Inclusion", "es": "Inclusión", "fr": "Inclusion"},
        (14, 15, 16, 19, 20, 22),
    ),
    4: (
        {
            "en": "Data, information and evidence-based policy",
            "es": "Datos, información y políticas con base empírica",
            "fr": "Données, information et politiques fondées sur des données probantes",
        },
        (1, 3, 7, 17, 23),
    ),
}

SUBREGIONS = {
    "Australia and New Zealand": {"es": "Australia y Nueva Zelandia", "fr": "Australie et Nouvelle-Zélande"},
    "Caribbean": {"es": "Caribe", "fr": "Caraïbes"},
    "Central America": {"es": "Centroamérica", "fr": "Amérique centrale"},
    "Central Asia": {"es": "Asia central", "fr": "Asie centrale"},
    "Eastern Africa": {"es": "África oriental", "fr": "Afrique de l’Est"},
    "Eastern Asia": {"es": "Asia oriental", "fr": "Asie de l’Est"},
    "Eastern Europe": {"es": "Europa oriental", "fr": "Europe de l’Est"},
    "Melanesia": {"es": "Melanesia", "fr": "Mélanésie"},
    "Micronesia": {"es": "Micronesia", "fr": "Micronésie"},
    "Middle Africa": {"es": "África central", "fr": "Afrique centrale"},
    "Northern Africa": {"es": "África septentrional", "fr": "Afrique du Nord"},
    "Northern America": {"es": "América septentrional", "fr": "Amérique du Nord"},
    "Northern Europe": {"es": "Europa septentrional", "fr": "Europe du Nord"},
    "Polynesia": {"es": "Polinesia", "fr": "Polynésie"},
    "South America": {"es": "América del Sur", "fr": "Amérique du Sud"},
    "South-eastern Asia": {"es": "Asia sudoriental", "fr": "Asie du Sud-Est"},
    "Southern Africa": {"es": "África meridional", "fr": "Afrique australe"},
    "Southern Asia": {"es": "Asia meridional", "fr": "Asie du Sud"},
    "Southern Europe": {"es": "Europa meridional", "fr": "Europe du Sud"},
    "Western Africa": {"es": "África occidental", "fr": "Afrique de l’Ouest"},
    "Western Asia": {"es": "Asia occidental", "fr": "Asie de l’Ouest"},
    "Western Europe": {"es": "Europa occidental", "fr": "Europe de l’Ouest"},
}

# Champion countries of the GCM named in the 2022 regional review of Latin America and the Caribbean.
CHAMPIONS = ("COL", "CRI", "ECU", "SLV", "HND", "MEX")
