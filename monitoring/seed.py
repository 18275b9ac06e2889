"""The methodology's questionnaires (Р-145, appendix «Мониторинг и оценка результатов реализации программы
наставничества»), shipped as editable templates: a data migration writes them once, the methodologist
edits or copies them in the browser afterwards."""

from __future__ import annotations

# (section, text, kind, options, feeds)
SCALE = "scale"
TEXT = "text"
SINGLE = "single"
MULTIPLE = "multiple"

PROCESS = "Оценка процесса (этап 1)"
GROWTH = "Самооценка (этап 2)"
SWOT = "Что получилось и что мешало"

FORMAT_OPTIONS = (
    "Личные встречи\nГрупповые встречи\nОнлайн-общение\nСовместные проекты\nМероприятия вне школы"
)

MENTOR_SATISFACTION = [
    (PROCESS, "Насколько вы удовлетворены участием в программе наставничества?", SCALE, "", "satisfaction"),
    (PROCESS, "Насколько комфортно было работать с наставляемым?", SCALE, "", "satisfaction"),
    (PROCESS, "Насколько полезными были встречи с наставляемым?", SCALE, "", "satisfaction"),
    (PROCESS, "Насколько вы удовлетворены поддержкой куратора программы?", SCALE, "", "satisfaction"),
    (PROCESS, "Какие форматы работы вы использовали?", MULTIPLE, FORMAT_OPTIONS, ""),
]
MENTEE_SATISFACTION = [
    (PROCESS, "Насколько вы удовлетворены участием в программе наставничества?", SCALE, "", "satisfaction"),
    (PROCESS, "Насколько комфортно было общение с наставником?", SCALE, "", "satisfaction"),
    (PROCESS, "Насколько полезной была помощь наставника?", SCALE, "", "satisfaction"),
    (PROCESS, "Насколько понятны были цели и задачи вашей программы?", SCALE, "", "satisfaction"),
    (PROCESS, "Какие форматы работы были полезнее всего?", MULTIPLE, FORMAT_OPTIONS, ""),
    (
        PROCESS,
        "Хотели бы вы в будущем сами стать наставником?",
        SINGLE,
        "Да\nСкорее да\nПока не знаю\nНет",
        "",
    ),
]
SWOT_OF_PARTICIPANT = [
    (SWOT, "Что было самым полезным в программе?", TEXT, "", "strength"),
    (SWOT, "Что мешало работе пары или группы?", TEXT, "", "weakness"),
    (SWOT, "Что стоит добавить в программу в следующем году?", TEXT, "", "opportunity"),
]

# Self-assessment of growth, by form of mentoring: the same questions at entry and at exit.
GROWTH_OF = {
    "педагог – педагог": {
        "mentee": [
            ("Насколько уверенно вы планируете и проводите урок?", "professional"),
            ("Насколько уверенно вы выстраиваете дисциплину и общение с классом?", "competence"),
            ("Насколько уверенно вы работаете с родителями обучающихся?", "competence"),
            ("Насколько вы хотите продолжать работать в школе?", "motivation"),
        ],
        "mentor": [
            ("Насколько уверенно вы передаёте свой опыт молодому коллеге?", "competence"),
            ("Насколько вы готовы к новым методическим задачам?", "professional"),
            ("Насколько вам интересна роль наставника?", "motivation"),
        ],
    },
    "педагог – учащийся": {
        "mentee": [
            ("Насколько уверенно вы ставите себе учебные цели?", "competence"),
            ("Насколько вам интересно учиться?", "motivation"),
            ("Насколько ясно вы представляете будущую профессию?", "professional"),
        ],
        "mentor": [
            ("Насколько уверенно вы поддерживаете учащегося вне урока?", "competence"),
            ("Насколько вам интересна роль наставника?", "motivation"),
        ],
    },
    "учащийся – учащийся": {
        "mentee": [
            ("Насколько уверенно ты справляешься с учёбой?", "competence"),
            ("Насколько тебе нравится ходить в школу?", "motivation"),
            ("Насколько легко тебе работать в команде?", "professional"),
        ],
        "mentor": [
            ("Насколько уверенно ты объясняешь другим то, что знаешь сам?", "competence"),
            ("Насколько тебе интересно помогать младшим?", "motivation"),
            ("Насколько уверенно ты организуешь общее дело?", "professional"),
        ],
    },
}
# For any other form of mentoring (the federal ones, those the methodologist adds): the general questions.
GROWTH_OF[None] = {
    "mentee": [
        ("Насколько уверенно вы справляетесь с задачами, ради которых пришли в программу?", "competence"),
        ("Насколько вам интересно то, чем вы занимаетесь с наставником?", "motivation"),
        ("Насколько ясно вы видите своё профессиональное будущее?", "professional"),
    ],
    "mentor": [
        ("Насколько уверенно вы передаёте свой опыт наставляемому?", "competence"),
        ("Насколько вам интересна роль наставника?", "motivation"),
        ("Насколько наставничество помогает вам расти профессионально?", "professional"),
    ],
}
ROLE_TITLE = {"mentor": "наставника", "mentee": "наставляемого"}
MOMENT_TITLE = {"entry": "на входе", "exit": "на выходе"}

COORDINATOR = [
    (PROCESS, "Насколько обеспечена программа кадрами наставников?", SCALE, "", ""),
    (PROCESS, "Насколько обеспечена программа помещениями и временем для встреч?", SCALE, "", ""),
    (PROCESS, "Насколько активно участвуют партнёры организации?", SCALE, "", ""),
    (SWOT, "Сильные стороны программы наставничества организации", TEXT, "", "strength"),
    (SWOT, "Слабые стороны программы", TEXT, "", "weakness"),
    (SWOT, "Возможности (партнёры, ресурсы, мероприятия района)", TEXT, "", "opportunity"),
    (SWOT, "Угрозы (что может помешать программе)", TEXT, "", "threat"),
]

INTRODUCTION = (
    "Ответы показываются только сводно, по группам не меньше пяти человек. Оцените каждое утверждение "
    "от 1 (совсем нет) до 10 (полностью да); в свободных ответах пишите так, как удобно."
)


def questionnaires() -> list[dict]:
    """Every seeded questionnaire: title, respondent, moment, form name and its questions."""
    found = []
    for form, roles in GROWTH_OF.items():
        for role, growth in roles.items():
            for moment in ("entry", "exit"):
                questions = [(GROWTH, text, SCALE, "", feeds) for text, feeds in growth]
                if moment == "exit":
                    satisfaction = MENTOR_SATISFACTION if role == "mentor" else MENTEE_SATISFACTION
                    questions = satisfaction + questions + SWOT_OF_PARTICIPANT
                else:
                    questions = questions + [
                        (SWOT, "Чего вы ждёте от программы наставничества?", TEXT, "", "")
                    ]
                found.append(
                    {
                        "title": f"Анкета {ROLE_TITLE[role]} {MOMENT_TITLE[moment]} "
                        + (f"(«{form}»)" if form else "(любая форма)"),
                        "respondent": role,
                        "moment": moment,
                        "form": form,
                        "questions": questions,
                    }
                )
    found.append(
        {
            "title": "Анкета куратора: условия реализации программы (SWOT)",
            "respondent": "coordinator",
            "moment": "exit",
            "form": None,
            "questions": COORDINATOR,
        }
    )
    return found


def seed(apps, schema_editor=None) -> None:
    """Writes the questionnaires with historical models (from the migration) or real ones."""
    Questionnaire = apps.get_model("monitoring", "Questionnaire")
    Question = apps.get_model("monitoring", "Question")
    MentoringForm = apps.get_model("directory", "MentoringForm")
    forms = dict(MentoringForm.objects.values_list("name", "id"))
    for spec in questionnaires():
        questionnaire, created = Questionnaire.objects.get_or_create(
            title=spec["title"],
            version=1,
            defaults={
                "respondent": spec["respondent"],
                "moment": spec["moment"],
                "form_id": forms.get(spec["form"]),
                "introduction": INTRODUCTION,
            },
        )
        if not created:
            continue
        Question.objects.bulk_create(
            Question(
                questionnaire=questionnaire, position=position, section=section, text=text, kind=kind,
                options=options, feeds=feeds, required=kind != TEXT,
            )
            for position, (section, text, kind, options, feeds) in enumerate(spec["questions"], start=1)
        )  # fmt: skip
