"""«Документация МШН»: the five documents of regulation section 4 for the current school year — the
regulation, the order that created the school, the year's roadmap, the protocols of its meetings and the
analysis of the previous year — whether each exists, with links, and what is missing. Five queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from banks.models import DocumentKind, DocumentLevel, NormativeDocument
from core.attention import Line
from directory.models import AcademicYear
from meetings.models import MeetingStatus
from meetings.selectors import meetings_for, roadmap_for
from reports.models import ApprovedReport

OWN_LEVELS = (DocumentLevel.MUNICIPAL, DocumentLevel.LOCAL)
ABOUT_SCHOOL = Q(title__icontains="школ") & Q(title__icontains="наставничеств")


@dataclass(frozen=True)
class Duty:
    title: str
    lines: list[Line] = field(default_factory=list)
    missing: str = ""  # what to do when there is nothing
    action: Line | None = None

    @property
    def present(self) -> bool:
        return bool(self.lines)


def _documents(condition: Q) -> list[Line]:
    found = NormativeDocument.objects.filter(condition, level__in=OWN_LEVELS).order_by("-issued_on", "id")[:3]
    return [Line(str(document), document.get_absolute_url()) for document in found]


def regulation() -> Duty:
    condition = ABOUT_SCHOOL & (Q(kind=DocumentKind.REGULATION) | Q(title__icontains="положени"))
    return Duty(
        _("Положение о муниципальной Школе наставничества"),
        _documents(condition),
        _("В нормативных документах нет положения о МШН (муниципального или локального)."),
        Line(_("Добавить документ"), reverse("banks:document_create")),
    )


def founding_order() -> Duty:
    condition = ABOUT_SCHOOL & Q(kind__in=(DocumentKind.ORDER, DocumentKind.DIRECTIVE))
    return Duty(
        _("Распоряжение (приказ) о создании МШН"),
        _documents(condition),
        _("В нормативных документах нет распоряжения или приказа о МШН."),
        Line(_("Добавить документ"), reverse("banks:document_create")),
    )


def roadmap(user, year: AcademicYear) -> Duty:
    count = roadmap_for(user).filter(year=year).count()
    url = f"{reverse('meetings:roadmap_list')}?{urlencode({'year': year.pk})}"
    lines = (
        [Line(_("Дорожная карта %(year)s: пунктов — %(n)s") % {"year": year, "n": count}, url)]
        if count
        else []
    )
    return Duty(
        _("Дорожная карта МШН на %(year)s учебный год") % {"year": year},
        lines,
        _("В дорожной карте %(year)s нет ни одного пункта.") % {"year": year},
        Line(_("Начать дорожную карту (можно копией прошлогодней)"), reverse("meetings:roadmap_list")),
    )


def protocols(user, year: AcademicYear, today: datetime.date) -> Duty:
    held = meetings_for(user).filter(year=year, status=MeetingStatus.APPROVED).order_by("date", "number")
    lines = [Line(str(meeting), reverse("meetings:meeting_protocol", args=[meeting.pk])) for meeting in held]
    return Duty(
        _("Протоколы заседаний МШН за %(year)s учебный год") % {"year": year},
        lines,
        _("Утверждённых протоколов заседаний за %(year)s нет (заседаний — не реже 2 раз за год).")
        % {"year": year},
        Line(_("Заседания"), reverse("meetings:meeting_list")),
    )


def last_analysis(year: AcademicYear) -> Duty:
    previous = AcademicYear.objects.filter(start_year=year.start_year - 1).first()
    title = _("Анализ работы МШН за прошедший учебный год")
    if previous is None:
        return Duty(title, [], _("Прошлый учебный год не заведён в справочнике."), None)
    approved = ApprovedReport.objects.filter(year=previous, organization=None).order_by("-version").first()
    lines = (
        [Line(str(approved), reverse("reports:archive_file", kwargs={"pk": approved.pk, "fmt": "pdf"}))]
        if approved
        else []
    )
    annual = f"{reverse('reports:annual')}?{urlencode({'year': previous.pk})}"
    return Duty(
        _("Анализ работы МШН за %(year)s учебный год") % {"year": previous},
        lines,
        _("Анализ работы за %(year)s не утверждён.") % {"year": previous},
        Line(_("Открыть анализ и утвердить"), annual),
    )


def documentation_for(user, today: datetime.date) -> tuple[AcademicYear | None, list[Duty]]:
    year = AcademicYear.objects.current()
    if year is None:
        return None, []
    return year, [
        regulation(),
        founding_order(),
        roadmap(user, year),
        protocols(user, year, today),
        last_analysis(year),
    ]
