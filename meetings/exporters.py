"""The protocol of a meeting and the roadmap as official documents (ГОСТ Р 7.0.97): PDF and XLSX."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.columns import Column
from core.exporters import PdfDocument, Stamp
from core.typography import initials_name
from directory.models import AcademicYear, DocumentRequisites
from meetings.models import Meeting, RoadmapItem

ROADMAP_COLUMNS = (
    Column(_lazy("№"), "position"),
    Column(_lazy("Этап"), "stage"),
    Column(_lazy("Мероприятие"), "activity", link=True),
    Column(_lazy("Срок"), "due"),
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
    requisites = DocumentRequisites.current()
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
    requisites = DocumentRequisites.current()
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
