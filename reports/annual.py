"""The annual analytic report «Анализ работы МШН за учебный год»: its sections, built by aggregate
queries (a fixed number whatever the size of the region), for the district or for one organisation.

Each section has a few sentences of figures, a table (the `Sheet` of the statistical forms, so that its
XLSX sheet and its PDF table are one and the same) with what each column means, and sometimes a chart.
The PDF and the XLSX in `reports.annual_files` only lay out what `build_annual()` returns.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    Sum,
    Value,
    When,
)
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from banks.models import DocumentLevel, MentoringProgram, NormativeDocument, Practice, PracticeStatus
from core import access
from directory.models import AcademicYear, Organization, OrganizationKind
from events.models import Event, Participation, Training
from events.selectors import AWARDED
from indicators import retention
from indicators.values import latest_round, percent
from meetings.models import AgendaItem, Meeting, RoadmapItem, RoadmapStatus
from meetings.selectors import overdue_q
from reports.charts import counts_chart, percent_chart
from reports.indicators import Report, organizations_for, report_for
from reports.models import AnnualText
from reports.statforms import Sheet, indicators_sheet_of, young_sheet_of

TITLES = {  # the sections in their order
    "general": gettext_lazy("Общие сведения"),
    "normative": gettext_lazy("Нормативная база"),
    "by_form": gettext_lazy("Участники по формам наставничества"),
    "by_organization": gettext_lazy("Участники по организациям"),
    "young": gettext_lazy("Молодые педагоги"),
    "programs": gettext_lazy("Программы наставничества"),
    "practices": gettext_lazy("Практики наставничества"),
    "meetings": gettext_lazy("Заседания Школы наставничества"),
    "roadmap": gettext_lazy("Выполнение дорожной карты"),
    "events": gettext_lazy("Мероприятия"),
    "training": gettext_lazy("Обучение наставников"),
    "websites": gettext_lazy("Проверка сайтов"),
    "indicators": gettext_lazy("Показатели и целевые значения"),
    "conclusions": gettext_lazy("Выводы и задачи на следующий учебный год"),
}
SHEET_NAMES = {  # tabs hold 31 characters
    "by_form": gettext_lazy("Участники по формам"),
    "by_organization": gettext_lazy("Участники по организациям"),
    "programs": gettext_lazy("Программы"),
    "practices": gettext_lazy("Практики"),
    "meetings": gettext_lazy("Заседания МШН"),
    "roadmap": gettext_lazy("Дорожная карта"),
    "indicators": gettext_lazy("Показатели"),
    "conclusions": gettext_lazy("Выводы и план"),
}


@dataclass
class Section:
    key: str
    paragraphs: list[str]
    sheet: Sheet
    notes: list[tuple[str, str]]  # (column, what it means) for the explanation sheet
    chart: SafeString | None = None
    chart_caption: str = ""
    number: int = 0
    summary: Sheet | None = None  # the table grouped by kind, printed instead of a very long one

    @property
    def title(self) -> str:
        return str(TITLES[self.key])


@dataclass
class AnnualReport:
    year: AcademicYear
    organization: Organization | None
    text: AnnualText
    indicators: Report
    sections: list[Section] = field(default_factory=list)
    built_at: object = None
    computed: dict = field(default_factory=dict)  # figures two sections share

    @property
    def subject(self) -> str:
        """Whose work the report analyses: the district's school or one organisation."""
        return self.organization.full_name if self.organization else settings.MSHN_ORGANIZATION_NAME

    @property
    def title(self) -> str:
        return _("Анализ работы муниципальной Школы наставничества за %(year)s учебный год") % {
            "year": self.year.title
        }

    @property
    def file_stem(self) -> str:
        return file_stem(self.year, self.organization)


def file_stem(year: AcademicYear, organization: Organization | None) -> str:
    """The report's file name without extension: «Анализ работы МШН 2025-2026[ — организация]»."""
    stem = _("Анализ работы МШН %(years)s") % {"years": f"{year.start_year}-{year.start_year + 1}"}
    if organization:
        stem = f"{stem} — {organization.short_name}"
    return stem.replace("/", "-").replace("\\", "-")


def build_annual(user, year: AcademicYear, organization: Organization | None = None) -> AnnualReport:
    """Every section of the year's report over the user's scope (one organisation or the district)."""
    orgs = organizations_for(user, organization)
    indicators = report_for(user, year, organization)
    report = AnnualReport(
        year=year,
        organization=organization,
        text=text_for(user, year, organization),
        indicators=indicators,
        built_at=timezone.localtime(),
    )
    for number, key in enumerate(TITLES, start=1):
        section = BUILDERS[key](user, year, organization, orgs, report)
        section.number = number
        name = f"{number}. {SHEET_NAMES.get(section.key, section.title)}"
        section.sheet = dataclasses.replace(section.sheet, title=f"{number}. {section.title}", name=name)
        report.sections.append(section)
    return report


def text_for(user, year: AcademicYear, organization: Organization | None) -> AnnualText:
    """The methodologist's text of the report (of the organisation, or of the user's district), or an empty one
    not yet saved."""
    district_id = organization.district_id if organization else access.bind_district_id(user)
    found = AnnualText.objects.filter(district_id=district_id, year=year, organization=organization).first()
    return found or AnnualText(district_id=district_id, year=year, organization=organization)


def _sheet(headers: list[str], rows: list[list], widths=(), total=None) -> Sheet:
    """A table with a one-row header (each header cell merged down over the two header rows)."""
    return Sheet(title="", top=[(h, 1) for h in headers], sub=[], rows=rows, total=total, widths=widths)


def _by_kind(kinds: list, rows: list[list], sums: tuple[int, ...], headers: list[str], share=None) -> Sheet:
    """Rows grouped by kind: how many rows of each kind and the sums of the `sums` columns; `share`
    (part, whole) appends a per-cent column from two positions of the grouped row."""
    groups: dict[str, list[int]] = {}
    for kind, row in zip(kinds, rows, strict=True):
        group = groups.setdefault(str(kind), [0] * (len(sums) + 1))
        group[0] += 1
        for position, column in enumerate(sums, start=1):
            group[position] += row[column] or 0
    table = [[kind, *values] for kind, values in sorted(groups.items())]
    if not table:
        return _sheet(headers, [])
    total = [_("Итого"), *(sum(column) for column in zip(*(row[1:] for row in table), strict=True))]
    if share:
        for row in [*table, total]:
            row.append(percent(row[share[0]], row[share[1]]))
    return _sheet(headers, table, (40, *([16] * (len(headers) - 1))), total)


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def shown(value) -> str:
    """A value as text in the report: dates дд.мм.гггг, decimals with a comma, nothing for no value."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return _date(value)
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, use_l10n=True)
    return str(value)


# 1. General information -----------------------------------------------------------------------------------


def sources_paragraph(indicators: Report) -> str:
    """Which figures come from accepted reports and which from the registry, with the dates."""
    on = indicators.on.strftime("%d.%m.%Y")
    if not indicators.accepted_dates:
        return _("Отчёты организаций за период не приняты: все показатели — по реестру на %(on)s.") % {
            "on": on
        }
    first, last = (day.strftime("%d.%m.%Y") for day in indicators.accepted_dates)
    return _(
        "Показатели %(n)s организаций взяты из их отчётов, зафиксированных при отправке и принятых "
        "руководителем МШН (%(first)s – %(last)s); остальных — из реестра на %(on)s. Заседания и дорожная "
        "карта — по записям МШН. Источник каждого показателя указан в разделе «Показатели и целевые значения»."
    ) % {"n": indicators.organizations_with_snapshot, "first": first, "last": last, "on": on}


def direction_paragraph(year: AcademicYear) -> list[str]:
    """Reg. 1.4: the year's direction, set by the methodological service, heads the analysis."""
    if not year.direction:
        return []
    source = f" ({year.direction_document})" if year.direction_document else ""
    return [
        _("Направление работы МШН на учебный год: «%(direction)s»%(source)s.")
        % {
            "direction": " ".join(year.direction.split()),
            "source": source,
        }
    ]


def _general(user, year, organization, orgs, report) -> Section:
    kinds = {kind: Count("id", filter=Q(kind=kind, is_active=True)) for kind in OrganizationKind.values}
    figures = orgs.aggregate(
        total=Count("id", filter=Q(is_active=True)),
        base=Count("id", filter=Q(is_base_school=True, is_active=True)),
        internship=Count("id", filter=Q(is_internship_site=True, is_active=True)),
        **kinds,
    )
    rows = [
        [_("Учебный год"), year.title],
        [_("Направление работы года"), year.direction or "—"],
        [_("Документ, которым задано направление"), year.direction_document or "—"],
        [_("Организаций, действующих"), figures["total"]],
        *[[str(label), figures[value]] for value, label in OrganizationKind.choices],
        [_("Базовых школ наставничества"), figures["base"]],
        [_("Стажировочных площадок"), figures["internship"]],
        [_("Организаций, чьи отчёты за год приняты"), report.indicators.organizations_with_snapshot],
        [_("Отчёт сформирован"), report.built_at.strftime("%d.%m.%Y %H:%M")],
    ]
    paragraphs = [
        *direction_paragraph(year),
        _(
            "Отчёт составлен по данным реестра наставничества за %(year)s учебный год (с 01.09.%(start)s "
            "по 31.08.%(end)s). Организаций в отчёте: %(total)s, из них базовых школ наставничества — "
            "%(base)s, стажировочных площадок — %(internship)s."
        )
        % {
            "year": year.title,
            "start": year.start_year,
            "end": year.start_year + 1,
            "total": figures["total"],
            "base": figures["base"],
            "internship": figures["internship"],
        },
        sources_paragraph(report.indicators),
    ]
    notes = [(_("Показатель"), _("Что подсчитано")), (_("Значение"), _("Число или дата"))]
    return Section(
        "general",
        paragraphs,
        _sheet([_("Показатель"), _("Значение")], rows, (50, 24)),
        notes,
    )


# 2. Normative base -----------------------------------------------------------------------------------------


# Federal acts first, then regional, municipal and local ones: the order a normative base is cited in.
LEVEL_ORDER = Case(
    *(When(level=level, then=Value(rank)) for rank, level in enumerate(DocumentLevel.values)),
    default=Value(len(DocumentLevel.values)),
)


def _normative(user, year, organization, orgs, report) -> Section:
    documents = (
        access.scope(user, NormativeDocument.objects.all(), None)
        .filter(issued_on__lte=year.end_date)
        .order_by(LEVEL_ORDER, "issued_on", "id")
    )
    rows = [
        [n, d.get_level_display(), d.get_kind_display(), d.issued_on, d.number, d.title, d.issuer]
        for n, d in enumerate(documents, start=1)
    ]
    headers = [_("№"), _("Уровень"), _("Вид"), _("Дата"), _("Номер"), _("Название"), _("Кем принят")]
    paragraphs = [
        _("Работа Школы наставничества в %(year)s учебном году велась на основании документов (%(n)s):")
        % {"year": year.title, "n": len(rows)}
    ]
    notes = [
        (_("Уровень"), _("Федеральный, региональный, муниципальный или локальный документ")),
        (_("Дата"), _("Дата принятия документа; в отчёт входят документы, принятые до конца учебного года")),
    ]
    return Section(
        "normative",
        paragraphs,
        _sheet(headers, rows, (5, 20, 20, 19, 14, 60, 30)),
        notes,
    )


# 3–4. Participants ---------------------------------------------------------------------------------------

PARTICIPANT_CODES = ("mentors_in_pairs", "mentees_in_pairs", "pairs_active")
PARTICIPANT_NOTES = [
    (gettext_lazy("наставников"), gettext_lazy("Разные наставники пар и групп, работавших в периоде")),
    (gettext_lazy("наставляемых"), gettext_lazy("Разные наставляемые этих пар и групп")),
    (
        gettext_lazy("пар и групп"),
        gettext_lazy("Пары и группы, хотя бы день периода бывшие в состоянии «действует»"),
    ),
]


def _participants(report) -> dict:
    return {code: report.indicators.value(code) for code in PARTICIPANT_CODES}


def _by_form(user, year, organization, orgs, report) -> Section:
    rows = [[name, *counts] for name, counts in report.indicators.by_form.items()]
    total = _participants(report)
    sheet = Sheet(
        title="",
        top=[(_("Форма наставничества"), 1), (_("Участники"), 3)],
        sub=[_("наставников"), _("наставляемых"), _("пар и групп")],
        rows=rows,
        total=[_("Итого (без повторов)"), *total.values()],
        widths=(40, 16, 16, 16),
    )
    paragraphs = [
        _(
            "В учебном году работали пар и групп: %(pairs_active)s; в них наставников — %(mentors_in_pairs)s, "
            "наставляемых — %(mentees_in_pairs)s. Человек, участвующий в нескольких формах в своей "
            "организации, в итоге считается один раз, поэтому итог может быть меньше суммы строк."
        )
        % total
    ]
    chart = counts_chart([(r[0], r[2]) for r in rows]) if rows else None
    caption = _("Наставляемые по формам наставничества")
    notes = [
        *PARTICIPANT_NOTES,
        (_("Итого (без повторов)"), _("Каждый человек в своей организации — один раз")),
    ]
    return Section("by_form", paragraphs, sheet, notes, chart, caption)


def _by_organization(user, year, organization, orgs, report) -> Section:
    working = [row for row in report.indicators.rows if row.components["pairs_active"]]
    rows = [[row.name, row.kind, *(row.value(code) for code in PARTICIPANT_CODES)] for row in working]
    sheet = Sheet(
        title="",
        top=[(_("Организация"), 1), (_("Вид"), 1), (_("Участники"), 3)],
        sub=[_("наставников"), _("наставляемых"), _("пар и групп")],
        rows=rows,
        total=[_("Итого (сумма строк)"), "", *_participants(report).values()],
        widths=(44, 26, 16, 16, 16),
    )
    paragraphs = [
        _("Организаций, в которых работали пары и группы: %(n)s.") % {"n": len(rows)},
    ]
    headers = [_("Вид организации"), _("Организаций"), _("наставников"), _("наставляемых"), _("пар и групп")]
    summary = _by_kind([r[1] for r in rows], rows, (2, 3, 4), headers)
    return Section(
        "by_organization",
        paragraphs,
        sheet,
        PARTICIPANT_NOTES,
        summary=summary,
    )


# 5. Young pedagogues ---------------------------------------------------------------------------------------


def _young(user, year, organization, orgs, report) -> Section:
    sheet = young_sheet_of(report.indicators)
    young = report.indicators.value("young")
    share_ = report.indicators.value("young_with_mentor_share")
    paragraphs = [
        _(
            "Молодых педагогов (не старше %(age)s лет со стажем не больше %(experience)s лет): %(young)s; "
            "доля молодых педагогов с наставником — %(share)s %%."
        )
        % {
            "age": settings.YOUNG_PEDAGOGUE_MAX_AGE,
            "experience": settings.YOUNG_PEDAGOGUE_MAX_EXPERIENCE_YEARS,
            "young": young,
            "share": shown(share_) or "—",
        }
    ]
    paragraphs.append(retention_paragraph(year, organization, orgs))
    notes = [
        (_("всего"), _("Молодые педагоги организации на день оценки года")),
        (_("с наставником"), _("Из них наставляемые пары или группы, действовавшей в учебном году")),
        (_("доля с наставником, %"), _("с наставником ÷ всего × 100")),
    ]
    headers = [
        _("Вид организации"),
        _("Организаций"),
        _("всего"),
        _("с наставником"),
        _("доля с наставником, %"),
    ]
    summary = _by_kind([r[1] for r in sheet.rows], sheet.rows, (2, 3), headers, share=(3, 2))
    return Section("young", paragraphs, sheet, notes, summary=summary)


def retention_paragraph(year, organization, orgs) -> str:
    """The newest cohort retained a year later, as known at the end of the report's year."""
    cohorts = retention.ledger(orgs.values("pk"), today=min(timezone.localdate(), year.end_date))
    latest = retention.latest_share(cohorts)
    if latest is None:
        return _("Закрепление молодых педагогов в профессии: ни одна когорта ещё не проработала года.")
    cohort, share_ = latest
    index = retention.HORIZONS.index(1)
    with_mentor, without = cohort.total(True), cohort.total(False)
    return _(
        "Закрепление в профессии: из молодых педагогов, начавших работу в %(year)s учебном году (%(n)s), через "
        "год работают в образовании района %(share)s; с наставником — %(with)s, без наставника — %(without)s."
    ) % {
        "year": cohort.year.title,
        "n": cohort.total().cohort,
        "share": _retained(share_),
        "with": _retained(with_mentor.share(index)),
        "without": _retained(without.share(index)),
    }


def _retained(share_: float | None) -> str:
    return f"{shown(share_)} %" if share_ is not None else _("нет таких в когорте")


# 6–7. Programs and practices ------------------------------------------------------------------------------


def _programs(user, year, organization, orgs, report) -> Section:
    programs = (
        MentoringProgram.objects.filter(organization__in=orgs, starts_on__lte=year.end_date)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=year.start_date))
        .order_by("organization__sort_name", "sort_name")
    )
    forms: dict[int, list[str]] = {}
    for program_id, name in programs.values_list("id", "forms__name").order_by("id", "forms__name"):
        if name:
            forms.setdefault(program_id, []).append(name)
    fields = ("id", "title", "organization__short_name", "organization__kind", "starts_on", "ends_on")
    found = list(programs.values(*fields, "order_number", "order_date"))
    rows = [
        [
            n, p["title"], p["organization__short_name"], ", ".join(forms.get(p["id"], [])), p["starts_on"],
            p["ends_on"], " от ".join(filter(None, [p["order_number"], _date(p["order_date"])])),
        ]
        for n, p in enumerate(found, start=1)
    ]  # fmt: skip
    headers = [_("№"), _("Программа"), _("Организация"), _("Формы"), _("Действует с"), _("по"), _("Приказ")]
    paragraphs = [
        _(
            "Программ наставничества организаций, действовавших в периоде: %(programs)s; персонализированных "
            "программ пар и групп: %(personal)s. Перечень — по реестру на дату формирования отчёта."
        )
        % {
            "programs": report.indicators.value("org_programs"),
            "personal": report.indicators.value("programs"),
        }
    ]
    notes = [(_("по"), _("Пусто — бессрочно")), (_("Приказ"), _("Номер и дата приказа об утверждении"))]
    summary = _by_kind(_kinds(found), rows, (), [_("Вид организации"), _("Программ")])
    sheet = _sheet(headers, rows, (5, 44, 30, 28, 19, 19, 24))
    return Section("programs", paragraphs, sheet, notes, summary=summary)


def _kinds(found: list[dict]) -> list[str]:
    names = dict(OrganizationKind.choices)
    return [str(names[row["organization__kind"]]) for row in found]


def _practices(user, year, organization, orgs, report) -> Section:
    practices = Practice.objects.filter(year=year, organization__in=orgs)
    figures = {
        "total": practices.count(),
        "published": report.indicators.value("practices_published"),
        "best": report.indicators.value("practices_best"),
    }
    published = list(
        practices.filter(status=PracticeStatus.PUBLISHED)
        .order_by("-is_best", "organization__sort_name", "sort_name")
        .values("title", "organization__short_name", "organization__kind", "is_best", "published_on")
    )
    rows = [
        [n, p["title"], p["organization__short_name"], _("да") if p["is_best"] else "", p["published_on"]]
        for n, p in enumerate(published, start=1)
    ]
    headers = [_("№"), _("Практика"), _("Организация"), _("Лучшая"), _("Опубликована")]
    paragraphs = [
        _(
            "Практик наставничества за год представлено: %(total)s, опубликовано в банке: %(published)s, "
            "из них признаны лучшими: %(best)s."
        )
        % figures
    ]
    notes = [
        (_("Лучшая"), _("«да» — практика признана лучшей")),
        (_("Опубликована"), _("Дата публикации в банке")),
    ]
    summary = _by_kind(_kinds(published), rows, (), [_("Вид организации"), _("Опубликовано практик")])
    sheet = _sheet(headers, rows, (5, 60, 30, 12, 19))
    return Section("practices", paragraphs, sheet, notes, summary=summary)


# 8–9. Meetings and the roadmap ----------------------------------------------------------------------------


def _meetings(user, year, organization, orgs, report) -> Section:
    meetings = (
        access.scope(user, Meeting.objects.all(), None)
        .filter(year=year)
        .prefetch_related(Prefetch("agenda", queryset=AgendaItem.objects.order_by("position", "id")))
        .order_by("date", "number")
    )
    rows = [
        [
            m.number,
            m.date,
            _("онлайн") if m.is_online else _("очно"),
            m.get_status_display(),
            "; ".join(item.topic for item in m.agenda.all()),
        ]
        for m in meetings
    ]
    held = report.indicators.value("meetings_held")
    paragraphs = [
        _(
            "Заседаний Школы наставничества проведено (протокол утверждён): %(held)s при обязательных двух "
            "в год; всего заседаний в плане года: %(total)s."
        )
        % {"held": held, "total": len(rows)}
    ]
    headers = [_("№"), _("Дата"), _("Форма"), _("Протокол"), _("Вопросы повестки")]
    notes = [(_("Протокол"), _("«утверждён» — заседание проведено, протокол утверждён"))]
    return Section(
        "meetings",
        paragraphs,
        _sheet(headers, rows, (6, 19, 12, 16, 75)),
        notes,
    )


def _roadmap(user, year, organization, orgs, report) -> Section:
    today = report.indicators.on  # the day the indicators judge the roadmap on
    items = access.scope(user, RoadmapItem.objects.all(), None).filter(year=year)
    if organization is not None:
        items = items.filter(responsible_organization=organization)
    figures = items.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(status=RoadmapStatus.DONE)),
        overdue=Count("id", filter=overdue_q(today)),
    )
    rows = [
        [
            n,
            i.stage,
            i.activity,
            i.due_on or i.due_note,
            i.responsible_text or str(i.responsible_person or i.responsible_organization or ""),
            i.get_status_display() + (" (" + _("просрочено") + ")" if i.overdue else ""),
            i.done_on,
        ]
        for n, i in enumerate(
            items.select_related("responsible_person", "responsible_organization")
            .annotate(overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))
            .order_by("position", "due_on", "id"),
            start=1,
        )
    ]
    paragraphs = [
        _("Пунктов дорожной карты: %(total)s; выполнено: %(done)s; просрочено: %(overdue)s.") % figures
    ]
    headers = [
        _("№"),
        _("Этап"),
        _("Мероприятие"),
        _("Срок"),
        _("Ответственный"),
        _("Статус"),
        _("Выполнено"),
    ]
    notes = [(_("Статус"), _("«просрочено» — срок прошёл, а пункт не выполнен и не отменён"))]
    return Section(
        "roadmap",
        paragraphs,
        _sheet(headers, rows, (5, 20, 50, 19, 28, 22, 19)),
        notes,
    )


# 10–11. Events and mentors' training ----------------------------------------------------------------------


def _events(user, year, organization, orgs, report) -> Section:
    people = Participation.objects.filter(event=OuterRef("pk"), person__organization__in=orgs)
    events = (
        access.scope(user, Event.objects.all(), None)
        .filter(year=year)
        .filter(Exists(people) | (Q(organizer__in=orgs) if organization else Q(pk__isnull=False)))
        .select_related("organizer")
        .annotate(
            people=Count("participants", filter=Q(participants__person__organization__in=orgs)),
            awarded=Count(
                "participants",
                filter=Q(participants__person__organization__in=orgs, participants__result__in=AWARDED),
            ),
        )
        .order_by("starts_on", "id")
    )
    rows = [
        [n, e.title, e.get_kind_display(), e.starts_on, e.ends_on, e.organizer_name, e.people, e.awarded]
        for n, e in enumerate(events, start=1)
    ]
    total = [_("Итого"), "", "", "", "", "", sum(r[6] for r in rows), sum(r[7] for r in rows)]
    headers = [
        _("№"),
        _("Мероприятие"),
        _("Вид"),
        _("Начало"),
        _("Окончание"),
        _("Организатор"),
        _("Участников"),
        _("Призёры и победители"),
    ]
    paragraphs = [
        _("Мероприятий за год: %(n)s; участий педагогов и обучающихся: %(people)s.")
        % {"n": len(rows), "people": total[6]}
    ]
    notes = [
        (_("Участников"), _("Участия людей из организаций отчёта")),
        (_("Призёры и победители"), _("Из них с результатом «призёр» или «победитель»")),
    ]
    summary = _by_kind(
        [r[2] for r in rows],
        rows,
        (6, 7),
        [_("Вид мероприятия"), _("Мероприятий"), _("Участников"), _("Призёры и победители")],
    )
    sheet = _sheet(headers, rows, (5, 36, 22, 19, 19, 26, 17, 19), total)
    return Section("events", paragraphs, sheet, notes, summary=summary)


def _training(user, year, organization, orgs, report) -> Section:
    trainings = Training.objects.filter(year=year, person__organization__in=orgs).order_by()
    grouped = (
        trainings.values("title", "provider")
        .annotate(people=Count("person", distinct=True), hours=Sum("hours"))
        .order_by("title", "provider")
    )
    rows = [[r["title"], r["provider"], r["people"], r["hours"]] for r in grouped]
    total = trainings.aggregate(people=Count("person", distinct=True), hours=Sum("hours"))
    paragraphs = [
        _("Прошли обучение по вопросам наставничества: %(people)s человек, всего %(hours)s часов.")
        % {"people": total["people"], "hours": total["hours"] or 0}
    ]
    headers = [_("Курс / программа"), _("Кто проводил"), _("Слушателей"), _("Часов всего")]
    notes = [
        (_("Слушателей"), _("Разные люди, окончившие курс в учебном году")),
        (_("Часов всего"), _("Сумма часов обучения всех слушателей курса")),
        (
            _("Итого (без повторов)"),
            _("Окончивший несколько курсов — один раз: итог может быть меньше суммы строк"),
        ),
    ]
    sheet = _sheet(
        headers, rows, (50, 36, 12, 12), [_("Итого (без повторов)"), "", total["people"], total["hours"] or 0]
    )
    return Section("training", paragraphs, sheet, notes)


# 12. Website checks --------------------------------------------------------------------------------------


def _websites(user, year, organization, orgs, report) -> Section:
    round_ = latest_round(report.indicators.period)
    checked = [row for row in report.indicators.rows if row.components["website_possible"]]
    rows = [
        [row.name, row.kind, row.components["website_found"], row.components["website_possible"],
         row.value("website_share")]
        for row in checked
    ]  # fmt: skip
    found, possible = (sum(r[column] for r in rows) for column in (2, 3))
    total = [_("Итого"), "", found, possible, report.indicators.value("website_share")] if rows else None
    if round_:
        paragraphs = [
            _(
                "Проверка «%(round)s» (срок %(deadline)s): сайтов проверено %(n)s, соответствие перечню — %(share)s %%."
            )
            % {
                "round": round_.title,
                "deadline": _date(round_.deadline),
                "n": len(rows),
                "share": shown(report.indicators.value("website_share")) or "—",
            }
        ]
    else:
        paragraphs = [_("В учебном году проверок сайтов не было.")]
    headers = [
        _("Организация"),
        _("Вид"),
        _("Найдено пунктов"),
        _("Пунктов к проверке"),
        _("Соответствие, %"),
    ]
    notes = [
        (_("Пунктов к проверке"), _("Пункты перечня, действующие на день проверки")),
        (
            _("Соответствие, %"),
            _("Найдено пунктов ÷ пунктов к проверке × 100, по последней проверке периода"),
        ),
    ]
    summary = _by_kind(
        [r[1] for r in rows], rows, (2, 3), [_("Вид организации"), _("Сайтов"), _("Найдено пунктов"),
                                            _("Пунктов к проверке"), _("Соответствие, %")], share=(2, 3),
    )  # fmt: skip
    sheet = _sheet(headers, rows, (40, 22, 14, 14, 14), total)
    return Section("websites", paragraphs, sheet, notes, summary=summary)


# 13–14. Indicators and the methodologist's text ------------------------------------------------------------


def _indicators(user, year, organization, orgs, report) -> Section:
    indicators = report.indicators
    sheet = indicators_sheet_of(indicators)
    with_targets = sum(1 for i in indicators.indicators if i.target is not None)
    reached = sum(1 for i in indicators.indicators if i.target is not None and (i.difference or 0) >= 0)
    paragraphs = [
        _("Целевые значения заданы для %(n)s показателей; достигнуты или превышены: %(reached)s.")
        % {"n": with_targets, "reached": reached},
        indicators.sources_note,
    ]
    chart = percent_chart(indicators.indicators)
    notes = [
        (_("значение"), _("Значение показателя за учебный год; пусто — нет данных")),
        (_("цель"), _("Целевое значение, заданное руководителем МШН")),
        (_("разница"), _("значение − цель")),
        (
            _("Источник"),
            _(
                "Отчёты — зафиксированные при отправке и принятые отчёты организаций; реестр — "
                "реестр на конец периода (в текущем — на сегодня); записи МШН — заседания и "
                "дорожная карта"
            ),
        ),
    ]
    return Section(
        "indicators",
        paragraphs,
        sheet,
        notes,
        chart,
        _("Показатели в процентах и их целевые значения (красная черта)"),
    )


def _conclusions(user, year, organization, orgs, report) -> Section:
    text = report.text
    rows = [[_("Выводы"), line] for line in _lines(text.conclusions)]
    rows += [[_("Задачи и план"), line] for line in _lines(text.plan)]
    paragraphs = [] if rows else [_("Выводы и план на следующий год ещё не написаны.")]
    notes = [(_("Текст"), _("Выводы и план, написанные руководителем МШН"))]
    return Section(
        "conclusions",
        paragraphs,
        _sheet([_("Раздел"), _("Текст")], rows, (18, 100)),
        notes,
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


BUILDERS = {  # each section's builder, by its key in TITLES (whose order is the report's)
    "general": _general,
    "normative": _normative,
    "by_form": _by_form,
    "by_organization": _by_organization,
    "young": _young,
    "programs": _programs,
    "practices": _practices,
    "meetings": _meetings,
    "roadmap": _roadmap,
    "events": _events,
    "training": _training,
    "websites": _websites,
    "indicators": _indicators,
    "conclusions": _conclusions,
}
