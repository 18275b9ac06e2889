"""The bank of young pedagogues (order 3.2): how many there are and how many have a mentor.

Youth is judged on one day per school year (`youth_date`): today within the current year, the year's
last day (31 August) for a past one, as every indicator of a period is judged on its last day. A young pedagogue "has a mentor" in a year when
they are a mentee of a pair that worked during that year in the state «действует» (a pair that has
since been completed, or terminated after working, still counts for that year).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core import access
from directory.models import AcademicYear, Organization, OrganizationKind, start_year_of
from registry.models import Pair, PairStatus, PairTransition, Person
from registry.selectors import PERSON_ORG

ORG_ID = "id"


def default_year() -> AcademicYear:
    """The current school year; an unsaved one when the reference list has no row for it yet."""
    current = AcademicYear.objects.current()
    return current or AcademicYear(start_year=start_year_of(timezone.localdate()))


def youth_date(year: AcademicYear) -> datetime.date:
    """The day on which youth is judged for the year."""
    return min(timezone.localdate(), year.end_date)


def pairs_active_during(year: AcademicYear) -> QuerySet:
    """Pairs that were in the state «действует» at some time within the school year."""
    left_active = PairTransition.objects.filter(pair=OuterRef("pk"), from_status=PairStatus.ACTIVE)
    worked = Q(status__in=(PairStatus.ACTIVE, PairStatus.COMPLETED)) | Q(Exists(left_active))
    return Pair.objects.during(year).filter(worked)


def has_mentor_in(year: AcademicYear) -> Exists:
    """For a Person queryset: the person is a mentee of a pair active during the year."""
    return Exists(pairs_active_during(year).filter(mentees__person=OuterRef("pk")))


def young_people_for(
    user, year: AcademicYear, *, organization: Organization | None = None, kind: str = ""
) -> QuerySet:
    """Young pedagogues the user may see, as of the year's `youth_date`."""
    people = access.scope(user, Person.objects.young(youth_date(year)), PERSON_ORG)
    if organization is not None:
        people = people.filter(organization=organization)
    if kind:
        people = people.filter(organization__kind=kind)
    return people


def young_without_mentor_for(
    user, year: AcademicYear, *, organization: Organization | None = None, kind: str = ""
) -> QuerySet:
    """The methodologist's work list: young pedagogues without a mentor in the year."""
    people = young_people_for(user, year, organization=organization, kind=kind)
    return (
        people.exclude(has_mentor_in(year))
        .select_related("organization")
        .annotate(mentee_pk=F("mentee__id"))
        .order_by("organization__sort_name", "sort_name", "id")
    )


@dataclass(frozen=True)
class SummaryRow:
    name: str
    kind: str
    young: int
    with_mentor: int
    organization_id: int | None = None

    @property
    def without_mentor(self) -> int:
        return self.young - self.with_mentor

    @property
    def share(self) -> float | None:
        """Per cent of young pedagogues with a mentor, one decimal; None when there are none."""
        return round(100 * self.with_mentor / self.young, 1) if self.young else None


@dataclass(frozen=True)
class Summary:
    year: AcademicYear
    on: datetime.date
    rows: list[SummaryRow]
    total: SummaryRow

    @property
    def show_total(self) -> bool:
        """A total only adds something over several organisations."""
        return len(self.rows) > 1


def young_pedagogue_summary_for(
    user, year: AcademicYear, organization: Organization | None = None, *, kind: str = ""
) -> Summary:
    """Per organisation: young pedagogues and those with a mentor, in one grouped query; a district total.

    Organisations without young pedagogues have nothing to report and are left out of the table.
    """
    young = young_people_for(user, year, organization=organization, kind=kind)
    counts = (
        young.order_by()
        .values("organization_id", "organization__short_name", "organization__kind")
        .annotate(young=Count("id"), with_mentor=Count("id", filter=Q(has_mentor_in(year))))
        .order_by("organization__sort_name")
    )
    kinds = {value: str(label) for value, label in OrganizationKind.choices}  # translated once, not per row
    rows = [_row(values, kinds) for values in counts]
    total = SummaryRow(
        name=_("Итого по району"),
        kind="",
        young=sum(r.young for r in rows),
        with_mentor=sum(r.with_mentor for r in rows),
    )
    return Summary(year=year, on=youth_date(year), rows=rows, total=total)


def _row(values: dict, kinds: dict[str, str]) -> SummaryRow:
    return SummaryRow(
        name=values["organization__short_name"],
        kind=kinds[values["organization__kind"]],
        young=values["young"],
        with_mentor=values["with_mentor"],
        organization_id=values["organization_id"],
    )


class WithoutMentorPages:
    """The work list as a paginator reads it: its length from the summary, a page from the few
    organisations it falls on.

    The list is ordered by organisation first, as the summary's rows are (short names are unique), so
    the summary tells which organisations a page covers; asking the database which of all young
    pedagogues of a region lack a mentor twice more (a count and a page) cost ≈ 50 ms a view.
    """

    def __init__(self, people: QuerySet, summary: Summary):
        self.people, self.summary = people, summary

    def count(self) -> int:
        return self.summary.total.without_mentor

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Person]:
        organizations, first = [], None
        position = 0
        for row in self.summary.rows:
            end = position + row.without_mentor
            if row.without_mentor and end > window.start and position < window.stop:
                first = position if first is None else first
                organizations.append(row.organization_id)
            position = end
        if not organizations:
            return []
        shown = self.people.filter(organization_id__in=organizations)
        return list(shown[window.start - first : window.stop - first])


def summary_table(summary: Summary) -> tuple[list[str], list[list]]:
    """Headers and rows of the summary for the XLSX download: numbers stay numbers."""
    headers = [
        _("Организация"),
        _("Вид"),
        _("Молодых педагогов"),
        _("С наставником"),
        _("Без наставника"),
        _("Доля с наставником, %"),
    ]
    totals = [summary.total] if summary.show_total else []
    rows = [_cells(row) for row in [*summary.rows, *totals]]
    return headers, rows


def _cells(row: SummaryRow) -> list:
    return [row.name, row.kind, row.young, row.with_mentor, row.without_mentor, row.share]
