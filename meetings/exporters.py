"""The protocol of a meeting and the roadmap as official documents (ГОСТ Р 7.0.97): PDF and XLSX."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.columns import Column
from core.docx_files import DocxDocument
from core.exporters import PdfDocument, Stamp, XlsxTable
from core.typography import initials_name
from directory.models import AcademicYear, DocumentRequisites
from meetings.models import Meeting, RoadmapItem, SupportPlan, school_year_title
from meetings.plans import ItemCoverage, PlanCoverage

ROADMAP_COLUMNS = (
    Column(_lazy("№"), "position"),
    Column(_lazy("Этап"), "stage"),
    Column(_lazy("Мероприятие"), "activity", link=True),
    Column(_lazy("Срок"), lambda item: item.due_on if item.due_on and not item.due_note else item.due),
    Column(_lazy("Ответственный"), "responsible"),
    Column(_lazy("Ожидаемый результат / вид документа"), "expected_result"),
)


def people_count(number: int) -> str:
    """«21 человек», «22 человека», «25 человек»: the Russian plural of «человек» after a number."""
    few = number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14)
    return _("%(n)s человека") % {"n": number} if few else _("%(n)s человек") % {"n": number}


def protocol_context(meeting: Meeting) -> dict:
    present = list(meeting.present.all())
    threshold = settings.MSHN_PROTOCOL_LIST_THRESHOLD
    listed = len(present) <= threshold
    requisites = DocumentRequisites.current(meeting.district_id)
    return {
        "organization_name": requisites.organization_name,
        "place": requisites.place,
        "draft": not meeting.is_approved,
        "document_author": requisites.organization_name,
        "document_date": meeting.date,
        "meeting": meeting,
        "present": present,
        "present_line": ", ".join(initials_name(p.last_name, p.first_name, p.middle_name) for p in present)
        if listed
        else "",
        "present_count": "" if listed else people_count(len(present)),
        "guests": "; ".join(meeting.guest_lines),
        "agenda": list(meeting.agenda.all()),
    }


def protocol_file_stem(meeting: Meeting) -> str:
    return _("протокол_%(number)s_%(date)s") % {"number": meeting.number, "date": f"{meeting.date:%d.%m.%Y}"}


def protocol_document(meeting: Meeting) -> PdfDocument:
    return PdfDocument(protocol_file_stem(meeting), "meetings/pdf/protocol.html", protocol_context(meeting))


def roadmap_context(year: AcademicYear, items: list[RoadmapItem]) -> dict:
    requisites = DocumentRequisites.current(items[0].district_id if items else None)
    return {
        "organization_name": requisites.organization_name,
        "heading": roadmap_heading(year),
        "year": year,
        "items": items,
        "stamp": Stamp(requisites.approver_position, requisites.approver_name),
        "document_author": requisites.organization_name,
        "document_date": timezone.localdate(),
    }


def roadmap_heading(year: AcademicYear) -> str:
    return _("Дорожная карта муниципальной Школы наставничества на %(year)s учебный год") % {
        "year": year.title
    }


def roadmap_file_stem(year: AcademicYear) -> str:
    return _("дорожная_карта_%(year)s") % {"year": year.title.replace("/", "-")}


def roadmap_document(year: AcademicYear, items: list[RoadmapItem]) -> PdfDocument:
    return PdfDocument(roadmap_file_stem(year), "meetings/pdf/roadmap.html", roadmap_context(year, items))


PRESENT_WIDTHS_MM = (12, 75, 83)


def protocol_docx(meeting: Meeting) -> DocxDocument:
    """The protocol as an editable document: the same requisites and text as its PDF."""
    context = protocol_context(meeting)
    title = _("Протокол заседания муниципальной Школы наставничества от %(date)s № %(number)s") % {
        "date": f"{meeting.date:%d.%m.%Y}",
        "number": meeting.number,
    }
    doc = DocxDocument(protocol_file_stem(meeting), title, context["organization_name"])
    if context["draft"]:
        doc.draft_mark()
    doc.paragraph(context["organization_name"], align="center", bold=True, size=12)
    doc.paragraph(_("ПРОТОКОЛ"), align="center", bold=True, size=14)
    doc.paragraph(f"{meeting.date:%d.%m.%Y}\t\t\t\t\t\t\t\t№ {meeting.number}", align="left")
    doc.paragraph(context["place"], align="left")
    doc.paragraph(_("заседания муниципальной Школы наставничества"), align="left", bold=True)
    doc.paragraph(_("Председатель – %(name)s") % {"name": meeting.chair.short_name}, align="left")
    doc.paragraph(_("Секретарь – %(name)s") % {"name": meeting.secretary.short_name}, align="left")
    if context["present_count"]:
        present = _("%(count)s (список прилагается)") % {"count": context["present_count"]}
    else:
        present = context["present_line"]
    doc.paragraph(_("Присутствовали: %(present)s") % {"present": present}, indent=True)
    if context["guests"]:
        doc.paragraph(_("Приглашённые: %(guests)s") % {"guests": context["guests"]}, indent=True)
    doc.paragraph(_("ПОВЕСТКА ДНЯ:"), bold=True, align="left", keep_with_next=True)
    for number, item in enumerate(context["agenda"], start=1):
        doc.paragraph(f"{number}. {item.topic}", indent=True)
    for number, item in enumerate(context["agenda"], start=1):
        speakers = f"{item.speakers} – " if item.speakers else ""
        doc.paragraph(f"{number}. СЛУШАЛИ: {speakers}{item.heard or item.topic}", indent=True)
        if item.spoke:
            doc.paragraph(f"ВЫСТУПИЛИ: {item.spoke}", indent=True)
        doc.paragraph("ПОСТАНОВИЛИ (РЕШИЛИ):", indent=True, keep_with_next=True)
        for sub, decision in enumerate(item.decision_lines, start=1):
            doc.paragraph(f"{number}.{sub}. {decision}", indent=True)
    doc.signatures(
        [(_("Председатель"), meeting.chair.short_name), (_("Секретарь"), meeting.secretary.short_name)]
    )
    if context["present_count"]:
        doc.document.add_page_break()
        doc.paragraph(
            _("Приложение к протоколу от %(date)s № %(number)s")
            % {"date": f"{meeting.date:%d.%m.%Y}", "number": meeting.number},
            align="right",
        )
        doc.paragraph(_("Список присутствовавших"), align="center", bold=True)
        rows = [[n, p.full_name, p.position] for n, p in enumerate(context["present"], start=1)]
        headers = [_("№"), _("Фамилия, имя, отчество"), _("Должность")]
        doc.table(headers, rows, PRESENT_WIDTHS_MM, caption=_("Таблица 1"))
    return doc


ROADMAP_WIDTHS_MM = (10, 40, 72, 28, 40, 57)


def roadmap_docx(year: AcademicYear, items: list[RoadmapItem]) -> DocxDocument:
    context = roadmap_context(year, items)
    doc = DocxDocument(
        roadmap_file_stem(year), context["heading"], context["organization_name"], landscape=True
    )
    doc.stamp(context["stamp"])
    doc.paragraph(context["organization_name"], align="center", bold=True, size=12)
    doc.paragraph(_("ДОРОЖНАЯ КАРТА"), align="center", bold=True, size=14)
    doc.paragraph(
        _("муниципальной Школы наставничества на %(year)s учебный год") % {"year": year.title}, align="center"
    )
    headers = [str(column.title) for column in ROADMAP_COLUMNS]
    rows = [
        [item.position, item.stage, item.activity, item.due, item.responsible, item.expected_result]
        for item in items
    ]
    doc.table(headers, rows, ROADMAP_WIDTHS_MM, caption=_("Таблица 1"))
    return doc


# The multi-year plan of methodological support -------------------------------------------------------

PLAN_HEADERS = (
    _lazy("№"),
    _lazy("Направление"),
    _lazy("Мероприятие"),
    _lazy("Учебные годы"),
    _lazy("Ожидаемый результат"),
    _lazy("Пункты дорожных карт"),
    _lazy("Выполнено пунктов"),
    _lazy("В дорожной карте текущего года"),
)


def plan_heading(plan: SupportPlan) -> str:
    return _("%(title)s на %(period)s годы") % {"title": plan.title, "period": plan.period}


def plan_file_stem(plan: SupportPlan) -> str:
    return _("план_методического_сопровождения_%(period)s") % {"period": plan.period.replace("–", "-")}


def roadmap_realisation(row: ItemCoverage) -> str:
    """«2024/2025 № 3 (выполнено); 2025/2026 № 5 (в работе)»: the roadmap items that realise a plan item."""
    return "; ".join(f"{r.year.title} № {r.position} ({r.get_status_display()})" for r in row.roadmap)


def this_year_mark(row: ItemCoverage) -> str:
    if not row.runs_this_year:
        return _("не в этом году")
    return _("есть") if row.covered_this_year else _("нет")


def plan_rows(coverage: PlanCoverage) -> list[list]:
    return [
        [
            row.item.number,
            direction.direction.title,
            row.item.activity,
            row.item.years,
            row.item.expected_result,
            roadmap_realisation(row),
            row.done,
            this_year_mark(row),
        ]
        for direction in coverage.directions
        for row in direction.items
    ]


def plan_xlsx(coverage: PlanCoverage) -> XlsxTable:
    plan = coverage.plan
    note = _("Основание: %(basis)s. Текущий учебный год: %(year)s") % {
        "basis": plan.basis or "—",
        "year": school_year_title(coverage.start_year),
    }
    headers = [str(h) for h in PLAN_HEADERS]
    return XlsxTable(plan_file_stem(plan), plan_heading(plan), headers, plan_rows(coverage), note)


def plan_document(coverage: PlanCoverage) -> PdfDocument:
    requisites = DocumentRequisites.current()
    context = {
        "organization_name": requisites.organization_name,
        "heading": plan_heading(coverage.plan),
        "plan": coverage.plan,
        "coverage": coverage,
        "stamp": Stamp(requisites.approver_position, requisites.approver_name),
        "document_author": requisites.organization_name,
        "document_date": timezone.localdate(),
    }
    return PdfDocument(plan_file_stem(coverage.plan), "meetings/pdf/plan.html", context)
