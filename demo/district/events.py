"""This capability's part of the demo district (called by `load_demo`; must be idempotent)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from directory.models import OrganizationKind
from events.models import (
    Event,
    EventKind,
    Interaction,
    InteractionKind,
    Nomination,
    ParticipantResult,
    ParticipantRole,
    Participation,
    Partner,
    PartnerKind,
    Training,
)
from events.services import confirm_nominations, decline_nominations, nominate
from registry.models import Mentor, Person

AUGUST_CONFERENCE = "Августовская педагогическая конференция, секция наставников"
EVENT_TITLES = {
    EventKind.SEMINAR: [
        "Семинар «Персонализированная программа наставничества: от запроса к результату»",
        "Семинар «Наставничество в адаптации молодого педагога»",
        "Семинар для кураторов наставничества «Документы целевой модели на сайте школы»",
    ],
    EventKind.MASTER_CLASS: [
        "Мастер-класс «Техники обратной связи в паре наставник – наставляемый»",
        "Мастер-класс «Приёмы формирующего оценивания на уроке»",
        "Мастер-класс «Проектная деятельность в паре „учащийся – учащийся“»",
    ],
    EventKind.CONTEST: [
        "Муниципальный конкурс «Лучшая практика наставничества»",
        "Муниципальный конкурс профессионального мастерства «Педагогический дебют»",
        "Муниципальный конкурс «Наставник года»",
    ],
    EventKind.CONFERENCE: [
        "Муниципальная конференция «Наставничество: опыт, проблемы, перспективы»",
        AUGUST_CONFERENCE,
    ],
    EventKind.INTERNSHIP: [
        "Стажировка «Организация наставничества „педагог – педагог“ в школе»",
        "Стажировка «Сопровождение молодых специалистов в базовой школе»",
    ],
    EventKind.KINDERGARTEN_CONSULTATION: [
        "Консультация «Наставничество в детском саду: документы и формы работы»",
        "Консультация «Адаптация молодого воспитателя: роль наставника»",
    ],
    EventKind.POPULARISATION: [
        "Фестиваль наставнических практик «Вместе к успеху»",
        "День наставника в Кировском районе",
        "Открытый урок наставника и наставляемого для родителей",
    ],
    EventKind.CENTRE_MEETING: [
        "Встреча с методистами ПК ИРО по целевой модели наставничества",
        "Вебинар ЦНППМ «Мониторинг эффективности наставничества»",
    ],
}
PLACES = ["актовый зал", "методический кабинет", "библиотека", "конференц-зал МКУ «ЦОМОУ»"]
COURSES = [
    ("Наставничество в образовательной организации: технологии и практики", "ПК ИРО", 36),
    ("Организация наставничества педагогических работников", "Академия Минпросвещения России", 72),
    ("Школа современного учителя: наставник молодого педагога", "Академия Минпросвещения России", 100),
    ("Реализация целевой модели наставничества обучающихся", "ЦНППМ Приморского края", 24),
    ("Коучинговые техники в работе наставника", "ПК ИРО", 16),
    ("Психолого-педагогическое сопровождение молодых специалистов", "ДВФУ, Школа педагогики", 36),
    ("Наставничество в дошкольном образовании", "ПК ИРО", 24),
]
PARTNERS = [
    ("ГАУ ДПО «Приморский краевой институт развития образования»", PartnerKind.METHODOLOGICAL, None),
    (
        "Центр непрерывного повышения профессионального мастерства педагогов Приморского края",
        PartnerKind.METHODOLOGICAL,
        None,
    ),
    ("ФГБНУ «Институт стратегии развития образования»", PartnerKind.SCIENTIFIC, None),
    ("ФГАОУ ВО «Дальневосточный федеральный университет», Школа педагогики", PartnerKind.UNIVERSITY, None),
    ("КГБ ПОУ «Кировский агропромышленный колледж»", PartnerKind.COLLEGE, OrganizationKind.COLLEGE),
]
TOPICS = [
    (
        InteractionKind.MEETING,
        "Обсуждение плана методического сопровождения наставников",
        "Согласован план на полугодие",
    ),
    (
        InteractionKind.CONSULTATION,
        "Консультация по мониторингу целевой модели наставничества",
        "Получены формы мониторинга",
    ),
    (InteractionKind.AGREEMENT, "Соглашение о сетевом взаимодействии", "Соглашение подписано"),
    (InteractionKind.JOINT_EVENT, "Совместный семинар для наставников района", "Проведён семинар"),
]


def load(demo) -> str:
    """Fill the capability's demo records once; return a line for the console, or ""."""
    line = "" if Event.objects.exists() else _load_events(demo)
    return " ".join(part for part in (line, load_nominations(demo)) if part)


def _load_events(demo) -> str:
    with transaction.atomic():
        events = _events(demo)
        trainings = _trainings(demo)
        partners = _partners(demo, events)
    return f"Мероприятия: {len(events)}, обучение наставников: {trainings}, партнёров: {partners}."


def _day_in(year, rng, latest: datetime.date | None = None) -> datetime.date:
    day = year.start_date + datetime.timedelta(days=rng.randint(10, 260))
    day = _working_day(day)
    return min(day, latest) if latest else day


def _working_day(day: datetime.date) -> datetime.date:
    """The day, or the next one that is neither a weekend nor a New Year holiday (1–8 January)."""
    while day.weekday() >= 5 or (day.month == 1 and day.day <= 8):
        day += datetime.timedelta(days=1)
    return day


def event_day(title: str, year, drawn: datetime.date) -> datetime.date:
    """A believable date for the event: a working day; the August conference in August's last week."""
    if title == AUGUST_CONFERENCE:  # it opens the next school year
        return _working_day(
            year.start_date.replace(year=year.start_date.year + 1) - datetime.timedelta(days=6)
        )
    return _working_day(drawn)


def _organizer(kind, organizations, rng):
    sites = [o for o in organizations if o.is_internship_site or o.is_base_school]
    kindergartens = [o for o in organizations if o.kind == OrganizationKind.KINDERGARTEN]
    if kind == EventKind.INTERNSHIP:
        return rng.choice(sites)
    if kind == EventKind.KINDERGARTEN_CONSULTATION:
        return rng.choice(kindergartens)
    return rng.choice([None, None, *sites])


def _events(demo) -> list[Event]:
    rng = demo.rng
    pedagogues = list(
        Person.objects.filter(category="pedagogue", is_anonymised=False).select_related("organization")
    )
    kindergarten = [p for p in pedagogues if p.organization.kind == OrganizationKind.KINDERGARTEN]
    events = []
    for index, (kind, titles) in enumerate(EVENT_TITLES.items()):
        for number, title in enumerate(titles):
            year = demo.years[(index + number) % 2]
            organizer = _organizer(kind, demo.organizations, rng)
            event = Event.objects.create(
                kind=kind,
                title=title,
                year=year,
                starts_on=event_day(title, year, _day_in(year, rng)),
                organizer=organizer,
                place=f"{organizer or 'МКУ «ЦОМОУ»'}, {rng.choice(PLACES)}",
                is_online=kind == EventKind.CENTRE_MEETING,
                description=title.split("«")[-1].rstrip("»") if "«" in title else "",
            )
            pool = (
                kindergarten if kind == EventKind.KINDERGARTEN_CONSULTATION and kindergarten else pedagogues
            )
            _participants(event, rng.sample(pool, min(len(pool), rng.randint(3, 6))), rng)
            events.append(event)
    return events


def _participants(event: Event, people: list[Person], rng) -> None:
    contest = event.kind == EventKind.CONTEST
    rows = []
    for position, person in enumerate(people):
        role = ParticipantRole.SPEAKER if position == 0 and not contest else ParticipantRole.PARTICIPANT
        result = ParticipantResult.NONE
        if contest:
            result = (
                [ParticipantResult.WINNER, ParticipantResult.PRIZE_WINNER][position]
                if position < 2
                else ParticipantResult.PARTICIPANT
            )
        rows.append(Participation(event=event, person=person, role=role, result=result))
    Participation.objects.bulk_create(rows)


def _trainings(demo) -> int:
    rng = demo.rng
    today = timezone.localdate()
    mentors = list(Mentor.objects.select_related("person").order_by("id")[:40])
    count = 0
    for mentor in mentors:
        for _ in range(rng.choice((1, 1, 2))):
            year = rng.choice(demo.years)
            title, provider, hours = rng.choice(COURSES)
            ends = _day_in(year, rng, latest=today)
            Training.objects.create(
                person=mentor.person,
                title=title,
                provider=provider,
                hours=hours,
                starts_on=ends - datetime.timedelta(days=max(3, hours // 4)),
                ends_on=ends,
                year=year,
            )
            count += 1
    return count


def _partners(demo, events: list[Event]) -> int:
    rng = demo.rng
    today = timezone.localdate()
    centre_events = [e for e in events if e.kind == EventKind.CENTRE_MEETING]
    for name, kind, org_kind in PARTNERS:
        organization = next((o for o in demo.organizations if org_kind and o.kind == org_kind), None)
        partner = Partner.objects.create(name=name, kind=kind, organization=organization)
        for interaction_kind, topic, result in rng.sample(TOPICS, 3):
            year = rng.choice(demo.years)
            Interaction.objects.create(
                partner=partner,
                date=_day_in(year, rng, latest=today),
                kind=interaction_kind,
                topic=topic,
                result=result,
                event=rng.choice(centre_events) if interaction_kind == InteractionKind.JOINT_EVENT else None,
            )
    return len(PARTNERS)


NOMINATION_EVENT = "Семинар «Наставничество: первые шаги молодого педагога»"
DECLINE_REASON = "Группа семинара укомплектована; приглашаем на весенний семинар."


def load_nominations(demo) -> str:
    """An upcoming seminar with nominations of both demo coordinators: of kurator2's one confirmed (a
    participant now), one declined with a reason; the rest wait for the methodologist («Требует внимания»)."""
    if Nomination.objects.exists():
        return ""
    today = timezone.localdate()
    current = demo.years[0]
    day = _working_day(min(today + datetime.timedelta(days=21), current.end_date))
    event, _created = Event.objects.get_or_create(
        title=NOMINATION_EVENT,
        defaults={
            "kind": EventKind.SEMINAR,
            "year": current,
            "starts_on": max(day, today),
            "nominations_until": max(day - datetime.timedelta(days=7), today),
            "place": "МКУ «ЦОМОУ», конференц-зал",
            "description": "Для молодых педагогов первого – третьего года работы и их наставников.",
        },
    )
    made = {}
    for username in ("kurator2", "kurator1"):
        coordinator = demo.users[username]
        people = Person.objects.filter(organization=coordinator.organization, is_anonymised=False).exclude(
            category="pupil"
        )
        chosen = list(people.order_by("-birth_year", "id")[:3])
        made[username] = nominate(event, chosen, user=coordinator, today=today)
    methodist = demo.users["metodist"]
    confirm_nominations(made["kurator2"][:1], user=methodist, reason="Ждём на семинаре.")
    decline_nominations(made["kurator2"][1:2], user=methodist, reason=DECLINE_REASON)
    return f"Заявки ОО на семинар для молодых педагогов: {sum(len(m) for m in made.values())}."
