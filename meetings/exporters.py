"""The protocol of a meeting and the roadmap as official documents (ГОСТ Р 7.0.97): PDF and XLSX."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.columns import Column
from core.exporters import PdfDocument
from directory.models import AcademicYear
from meetings.models import Meeting, RoadmapItem

ROADMAP_COLUMNS = (
    Column(_lazy("№"), "position"),
    Column(_lazy("Этап"), "stage"),
    Column(_lazy("Мероприятие"), "activity", link=True),
    Column(_lazy("Срок"), "due"),
    Column(_lazy("Ответственный"), "responsible"),
    Column(_lazy("Ожидаемый результат / вид документа"), "expected_result"),
)


def organization_name() -> str:
    return settings.MSHN_ORGANIZATION_NAME


def people_count(number: int) -> str:
    """«21 человек», «22 человека», «25 человек»: the Russian plural of «человек» after a number."""
    few = number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14)
    return _("%(n)s человека") % {"n": number} if few else _("%(n)s человек") % {"n": number}


def protocol_context(meeting: Meeting) -> dict:
    present = list(meeting.present.all())
    threshold = settings.MSHN_PROTOCOL_LIST_THRESHOLD
    listed = len(present) <= threshold
    return {
        "organization_name": organization_name(),
        "meeting": meeting,
        "present": present,
        "present_line": ", ".join(p.short_name for p in present) if listed else "",
        "present_count": "" if listed else people_count(len(present)),
        "guests": "; ".join(meeting.guest_lines),
        "agenda": list(meeting.agenda.all()),
    }


def protocol_document(meeting: Meeting) -> PdfDocument:
    name = _("протокол_%(number)s_%(date)s") % {"number": meeting.number, "date": f"{meeting.date:%d.%m.%Y}"}
    return PdfDocument(name, "meetings/pdf/protocol.html", protocol_context(meeting))


def roadmap_document(year: AcademicYear, items: list[RoadmapItem]) -> PdfDocument:
    context = {
        "organization_name": organization_name(),
        "year": year,
        "items": items,
        "approver_position": settings.MSHN_ROADMAP_APPROVER_POSITION,
        "approver_name": settings.MSHN_ROADMAP_APPROVER_NAME,
    }
    name = _("дорожная_карта_%(year)s") % {"year": year.title.replace("/", "-")}
    return PdfDocument(name, "meetings/pdf/roadmap.html", context)
