"""Reference facts of the Global Compact for Safe, Orderly and Regular Migration (GCM) in the six official UN
languages (keys in UN order: ar, zh, en, fr, ru, es). Objective titles follow the wording of the GCM (General
Assembly resolution 73/195) in each language. Loaded into the database by data migrations (a wording change here
needs a new migration that calls `gcm.loading.load`); adding a UI language adds a key to each dict.

Short titles of the objectives are the labels of the UN Network on Migration's hub (its "GCM objective" filter),
word for word in English, French and Spanish, as checked in December 2026 (issue #12; migration 0006 for the French
and Spanish ones that had differed): https://migrationnetwork.un.org/hub, https://migrationnetwork.un.org/fr/hub and
https://migrationnetwork.un.org/es/hub (the copies read were those pages with a filter in their query string).
The same filters list the guiding principles; their titles here are not short labels but the principles' titles, and
where they differ from the hub's labels they were left as they are, awaiting a check against the text of the
Compact (A/RES/73/195, paragraph 15): es "Centrado en las personas" (hub: "Centrada…"); fr "Axé sur l’être humain"
(hub: "Priorité à la dimension humaine"), "État de droit et garanties procédurales" ("Primauté du droit et garanties
d’une procédure régulière"), "Prise en compte de la situation des enfants" ("Adaptation aux besoins de l’enfant"),
"Approche mobilisant toute la société" ("Approche mobilisant l’ensemble de la société"). The en principles match.

Where the Arabic, Chinese and Russian wording was checked (December 2026), and what is still unchecked:
- zh principles (all 10) and the zh titles of A/RES/73/326 and A/RES/76/266 (gcm/loading.py): General Assembly
  resolution 76/266, paragraphs 2 and 3, https://www.un.org/zh/documents/treaty/A-RES-76-266
- ru objectives 1 and 2 (2 as far as "…которые заставляют людей покидать стра", where the readable copy ends): the
  Russian text of A/CONF.231/3 (the Compact as adopted) as reproduced at
  https://rus.err.ee/877566/globalnyj-dogovor-oon-o-migracii-polnyj-tekst (a copy of the UN document itself,
  https://assets.documentcloud.org/documents/5141052/N1824449.txt, could not be read as far as its objectives)
- ru objectives 16, 23 and the opening words of 17 ("Искоренение всех форм дискриминации"): quoted from the Compact
  at https://fergana.news/articles/102576; 16 also in IOM's Russian World Migration Report 2020
  (http://hozir.org/doklad-o-migracii-v-mire-2020/hozir.org/doklad-o-migracii-v-mire-2020.html?page=183)
- ar objective 8: as quoted from the Compact by the UN Network on Migration in its Arabic statement on missing
  migrants (https://migrationnetwork.un.org/ar/statements), "يإنقاذ الأوراح وبذل جهود دولية منسّقة بشأن المهاجرين
  المفقودين" (sic: the statement's typing, and the quote bent into its sentence with the prefix "ب"); the Spanish
  text of the same joint statement
  (https://www.icrc.org/es/document/actuemos-ahora-salvar-vidas-evitar-desaparicion-migrantes-CICR-IFRC-NU) quotes
  the official Spanish title word for word. Not yet checked against A/RES/73/195 itself.
- unchecked, awaiting the UN texts (A/RES/73/195 in ar/zh/ru, migrationnetwork.un.org in ar/zh/ru): every ar
  title but 8; the zh objectives and round tables; ru objectives 3-15, 18-22, the end of 2 and the rest of 17, the ru
  principles and round tables; all short titles in ar/zh/ru (the UN Network on Migration's labels); the ar and ru
  key documents; the sub-region names.
- searched again for issue #12 (December 2026), and only ar objective 8 (above) newly verified: of the copies of
  the official texts found, only the openings could be read, and they end before the Compact's list of objectives
  (paragraph 16) — zh: mirrors of https://www.un.org/zh/documents/treaty/A-RES-73-195 (fanyjok.com,
  news.ccdaohedz.com); ru: the two copies above; ar: https://www.un.org/ar/migration2022/global-compact-for-migration
  and the Network's Arabic FAQ (https://migrationnetwork.un.org/zh-hant/node/2312). The Network's hub, with its
  objective and principle labels, is stored in English, French and Spanish only (the pages above; searched again
  for ar/zh/ru, not found); no ar/ru text of A/RES/73/326 or A/RES/76/266 was found.
"""

# number: (short titles, official titles)
OBJECTIVES = {
    1: (
        {
            "ar": "البيانات",
            "zh": "数据",
            "en": "Data",
            "fr": "Données",
            "ru": "Данные",
            "es": "Datos",
        },
        {
            "ar": "جمع واستخدام بيانات دقيقة ومصنفة كأساس لوضع سياسات قائمة على الأدلة",
            "zh": "收集和利用准确和分类的数据，作为循证政策的依据",
            "en": "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
            "fr": "Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de "
                "politiques fondées sur la connaissance des faits",
            "ru": "Сбор и использование точных и дезагрегированных данных в качестве основы для выработки "
                "эмпирически обоснованной политики",
            "es": "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica",
        },
    ),
    2: (
        {
            "ar": "الحد من العوامل الضارة",
            "zh": "尽量减少不利驱动因素",
            "en": "Minimize adverse drivers",
            "fr": "Lutter contre les facteurs négatifs",
            "ru": "Минимизация негативных факторов",
            "es": "Minimizar factores adversos",
        },
        {
            "ar": "التقليل إلى أدنى حد من العوامل الضارة والعوامل الهيكلية التي تضطر الناس إلى مغادرة بلدهم الأصلي",
            "zh": "尽量减少迫使人们离开原籍国的不利驱动因素和结构性因素",
            "en": "Minimize the adverse drivers and structural factors that compel people to leave their country of "
                "origin",
            "fr": "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à "
                "quitter leur pays d’origine",
            "ru": "Сведение к минимуму неблагоприятного воздействия различных сил и структурных факторов, которые "
                "заставляют людей покидать страну своего происхождения",
            "es": "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país "
                "de origen",
        },
    ),
    3: (
        {
            "ar": "توفير المعلومات",
            "zh": "提供信息",
            "en": "Information provision",
            "fr": "Fourniture d’informations",
            "ru": "Предоставление информации",
            "es": "Proporcionar información",
        },
        {
            "ar": "توفير معلومات دقيقة وفي الوقت المناسب في جميع مراحل الهجرة",
            "zh": "在移民的所有阶段提供准确和及时的信息",
            "en": "Provide accurate and timely information at all stages of migration",
            "fr": "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration",
            "ru": "Предоставление точной и своевременной информации на всех этапах миграции",
            "es": "Proporcionar información exacta y oportuna en todas las etapas de la migración",
        },
    ),
    4: (
        {
            "ar": "الهوية القانونية والوثائق",
            "zh": "合法身份和证件",
            "en": "Legal identity and documentation",
            "fr": "Identité légale et papiers",
            "ru": "Законная личность и документы",
            "es": "Identidad jurídica y documentación",
        },
        {
            "ar": "كفالة حصول جميع المهاجرين على ما يثبت هويتهم القانونية وعلى وثائق كافية",
            "zh": "确保所有移民都有合法身份证明和适当证件",
            "en": "Ensure that all migrants have proof of legal identity and adequate documentation",
            "fr": "Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats",
            "ru": "Обеспечение наличия у всех мигрантов доказательства их законной личности и надлежащих документов",
            "es": "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación "
                "adecuada",
        },
    ),
    5: (
        {
            "ar": "مسارات الهجرة النظامية",
            "zh": "正常移民途径",
            "en": "Regular pathways",
            "fr": "Filières de migration régulière",
            "ru": "Пути легальной миграции",
            "es": "Vías de migración regular",
        },
        {
            "ar": "تعزيز توافر مسارات الهجرة النظامية ومرونتها",
            "zh": "增加正常移民途径的可用性和灵活性",
            "en": "Enhance availability and flexibility of pathways for regular migration",
            "fr": "Faire en sorte que les filières de migration régulière soient accessibles et plus souples",
            "ru": "Повышение доступности и гибкости путей легальной миграции",
            "es": "Aumentar la disponibilidad y flexibilidad de las vías de migración regular",
        },
    ),
    6: (
        {
            "ar": "التوظيف والعمل اللائق",
            "zh": "招聘和体面工作",
            "en": "Recruitment and decent work",
            "fr": "Recrutement et travail décent",
            "ru": "Наем и достойная работа",
            "es": "Contratación y trabajo decente",
        },
        {
            "ar": "تيسير التوظيف المنصف والأخلاقي وضمان الظروف التي تكفل العمل اللائق",
            "zh": "促进公平和合乎道德的招聘，保障确保体面工作的条件",
            "en": "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
            "fr": "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail "
                "décent",
            "ru": "Содействие справедливому и этичному найму и обеспечение условий, гарантирующих достойную работу",
            "es": "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el "
                "trabajo decente",
        },
    ),
    7: (
        {
            "ar": "الحد من أوجه الضعف",
            "zh": "减少脆弱性",
            "en": "Reduce vulnerabilities",
            "fr": "Réduire la vulnérabilité",
            "ru": "Уменьшение уязвимости",
            "es": "Reducir vulnerabilidades",
        },
        {
            "ar": "معالجة أوجه الضعف في سياق الهجرة والحد منها",
            "zh": "应对和减少移民中的脆弱性",
            "en": "Address and reduce vulnerabilities in migration",
            "fr": "S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
            "ru": "Устранение и уменьшение факторов уязвимости в процессе миграции",
            "es": "Abordar y reducir las vulnerabilidades en la migración",
        },
    ),
    8: (
        {
            "ar": "إنقاذ الأرواح",
            "zh": "拯救生命",
            "en": "Save lives",
            "fr": "Sauver des vies",
            "ru": "Спасение жизней",
            "es": "Salvar vidas",
        },
        {
            "ar": "إنقاذ الأرواح وبذل جهود دولية منسقة بشأن المهاجرين المفقودين",
            "zh": "拯救生命，就失踪移民问题开展协调一致的国际努力",
            "en": "Save lives and establish coordinated international efforts on missing migrants",
            "fr": "Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les "
                "migrants disparus",
            "ru": "Спасение жизней и принятие скоординированных международных мер в отношении пропавших без вести "
                "мигрантов",
            "es": "Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes "
                "desaparecidos",
        },
    ),
    9: (
        {
            "ar": "مكافحة التهريب",
            "zh": "打击偷运",
            "en": "Counter smuggling",
            "fr": "Combattre le trafic de migrants",
            "ru": "Борьба с незаконным ввозом",
            "es": "Combatir el tráfico de migrantes",
        },
        {
            "ar": "تعزيز التصدي على الصعيد عبر الوطني لتهريب المهاجرين",
            "zh": "加强跨国应对偷运移民的工作",
            "en": "Strengthen the transnational response to smuggling of migrants",
            "fr": "Renforcer l’action transnationale face au trafic de migrants",
            "ru": "Укрепление транснациональных мер по борьбе с незаконным ввозом мигрантов",
            "es": "Reforzar la respuesta transnacional al tráfico ilícito de migrantes",
        },
    ),
    10: (
        {
            "ar": "القضاء على الاتجار بالأشخاص",
            "zh": "消除人口贩运",
            "en": "Eradicate trafficking",
            "fr": "Éradiquer la traite de personnes",
            "ru": "Искоренение торговли людьми",
            "es": "Erradicar la trata de personas",
        },
        {
            "ar": "منع الاتجار بالأشخاص ومكافحته والقضاء عليه في سياق الهجرة الدولية",
            "zh": "在国际移民背景下预防、打击和消除人口贩运",
            "en": "Prevent, combat and eradicate trafficking in persons in the context of international migration",
            "fr": "Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations "
                "internationales",
            "ru": "Предупреждение, пресечение и искоренение торговли людьми в контексте международной миграции",
            "es": "Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional",
        },
    ),
    11: (
        {
            "ar": "إدارة الحدود",
            "zh": "管理边界",
            "en": "Manage borders",
            "fr": "Gérer les frontières",
            "ru": "Управление границами",
            "es": "Gestión de fronteras",
        },
        {
            "ar": "إدارة الحدود بطريقة متكاملة وآمنة ومنسقة",
            "zh": "以综合、安全和协调的方式管理边界",
            "en": "Manage borders in an integrated, secure and coordinated manner",
            "fr": "Gérer les frontières de manière intégrée, sûre et coordonnée",
            "ru": "Комплексное, безопасное и скоординированное управление границами",
            "es": "Gestionar las fronteras de manera integrada, segura y coordinada",
        },
    ),
    12: (
        {
            "ar": "الفرز والإحالة",
            "zh": "甄别和转介",
            "en": "Screening and referral",
            "fr": "Contrôle, évaluation et orientation",
            "ru": "Проверка и направление",
            "es": "Verificación de antecedentes y derivación",
        },
        {
            "ar": "تعزيز التيقن وإمكانية التنبؤ في إجراءات الهجرة من أجل الفرز والتقييم والإحالة على النحو المناسب",
            "zh": "加强移民程序的确定性和可预测性，以便进行适当的甄别、评估和转介",
            "en": "Strengthen certainty and predictability in migration procedures for appropriate screening, "
                "assessment and referral",
            "fr": "Veiller à l’application de procédures de filtrage, d’évaluation et d’orientation appropriées, "
                "prévisibles et sûres dans le cadre des migrations",
            "ru": "Повышение определенности и предсказуемости миграционных процедур для надлежащей проверки, оценки "
                "и направления",
            "es": "Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada "
                "verificación de antecedentes, evaluación y derivación",
        },
    ),
    13: (
        {
            "ar": "بدائل الاحتجاز",
            "zh": "拘留替代办法",
            "en": "Alternatives to detention",
            "fr": "Alternatives à la rétention",
            "ru": "Альтернативы задержанию",
            "es": "Alternativas a la detención",
        },
        {
            "ar": "عدم اللجوء إلى احتجاز المهاجرين إلا كملاذ أخير والعمل على إيجاد بدائل",
            "zh": "仅将移民拘留作为最后手段，并努力寻找替代办法",
            "en": "Use migration detention only as a measure of last resort and work towards alternatives",
            "fr": "Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et "
                "chercher des solutions de rechange",
            "ru": "Использование задержания мигрантов только в качестве крайней меры и работа над альтернативами",
            "es": "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas",
        },
    ),
    14: (
        {
            "ar": "الحماية القنصلية",
            "zh": "领事保护",
            "en": "Consular protection",
            "fr": "Protection consulaire",
            "ru": "Консульская защита",
            "es": "Protección consular",
        },
        {
            "ar": "تعزيز الحماية والمساعدة والتعاون في المجال القنصلي طوال دورة الهجرة",
            "zh": "在整个移民周期加强领事保护、援助与合作",
            "en": "Enhance consular protection, assistance and cooperation throughout the migration cycle",
            "fr": "Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle "
                "migratoire",
            "ru": "Повышение эффективности консульской защиты, помощи и сотрудничества на протяжении всего "
                "миграционного цикла",
            "es": "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio",
        },
    ),
    15: (
        {
            "ar": "الحصول على الخدمات الأساسية",
            "zh": "获得基本服务",
            "en": "Access to basic services",
            "fr": "Accès aux services de base",
            "ru": "Доступ к базовым услугам",
            "es": "Acceso a los servicios básicos",
        },
        {
            "ar": "توفير إمكانية حصول المهاجرين على الخدمات الأساسية",
            "zh": "为移民提供获得基本服务的机会",
            "en": "Provide access to basic services for migrants",
            "fr": "Assurer l’accès des migrants aux services de base",
            "ru": "Обеспечение доступа мигрантов к базовым услугам",
            "es": "Proporcionar a los migrantes acceso a servicios básicos",
        },
    ),
    16: (
        {
            "ar": "الإدماج والتماسك الاجتماعي",
            "zh": "包容和社会凝聚力",
            "en": "Inclusion and social cohesion",
            "fr": "Intégration et cohésion sociale",
            "ru": "Интеграция и социальная сплоченность",
            "es": "Inclusión y cohesión social",
        },
        {
            "ar": "تمكين المهاجرين والمجتمعات من تحقيق الإدماج الكامل والتماسك الاجتماعي",
            "zh": "增强移民和社会的能力，以实现充分包容和社会凝聚力",
            "en": "Empower migrants and societies to realize full inclusion and social cohesion",
            "fr": "Donner aux migrants et aux sociétés les moyens de favoriser l’intégration et la cohésion sociale",
            "ru": "Создание для мигрантов и обществ благоприятных условий, обеспечивающих полную социальную "
                "интеграцию и сплоченность",
            "es": "Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social",
        },
    ),
    17: (
        {
            "ar": "القضاء على التمييز",
            "zh": "消除歧视",
            "en": "Eliminate discrimination",
            "fr": "Éliminer les discriminations",
            "ru": "Ликвидация дискриминации",
            "es": "Eliminar la discriminación",
        },
        {
            "ar": "القضاء على جميع أشكال التمييز وتعزيز الخطاب العام المستند إلى الأدلة من أجل تشكيل تصورات عن "
                "الهجرة",
            "zh": "消除一切形式的歧视，促进以证据为基础的公共讨论，以塑造对移民的看法",
            "en": "Eliminate all forms of discrimination and promote evidence-based public discourse to shape "
                "perceptions of migration",
            "fr": "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse "
                "des faits afin de faire évoluer la manière dont les migrations sont perçues",
            "ru": "Искоренение всех форм дискриминации и поощрение основанного на фактических данных публичного "
                "дискурса в целях формирования представлений о миграции",
            "es": "Eliminar todas las formas de discriminación y promover un discurso público con base empírica "
                "para modificar las percepciones de la migración",
        },
    ),
    18: (
        {
            "ar": "تنمية المهارات والاعتراف بها",
            "zh": "技能发展和承认",
            "en": "Skills development and recognition",
            "fr": "Perfectionnement et reconnaissance des qualifications",
            "ru": "Развитие и признание навыков",
            "es": "Desarrollo y reconocimiento de competencias",
        },
        {
            "ar": "الاستثمار في تنمية المهارات وتيسير الاعتراف المتبادل بالمهارات والمؤهلات والكفاءات",
            "zh": "投资于技能开发，促进技能、资格和能力的相互承认",
            "en": "Invest in skills development and facilitate mutual recognition of skills, qualifications and "
                "competences",
            "fr": "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des "
                "aptitudes, qualifications et compétences",
            "ru": "Инвестирование в развитие навыков и содействие взаимному признанию навыков, квалификаций и "
                "компетенций",
            "es": "Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, "
                "cualificaciones y competencias",
        },
    ),
    19: (
        {
            "ar": "مساهمات المهاجرين والمغتربين",
            "zh": "移民和侨民的贡献",
            "en": "Migrant and diaspora contributions",
            "fr": "Contributions des migrants et diaspora",
            "ru": "Вклад мигрантов и диаспор",
            "es": "Contribución de migrantes y diásporas",
        },
        {
            "ar": "تهيئة الظروف التي تمكّن المهاجرين والمغتربين من المساهمة الكاملة في التنمية المستدامة في جميع "
                "البلدان",
            "zh": "为移民和侨民充分促进所有国家的可持续发展创造条件",
            "en": "Create conditions for migrants and diasporas to fully contribute to sustainable development in "
                "all countries",
            "fr": "Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au "
                "développement durable dans tous les pays",
            "ru": "Создание условий для того, чтобы мигранты и диаспоры могли в полной мере содействовать "
                "устойчивому развитию во всех странах",
            "es": "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir "
                "plenamente al desarrollo sostenible en todos los países",
        },
    ),
    20: (
        {
            "ar": "التحويلات المالية",
            "zh": "汇款",
            "en": "Remittances",
            "fr": "Envois de fonds",
            "ru": "Денежные переводы",
            "es": "Remesas",
        },
        {
            "ar": "تعزيز تحويل المهاجرين للأموال بطرق أسرع وأكثر أمانا وأقل تكلفة وتيسير الشمول المالي للمهاجرين",
            "zh": "促进更快、更安全和更便宜地转移汇款，促进移民的金融包容",
            "en": "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of "
                "migrants",
            "fr": "Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser "
                "l’inclusion financière des migrants",
            "ru": "Содействие более быстрому, безопасному и дешевому переводу денежных средств и поощрение "
                "финансовой интеграции мигрантов",
            "es": "Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión "
                "financiera de los migrantes",
        },
    ),
    21: (
        {
            "ar": "العودة الكريمة وإعادة الإدماج",
            "zh": "有尊严的返回和重新融入",
            "en": "Dignified return and reintegration",
            "fr": "Retour digne et réintégration durable",
            "ru": "Достойное возвращение и реинтеграция",
            "es": "Retorno y reintegración dignos",
        },
        {
            "ar": "التعاون على تيسير العودة وإعادة القبول في ظروف آمنة وكريمة، وكذلك إعادة الإدماج المستدام",
            "zh": "开展合作，为安全和有尊严的返回和重新接纳以及可持续的重新融入提供便利",
            "en": "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable "
                "reintegration",
            "fr": "Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dans "
                "la dignité, ainsi que leur réintégration durable",
            "ru": "Сотрудничество в содействии безопасному и достойному возвращению и реадмиссии, а также "
                "устойчивой реинтеграции",
            "es": "Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así "
                "como la reintegración sostenible",
        },
    ),
    22: (
        {
            "ar": "الحماية الاجتماعية",
            "zh": "社会保护",
            "en": "Social protection",
            "fr": "Protection sociale",
            "ru": "Социальная защита",
            "es": "Protección social",
        },
        {
            "ar": "إنشاء آليات لنقل استحقاقات الضمان الاجتماعي والاستحقاقات المكتسبة",
            "zh": "建立社会保障权利和既得福利的可携带性机制",
            "en": "Establish mechanisms for the portability of social security entitlements and earned benefits",
            "fr": "Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages "
                "acquis",
            "ru": "Создание механизмов для переноса прав на социальное обеспечение и заработанных пособий",
            "es": "Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas",
        },
    ),
    23: (
        {
            "ar": "التعاون الدولي",
            "zh": "国际合作",
            "en": "International cooperation",
            "fr": "Coopération internationale",
            "ru": "Международное сотрудничество",
            "es": "Cooperación internacional",
        },
        {
            "ar": "تعزيز التعاون الدولي والشراكات العالمية من أجل تحقيق الهجرة الآمنة والمنظمة والنظامية",
            "zh": "加强国际合作和全球伙伴关系，促进安全、有序和正常移民",
            "en": "Strengthen international cooperation and global partnerships for safe, orderly and regular "
                "migration",
            "fr": "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, "
                "ordonnées et régulières",
            "ru": "Укрепление международного сотрудничества и глобального партнерства в целях обеспечения "
                "безопасной, упорядоченной и легальной миграции",
            "es": "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, "
                "ordenada y regular",
        },
    ),
}

# slug: titles, in the GCM's order
PRINCIPLES = {
    "people-centred": {
        "ar": "محورية الإنسان",
        "zh": "以人为中心",
        "en": "People-centred",
        "fr": "Axé sur l’être humain",
        "ru": "Ориентированность на людей",
        "es": "Centrado en las personas",
    },
    "international-cooperation": {
        "ar": "التعاون الدولي",
        "zh": "国际合作",
        "en": "International cooperation",
        "fr": "Coopération internationale",
        "ru": "Международное сотрудничество",
        "es": "Cooperación internacional",
    },
    "national-sovereignty": {
        "ar": "السيادة الوطنية",
        "zh": "国家主权",
        "en": "National sovereignty",
        "fr": "Souveraineté nationale",
        "ru": "Национальный суверенитет",
        "es": "Soberanía nacional",
    },
    "rule-of-law": {
        "ar": "سيادة القانون وضمانات مراعاة الأصول القانونية",
        "zh": "法治和正当程序",
        "en": "Rule of law and due process",
        "fr": "État de droit et garanties procédurales",
        "ru": "Верховенство права и надлежащая правовая процедура",
        "es": "Estado de derecho y garantías procesales",
    },
    "sustainable-development": {
        "ar": "التنمية المستدامة",
        "zh": "可持续发展",
        "en": "Sustainable development",
        "fr": "Développement durable",
        "ru": "Устойчивое развитие",
        "es": "Desarrollo sostenible",
    },
    "human-rights": {
        "ar": "حقوق الإنسان",
        "zh": "人权",
        "en": "Human rights",
        "fr": "Droits de l’homme",
        "ru": "Права человека",
        "es": "Derechos humanos",
    },
    "gender-responsive": {
        "ar": "مراعاة المنظور الجنساني",
        "zh": "促进性别平等",
        "en": "Gender-responsive",
        "fr": "Prise en compte de la problématique femmes-hommes",
        "ru": "Учет гендерной проблематики",
        "es": "Perspectiva de género",
    },
    "child-sensitive": {
        "ar": "مراعاة مصالح الطفل",
        "zh": "敏感认识到儿童问题",
        "en": "Child-sensitive",
        "fr": "Prise en compte de la situation des enfants",
        "ru": "Учет интересов детей",
        "es": "Perspectiva infantil",
    },
    "whole-of-government": {
        "ar": "النهج الحكومي الشامل",
        "zh": "全政府办法",
        "en": "Whole-of-government approach",
        "fr": "Approche mobilisant l’ensemble des pouvoirs publics",
        "ru": "Общегосударственный подход",
        "es": "Enfoque pangubernamental",
    },
    "whole-of-society": {
        "ar": "النهج المجتمعي الشامل",
        "zh": "全社会办法",
        "en": "Whole-of-society approach",
        "fr": "Approche mobilisant toute la société",
        "ru": "Общесоциальный подход",
        "es": "Enfoque pansocial",
    },
}

# number: (titles, objective numbers)
ROUND_TABLES = {
    1: (
        {
            "ar": "دوافع الهجرة ومسارات الهجرة النظامية",
            "zh": "移民驱动因素和正常移民途径",
            "en": "Drivers of migration and regular pathways",
            "fr": "Facteurs de migration et filières régulières",
            "ru": "Факторы миграции и пути легальной миграции",
            "es": "Factores impulsores de la migración y vías regulares",
        },
        (2, 5, 6, 12, 18),
    ),
    2: (
        {
            "ar": "حوكمة الهجرة وإنقاذ الأرواح وإعادة الإدماج المستدام",
            "zh": "移民治理、拯救生命和可持续的重新融入",
            "en": "Migration governance, saving lives and sustainable reintegration",
            "fr": "Gouvernance des migrations, sauvetage de vies et réintégration durable",
            "ru": "Управление миграцией, спасение жизней и устойчивая реинтеграция",
            "es": "Gobernanza de la migración, salvar vidas y reintegración sostenible",
        },
        (4, 8, 9, 10, 11, 13, 21),
    ),
    3: (
        {
            "ar": "الإدماج",
            "zh": "包容",
            "en": "Inclusion",
            "fr": "Inclusion",
            "ru": "Интеграция",
            "es": "Inclusión",
        },
        (14, 15, 16, 19, 20, 22),
    ),
    4: (
        {
            "ar": "البيانات والمعلومات والسياسات القائمة على الأدلة",
            "zh": "数据、信息和循证政策",
            "en": "Data, information and evidence-based policy",
            "fr": "Données, information et politiques fondées sur des données probantes",
            "ru": "Данные, информация и политика на основе фактических данных",
            "es": "Datos, información y políticas con base empírica",
        },
        (1, 3, 7, 17, 23),
    ),
}

# M49 sub-region (English, as stored): its name in the other languages
SUBREGIONS = {
    "Australia and New Zealand": {
        "ar": "أستراليا ونيوزيلندا",
        "zh": "澳大利亚和新西兰",
        "fr": "Australie et Nouvelle-Zélande",
        "ru": "Австралия и Новая Зеландия",
        "es": "Australia y Nueva Zelandia",
    },
    "Caribbean": {
        "ar": "منطقة البحر الكاريبي",
        "zh": "加勒比",
        "fr": "Caraïbes",
        "ru": "Карибский бассейн",
        "es": "Caribe",
    },
    "Central America": {
        "ar": "أمريكا الوسطى",
        "zh": "中美洲",
        "fr": "Amérique centrale",
        "ru": "Центральная Америка",
        "es": "Centroamérica",
    },
    "Central Asia": {
        "ar": "آسيا الوسطى",
        "zh": "中亚",
        "fr": "Asie centrale",
        "ru": "Центральная Азия",
        "es": "Asia central",
    },
    "Eastern Africa": {
        "ar": "شرق أفريقيا",
        "zh": "东部非洲",
        "fr": "Afrique de l’Est",
        "ru": "Восточная Африка",
        "es": "África oriental",
    },
    "Eastern Asia": {
        "ar": "شرق آسيا",
        "zh": "东亚",
        "fr": "Asie de l’Est",
        "ru": "Восточная Азия",
        "es": "Asia oriental",
    },
    "Eastern Europe": {
        "ar": "شرق أوروبا",
        "zh": "东欧",
        "fr": "Europe de l’Est",
        "ru": "Восточная Европа",
        "es": "Europa oriental",
    },
    "Melanesia": {
        "ar": "ميلانيزيا",
        "zh": "美拉尼西亚",
        "fr": "Mélanésie",
        "ru": "Меланезия",
        "es": "Melanesia",
    },
    "Micronesia": {
        "ar": "ميكرونيزيا",
        "zh": "密克罗尼西亚",
        "fr": "Micronésie",
        "ru": "Микронезия",
        "es": "Micronesia",
    },
    "Middle Africa": {
        "ar": "وسط أفريقيا",
        "zh": "中部非洲",
        "fr": "Afrique centrale",
        "ru": "Центральная Африка",
        "es": "África central",
    },
    "Northern Africa": {
        "ar": "شمال أفريقيا",
        "zh": "北部非洲",
        "fr": "Afrique du Nord",
        "ru": "Северная Африка",
        "es": "África septentrional",
    },
    "Northern America": {
        "ar": "أمريكا الشمالية",
        "zh": "北美",
        "fr": "Amérique du Nord",
        "ru": "Северная Америка",
        "es": "América septentrional",
    },
    "Northern Europe": {
        "ar": "شمال أوروبا",
        "zh": "北欧",
        "fr": "Europe du Nord",
        "ru": "Северная Европа",
        "es": "Europa septentrional",
    },
    "Polynesia": {
        "ar": "بولينيزيا",
        "zh": "波利尼西亚",
        "fr": "Polynésie",
        "ru": "Полинезия",
        "es": "Polinesia",
    },
    "South America": {
        "ar": "أمريكا الجنوبية",
        "zh": "南美洲",
        "fr": "Amérique du Sud",
        "ru": "Южная Америка",
        "es": "América del Sur",
    },
    "South-eastern Asia": {
        "ar": "جنوب شرق آسيا",
        "zh": "东南亚",
        "fr": "Asie du Sud-Est",
        "ru": "Юго-Восточная Азия",
        "es": "Asia sudoriental",
    },
    "Southern Africa": {
        "ar": "الجنوب الأفريقي",
        "zh": "南部非洲",
        "fr": "Afrique australe",
        "ru": "Южная часть Африки",
        "es": "África meridional",
    },
    "Southern Asia": {
        "ar": "جنوب آسيا",
        "zh": "南亚",
        "fr": "Asie du Sud",
        "ru": "Южная Азия",
        "es": "Asia meridional",
    },
    "Southern Europe": {
        "ar": "جنوب أوروبا",
        "zh": "南欧",
        "fr": "Europe du Sud",
        "ru": "Южная Европа",
        "es": "Europa meridional",
    },
    "Western Africa": {
        "ar": "غرب أفريقيا",
        "zh": "西部非洲",
        "fr": "Afrique de l’Ouest",
        "ru": "Западная Африка",
        "es": "África occidental",
    },
    "Western Asia": {
        "ar": "غرب آسيا",
        "zh": "西亚",
        "fr": "Asie de l’Ouest",
        "ru": "Западная Азия",
        "es": "Asia occidental",
    },
    "Western Europe": {
        "ar": "غرب أوروبا",
        "zh": "西欧",
        "fr": "Europe de l’Ouest",
        "ru": "Западная Европа",
        "es": "Europa occidental",
    },
}

# Champion countries of the GCM named in the 2022 regional review of Latin America and the Caribbean.
CHAMPIONS = ('COL', 'CRI', 'ECU', 'SLV', 'HND', 'MEX')
