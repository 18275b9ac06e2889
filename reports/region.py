"""The region's summary: a row per district (its organisations' figures, its school's meetings, its approved
annual analysis) and the region's total, from the same figures as every other page (`reports.indicators`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core import access
from core.freshness import KEEP_SECONDS, figures_version
from directory.models import AcademicYear, District
from indicators.definitions import definition
from indicators.values import Period, add_up, organisation_values
from meetings.models import Meeting, MeetingStatus
from reports.indicators import FIGURES_SHAPE, figures_for, organizations_for
from reports.models import ApprovedReport

# The columns of the summary: what a regional reader compares districts by (the XLSX has the same).
CODES = (
    "mentors",
    "mentees",
    "pairs_active",
    "pairs_completed",
    "young",
    "young_with_mentor_share",
    "pedagogue_mentors_share",
    "mentors_trained",
)


@dataclass(frozen=True)
class DistrictRow:
    name: str
    organizations: int
    values: dict
    meetings_held: int
    approved: ApprovedReport | None = None
    district: District | None = None  # None: the region's total

    @property
    def columns(self) -> list:
        return [self.values[code] for code in CODES]


def headers() -> list[str]:
    return [
        str(_("Муниципальное образование")),
        str(_("Организаций")),
        *[str(definition(code).name) for code in CODES],
        str(_("Заседаний МШН проведено")),
        str(_("Анализ работы за год")),
    ]


def summary_for(user, year: AcademicYear) -> tuple[list[DistrictRow], DistrictRow]:
    """Every district the user reads, and their total; a fixed number of queries whatever the region's size."""
    period = Period.of_year(year)
    figures = figures_for(user, period)
    district_of = dict(organizations_for(user).values_list("id", "district_id"))
    components = defaultdict(list)
    for row in figures.rows:
        components[district_of[row.organization_id]].append(row.components)
    meetings = _meetings_held(user, year, period)
    approved = _approved(user, year)
    districts = access.scope(user, District.objects.all(), None).order_by("sort_name", "id")
    rows = [
        DistrictRow(
            district.name,
            len(components[district.pk]),
            organisation_values(add_up(components[district.pk])),
            meetings.get(district.pk, 0),
            approved.get(district.pk),
            district,
        )
        for district in districts
    ]
    total = DistrictRow(str(_("Итого по краю")), len(figures.rows), figures.values, sum(meetings.values()))
    return rows, total


def kept_summary_for(user, year: AcademicYear) -> tuple[list[DistrictRow], DistrictRow]:
    """The summary kept in the shared cache until the data under it changes (the region's home page)."""
    key = f"region-summary:{FIGURES_SHAPE}:{figures_version()}:{access.district_of(user)}:{year.pk}"
    return cache.get_or_set(key, lambda: summary_for(user, year), KEEP_SECONDS)


def _meetings_held(user, year: AcademicYear, period: Period) -> dict[int, int]:
    held = access.scope(user, Meeting.objects.all(), None).filter(
        year=year, status=MeetingStatus.APPROVED, date__lte=period.on
    )
    return dict(held.values("district").annotate(n=Count("id")).values_list("district", "n"))


def _approved(user, year: AcademicYear) -> dict[int, ApprovedReport]:
    """Each district's latest approved analysis of the year (the district's own, not an organisation's)."""
    versions = access.scope(user, ApprovedReport.objects.all(), None).filter(year=year, organization=None)
    latest: dict[int, ApprovedReport] = {}
    for report in versions.order_by("district_id", "-version"):
        latest.setdefault(report.district_id, report)
    return latest
