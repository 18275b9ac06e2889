"""The indicators of a school year: each defined once — code, Russian name, what it counts, unit and level.

Every page and document that states a figure of a year (home, the dashboard, the annual analysis, the
statistical forms, a submission's review) reads these definitions and the values `indicators.values`
computes for them; nothing else names or counts a figure of the year.

Two levels:
- ORGANISATION: counted per organisation and added up over the organisations of a report; frozen with the
  organisation's report when the coordinator submits it, and read from that frozen report once accepted;
- SCHOOL: the records of the district's school of mentoring itself (meetings, roadmap), always live.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ORGANISATION = "organisation"
SCHOOL = "school"

PEOPLE = _("чел.")
PAIRS = _("пар и групп")
PIECES = _("шт.")
PERCENT = "%"
POINTS = _("баллов")


@dataclass(frozen=True)
class Definition:
    code: str
    name: str
    definition: str
    unit: str
    level: str = ORGANISATION

    @property
    def is_percent(self) -> bool:
        return self.unit == PERCENT

    @property
    def is_count(self) -> bool:
        """A count: the district's value is the sum of the organisations' (a share or a mean change is not)."""
        return self.unit not in (PERCENT, POINTS)


DEFINITIONS = (
    Definition(
        "mentors", _("Наставников в банке"),
        _("Наставники банка наставников из организаций отчёта, вошедшие в банк не позже конца периода и не выбывшие."),
        PEOPLE,
    ),
    Definition(
        "mentors_in_pairs", _("Наставников в парах периода"),
        _("Разные наставники пар и групп, работавших в периоде (в каждой организации — без повторов)."),
        PEOPLE,
    ),
    Definition(
        "mentees", _("Наставляемых в базе"),
        _("Наставляемые базы наставляемых из организаций отчёта, вошедшие в неё не позже конца периода."),
        PEOPLE,
    ),
    Definition(
        "mentees_in_pairs", _("Наставляемых в парах периода"),
        _("Разные наставляемые пар и групп, работавших в периоде (в каждой организации — без повторов)."),
        PEOPLE,
    ),
    Definition(
        "pairs_active", _("Пар и групп работало"),
        _("Пары и группы, которые в периоде хотя бы день были в состоянии «действует»."),
        PAIRS,
    ),
    Definition(
        "pairs_completed", _("Пар и групп завершено"),
        _("Пары и группы в состоянии «завершена» с датой окончания в периоде."),
        PAIRS,
    ),
    Definition(
        "programs", _("Персонализированных программ"),
        _("Персонализированные программы пар и групп, работавших в периоде."),
        PIECES,
    ),
    Definition(
        "org_programs", _("Программ наставничества организаций"),
        _("Программы наставничества организаций, действовавшие хотя бы день периода."),
        PIECES,
    ),
    Definition(
        "young", _("Молодых педагогов"),
        _("Педагоги моложе предельного возраста со стажем меньше предельного или назначенные «молодым "
          "специалистом» — на конец периода (в текущем периоде — на сегодня)."),
        PEOPLE,
    ),
    Definition(
        "young_with_mentor", _("Молодых педагогов с наставником"),
        _("Из молодых педагогов — наставляемые пары или группы, работавшей в периоде."),
        PEOPLE,
    ),
    Definition(
        "young_with_mentor_share", _("Доля молодых педагогов с наставником, %"),
        _("Молодых педагогов с наставником ÷ молодых педагогов × 100."),
        PERCENT,
    ),
    Definition(
        "pupils_mentees_share", _("Доля обучающихся 10–18 лет — наставляемых, %"),
        _("Обучающиеся 10–18 лет — наставляемые пар периода ÷ численность обучающихся 10–18 лет из отчётов "
          "организаций × 100; только по организациям, указавшим численность."),
        PERCENT,
    ),
    Definition(
        "pupils_mentors_share", _("Доля обучающихся 15–19 лет — наставников, %"),
        _("Обучающиеся 15–19 лет — наставники пар периода ÷ численность обучающихся 15–19 лет из отчётов "
          "организаций × 100; только по организациям, указавшим численность."),
        PERCENT,
    ),
    Definition(
        "mentor_satisfaction", _("Удовлетворённость наставников, %"),
        _("Средняя оценка наставников по вопросам анкет с отметкой «удовлетворённость» (шкала 1–10) × 10, по "
          "ответам, полученным в периоде; показывается, когда ответили не меньше пяти наставников."),
        PERCENT,
    ),
    Definition(
        "mentee_satisfaction", _("Удовлетворённость наставляемых, %"),
        _("Средняя оценка наставляемых по вопросам анкет с отметкой «удовлетворённость» (шкала 1–10) × 10, по "
          "ответам, полученным в периоде; показывается, когда ответили не меньше пяти наставляемых."),
        PERCENT,
    ),
    Definition(
        "growth_motivation", _("Рост мотивации и личностный рост, баллов"),
        _("Средняя самооценка участников на выходе из программы минус средняя на входе (вопросы с отметкой "
          "«мотивация», шкала 1–10), по ответам периода; когда на выходе ответили не меньше пяти человек."),
        POINTS,
    ),
    Definition(
        "growth_competence", _("Рост компетенций, баллов"),
        _("Средняя самооценка участников на выходе минус средняя на входе (вопросы с отметкой «компетенции», "
          "шкала 1–10), по ответам периода; когда на выходе ответили не меньше пяти человек."),
        POINTS,
    ),
    Definition(
        "growth_professional", _("Профессиональный рост, баллов"),
        _("Средняя самооценка участников на выходе минус средняя на входе (вопросы с отметкой «профессиональный "
          "рост», шкала 1–10), по ответам периода; когда на выходе ответили не меньше пяти человек."),
        POINTS,
    ),
    Definition(
        "survey_respondents", _("Заполнено анкет мониторинга"),
        _("Анкеты наставников, наставляемых и кураторов, ответ на которые получен в периоде (одна анкета — "
          "один участник одного опроса)."),
        PIECES,
    ),
    Definition(
        "organizations_implementing", _("Организаций, реализующих целевую модель"),
        _("Организации, в которых в периоде работала хотя бы одна пара или группа."),
        PIECES,
    ),
    Definition(
        "pedagogues", _("Педагогов в организациях"),
        _("Люди категории «педагог» организаций отчёта (не обезличенные)."),
        PEOPLE,
    ),
    Definition(
        "pedagogue_mentors", _("Педагогов — наставников"),
        _("Педагоги организаций отчёта — наставники пар и групп, работавших в периоде."),
        PEOPLE,
    ),
    Definition(
        "pedagogue_mentors_share", _("Доля педагогов — наставников, %"),
        _("Педагогов — наставников ÷ педагогов × 100."),
        PERCENT,
    ),
    Definition(
        "mentors_trained", _("Наставников прошли обучение"),
        _("Наставники банка, окончившие курс или стажировку обучения наставников в учебном году периода "
          "(не позже конца периода)."),
        PEOPLE,
    ),
    Definition(
        "partner_mentor_sources", _("Партнёров предоставили наставников"),
        _("Организации-партнёры (партнёры МШН, связанные с организацией справочника), чьи люди — наставники "
          "пар периода других организаций; каждая организация считает своих партнёров."),
        PIECES,
    ),
    Definition(
        "mentees_became_mentors", _("Бывших наставляемых стали наставниками"),
        _("Наставники пар периода, которые раньше были наставляемыми пары, завершённой до начала их пары."),
        PEOPLE,
    ),
    Definition(
        "meetings_held", _("Заседаний МШН проведено (нужно не меньше 2)"),
        _("Заседания Школы наставничества учебного года с утверждённым протоколом, дата которых наступила."),
        PIECES, SCHOOL,
    ),
    Definition(
        "roadmap_done", _("Пунктов дорожной карты выполнено"),
        _("Пункты дорожной карты учебного года в состоянии «выполнено»."),
        PIECES, SCHOOL,
    ),
    Definition(
        "roadmap_overdue", _("Пунктов дорожной карты просрочено"),
        _("Пункты дорожной карты учебного года, срок которых прошёл, а они не выполнены и не отменены."),
        PIECES, SCHOOL,
    ),
    Definition(
        "practices_published", _("Практик опубликовано"),
        _("Практики наставничества учебного года, опубликованные в банке не позже конца периода."),
        PIECES,
    ),
    Definition(
        "practices_best", _("Лучших практик"),
        _("Из опубликованных практик — признанные лучшими."),
        PIECES,
    ),
    Definition(
        "website_share", _("Соответствие сайтов перечню, %"),
        _("Найдено пунктов перечня на проверенных сайтах ÷ (пунктов перечня × проверенных сайтов) × 100, "
          "по последнему раунду проверки периода."),
        PERCENT,
    ),
)  # fmt: skip

BY_CODE = {definition.code: definition for definition in DEFINITIONS}
CODES = tuple(BY_CODE)
CHOICES = [(definition.code, definition.name) for definition in DEFINITIONS]


def definition(code: str) -> Definition:
    return BY_CODE[code]
