"""This capability's part of the demo district (called by `load_demo`; must be idempotent).

The previous school year has two approved meetings; the current one an approved meeting and a draft;
both years have a roadmap built from the order and the regulation, some items done, some overdue.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from directory.models import AcademicYear, PersonCategory
from meetings import services
from meetings.models import (
    AgendaItem,
    Meeting,
    PlanDirection,
    PlanItem,
    RoadmapItem,
    RoadmapStatus,
    SupportPlan,
)
from registry.models import Person

HEAD = ("Суровцева", "Ольга", "Алексеевна", "методист МКУ «ЦОМОУ», руководитель МШН")

# stage, activity, (month, day) or None, responsible (org index, "head" or text), expected result
ROADMAP = [
    (
        "Организационный",
        "Утверждение дорожной карты МШН на учебный год",
        (9, 15),
        "head",
        "Дорожная карта, распоряжение",
    ),
    (
        "Организационный",
        "Заседание МШН: планирование работы на учебный год",
        (10, 20),
        "head",
        "Протокол заседания",
    ),
    (
        "Банк наставников",
        "Актуализация банка наставников и наставляемых (персонифицированный учёт)",
        (9, 30),
        "Кураторы ОО",
        "Банк наставников и наставляемых",
    ),
    (
        "Банк молодых педагогов",
        "Сбор сведений о молодых педагогах и закреплённых за ними наставниках",
        (10, 1),
        "Кураторы ОО",
        "Банк молодых педагогов",
    ),
    (
        "Банк практик",
        "Пополнение муниципального банка наставнических практик форм «педагог – педагог», «педагог – учащийся», «учащийся – учащийся»",
        (12, 15),
        "head",
        "Банк наставнических практик",
    ),
    (
        "Банк программ",
        "Формирование муниципального банка программ наставничества образовательных организаций",
        (11, 30),
        "Кураторы ОО",
        "Банк программ наставничества",
    ),
    (
        "Методическое сопровождение",
        "Семинар для наставников «Персонализированная программа наставничества: от запроса к результату»",
        (11, 20),
        0,
        "Материалы семинара, лист регистрации",
    ),
    (
        "Методическое сопровождение",
        "Консультативная помощь педагогам ДОУ по организации наставничества",
        None,
        "head",
        "Журнал консультаций",
    ),
    (
        "Повышение мастерства наставников",
        "Стажировка наставников на стажировочной площадке",
        (2, 20),
        12,
        "Программа стажировки, сертификаты участников",
    ),
    (
        "Популяризация наставничества",
        "Муниципальный конкурс «Лучшая практика наставничества»",
        (3, 15),
        "head",
        "Приказ об итогах конкурса",
    ),
    (
        "Отчётность",
        "Заполнение форм статистического наблюдения о количестве участников персонализированных программ",
        (1, 20),
        "Кураторы ОО",
        "Формы статистического наблюдения",
    ),
    (
        "Мониторинг",
        "Проверка сайтов образовательных организаций на наличие документов по реализации целевой модели наставничества",
        (4, 30),
        "head",
        "Справка по итогам проверки",
    ),
    (
        "Организационный",
        "Заседание МШН: итоги работы пар и групп, результаты мониторинга",
        (4, 20),
        "head",
        "Протокол заседания",
    ),
    (
        "Мониторинг",
        "Мониторинг эффективности и результативности целевой модели наставничества (анкетирование участников)",
        (5, 15),
        "head",
        "Аналитическая справка",
    ),
    (
        "Анализ",
        "Анализ работы МШН за учебный год и проект плана на следующий год",
        (6, 30),
        "head",
        "Анализ работы МШН, проект дорожной карты",
    ),
    (
        "Нормативная база",
        "Изучение новых нормативных документов по наставничеству и доведение их до кураторов ОО",
        None,
        "head",
        "Информационные письма",
    ),
]
# Indexes left unfinished (overdue once their deadline passes), and the one cancelled.
OPEN_IN_CURRENT_YEAR = {2, 4}
OPEN_IN_PREVIOUS_YEAR = {10}
CANCELLED_IN_PREVIOUS_YEAR = 9

AGENDAS = {
    "autumn": [
        (
            "Об утверждении дорожной карты МШН на %(year)s учебный год",
            "О.А. Суровцева",
            "о задачах муниципальной Школы наставничества и проекте дорожной карты на учебный год",
            "Кураторы ОО предложили провести семинар для наставников до конца ноября.",
            "Утвердить дорожную карту МШН на %(year)s учебный год.\n"
            "Кураторам ОО до 30 октября актуализировать банк наставников и наставляемых.",
        ),
        (
            "О формировании банка молодых педагогов, имеющих наставников",
            "О.А. Суровцева",
            "о порядке сбора сведений о молодых педагогах и закреплённых за ними наставниках",
            "",
            "Кураторам ОО представить сведения о молодых педагогах до 1 ноября.\n"
            "Руководителю МШН обобщить сведения и довести их до отдела образования.",
        ),
    ],
    "spring": [
        (
            "Об итогах работы наставнических пар и групп",
            "О.А. Суровцева",
            "об итогах реализации персонализированных программ наставничества",
            "Кураторы базовых школ рассказали об опыте наставничества «педагог – педагог».",
            "Признать работу наставнических пар удовлетворительной.\n"
            "Включить лучшие практики в муниципальный банк наставнических практик.",
        ),
        (
            "О проверке сайтов образовательных организаций",
            "О.А. Суровцева",
            "о результатах проверки разделов «Наставничество» на сайтах образовательных организаций",
            "",
            "Кураторам ОО до 15 мая разместить недостающие документы на сайтах.",
        ),
    ],
}


def load(demo) -> str:
    """Fill the capability's demo records once; return a line for the console, or ""."""
    line = "" if Meeting.objects.exists() else _load_meetings(demo)
    return " ".join(part for part in (line, load_plan()) if part)


def _load_meetings(demo) -> str:
    current, previous = demo.years[0], demo.years[1]
    head = _head_person(demo.organizations)
    people = _pedagogues(demo.rng)
    user = demo.users.get("metodist")
    today = timezone.localdate()
    meetings = [
        _meeting(previous, datetime.date(previous.start_year, 10, 18), "autumn", head, people[:8], user),
        _meeting(previous, datetime.date(previous.start_year + 1, 4, 17), "spring", head, people[:20], user),
        _meeting(current, _past_day(current, today), "autumn", head, people[8:16], user),
        _meeting(current, _future_day(current, today), "spring", head, people[:10], None),
    ]
    items = _roadmap(previous, demo.organizations, head, today) + _roadmap(
        current, demo.organizations, head, today
    )
    return f"Заседания: {len(meetings)}, пунктов дорожной карты: {items}."


def _head_person(organizations) -> Person:
    last, first, middle, position = HEAD
    centre = next((o for o in organizations if "ЦОМОУ" in o.short_name), organizations[0])
    person, _created = Person.objects.get_or_create(
        last_name=last,
        first_name=first,
        middle_name=middle,
        defaults={
            "category": PersonCategory.PEDAGOGUE,
            "organization": centre,
            "position": position,
            "birth_year": 1979,
        },
    )
    return person


def _pedagogues(rng) -> list[Person]:
    adults = list(
        Person.objects.filter(category=PersonCategory.PEDAGOGUE, is_anonymised=False).order_by("id")[:80]
    )
    rng.shuffle(adults)
    return adults


def _past_day(year: AcademicYear, today: datetime.date) -> datetime.date:
    return max(
        year.start_date, min(datetime.date(year.start_year, 10, 22), today - datetime.timedelta(days=7))
    )


def _future_day(year: AcademicYear, today: datetime.date) -> datetime.date:
    return min(
        year.end_date, max(datetime.date(year.start_year + 1, 3, 25), today + datetime.timedelta(days=14))
    )


def _meeting(year, day, season, head, people, user) -> Meeting:
    secretary = people[0] if people else head
    present = {head, secretary, *people}
    meeting = Meeting(
        year=year,
        date=day,
        time=datetime.time(14, 30),
        place="МКУ «ЦОМОУ», пгт Кировский, ул. Советская, 57, актовый зал",
        chair=head,
        secretary=secretary,
        guests="Сухов Семён Васильевич, специалист отдела образования",
    )
    services.create_meeting(meeting, present)
    for position, (topic, speakers, heard, spoke, decisions) in enumerate(AGENDAS[season], start=1):
        AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            topic=topic % {"year": year},
            speakers=speakers,
            heard=heard,
            spoke=spoke,
            decisions=decisions % {"year": year},
        )
    if user is not None:
        services.approve_meeting(meeting, user=user)
    return meeting


def _roadmap(year: AcademicYear, organizations, head: Person, today: datetime.date) -> int:
    for position in range(1, len(ROADMAP) + 1):
        roadmap_item(year, position, organizations, head, today, position - 1).save()
    return len(ROADMAP)


def roadmap_item(year: AcademicYear, position: int, organizations, head: Person, today, open_index: int):
    """The year's item of ROADMAP at `position`, its responsible and progress set (demo and region)."""
    stage, activity, month_day, responsible, result = ROADMAP[position - 1]
    due = _due(year, month_day)
    item = RoadmapItem(
        year=year,
        position=position,
        stage=stage,
        activity=activity,
        due_on=due,
        due_note="" if due else "в течение года",
        expected_result=result,
    )
    _set_responsible(item, responsible, organizations, head)
    _set_progress(item, open_index, today, is_current=year.is_current)
    return item


def _due(year: AcademicYear, month_day) -> datetime.date | None:
    if month_day is None:
        return None
    month, day = month_day
    return datetime.date(year.start_year if month >= 9 else year.start_year + 1, month, day)


def _set_responsible(item: RoadmapItem, responsible, organizations, head: Person) -> None:
    if responsible == "head":
        item.responsible_person = head
    elif isinstance(responsible, int):
        item.responsible_organization = organizations[responsible]
    else:
        item.responsible_text = responsible


def _set_progress(item: RoadmapItem, index: int, today: datetime.date, *, is_current: bool) -> None:
    deadline = item.due_on or item.year.end_date
    if deadline >= today:
        item.status = RoadmapStatus.IN_PROGRESS if item.due_on is None else RoadmapStatus.PLANNED
    elif index in (OPEN_IN_CURRENT_YEAR if is_current else OPEN_IN_PREVIOUS_YEAR):
        item.status = RoadmapStatus.IN_PROGRESS
    elif not is_current and index == CANCELLED_IN_PREVIOUS_YEAR:
        item.status = RoadmapStatus.CANCELLED
        item.evidence_note = "Конкурс перенесён на следующий учебный год решением заседания МШН."
    else:
        item.status = RoadmapStatus.DONE
        item.done_on = deadline
        item.evidence_note = item.expected_result


PLAN_BASIS = "распоряжение администрации Кировского муниципального района от 05.04.2024 № 125, п. 4.1"
# direction, goal, [(activity, expected result, first and last school year as offsets from 2024, indexes of
# ROADMAP that realise it)]
PLAN = [
    (
        "Организационно-нормативное обеспечение",
        "Работа МШН ведётся по утверждённым документам и плану на каждый учебный год",
        [
            (
                "Дорожная карта МШН на учебный год; заседания МШН не реже двух раз в год",
                "Дорожная карта, протоколы заседаний",
                0,
                2,
                [0, 1, 12],
            ),
            (
                "Изучение нормативных документов по наставничеству и доведение их до кураторов ОО",
                "Информационные письма",
                0,
                2,
                [15],
            ),
        ],
    ),
    (
        "Банки данных наставничества",
        "Персонифицированный учёт наставников, наставляемых, практик и программ",
        [
            ("Банк наставников и наставляемых", "Актуальный банк на 1 октября каждого года", 0, 2, [2]),
            (
                "Банк молодых педагогов и закреплённых за ними наставников",
                "Банк молодых педагогов",
                0,
                2,
                [3],
            ),
            (
                "Банки наставнических практик и программ наставничества",
                "Муниципальные банки практик и программ",
                0,
                2,
                [4, 5],
            ),
        ],
    ),
    (
        "Повышение профессионального мастерства наставников",
        "Каждый наставник обучен и получает методическую поддержку",
        [
            (
                "Семинары для наставников и консультации педагогов ДОУ",
                "Материалы семинаров, журнал консультаций",
                0,
                2,
                [6, 7],
            ),
            (
                "Стажировки наставников на стажировочных площадках и в базовых школах",
                "Программы стажировок, сертификаты",
                0,
                2,
                [8],
            ),
            (
                "Курсы повышения квалификации наставников (не менее 36 часов)",
                "Не менее 50 % наставников обучены",
                1,
                2,
                [],
            ),
        ],
    ),
    (
        "Популяризация наставничества",
        "Лучшие практики района известны педагогам и родителям",
        [
            (
                "Муниципальный конкурс «Лучшая практика наставничества»",
                "Приказ об итогах конкурса",
                0,
                2,
                [9],
            ),
            ("Публикация лучших практик на открытом сайте МШН", "Раздел лучших практик на сайте", 2, 2, []),
        ],
    ),
    (
        "Мониторинг и анализ",
        "Эффективность целевой модели наставничества измерена и обсуждена",
        [
            (
                "Проверка сайтов образовательных организаций (распоряжение, п. 4.2)",
                "Справка по итогам проверки",
                0,
                2,
                [11],
            ),
            (
                "Статистические формы о количестве участников программ наставничества",
                "Формы статистического наблюдения",
                0,
                2,
                [10],
            ),
            ("Мониторинг эффективности (анкетирование участников)", "Аналитическая справка", 0, 2, [13]),
            ("Анализ работы МШН за учебный год", "Анализ работы, проект плана на следующий год", 0, 2, [14]),
        ],
    ),
]


def load_plan() -> str:
    """The plan 2024–2027 of order 4.1, its items realised by the roadmap items of the demo years (the
    courses and the publication of practices left out of this year's roadmap, to show what is missing)."""
    if SupportPlan.objects.exists():
        return ""
    plan = SupportPlan.objects.create(from_year=2024, to_year=2027, basis=PLAN_BASIS)
    linked = 0
    for number, (title, goal, items) in enumerate(PLAN, start=1):
        direction = PlanDirection.objects.create(plan=plan, position=number, title=title, goal=goal)
        for position, (activity, result, first, last, realised_by) in enumerate(items, start=1):
            item = PlanItem.objects.create(
                direction=direction,
                position=position,
                activity=activity,
                expected_result=result,
                first_year=2024 + first,
                last_year=2024 + last,
            )
            activities = [ROADMAP[index][1] for index in realised_by]
            linked += RoadmapItem.objects.filter(
                activity__in=activities, year__start_year__range=(item.first_year, item.last_year)
            ).update(plan_item=item)
    return f"План методического сопровождения {plan.period}: пунктов дорожных карт по плану — {linked}."
