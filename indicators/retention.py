"""The retention ledger («закрепившиеся в профессии»): of each school year's cohort of young pedagogues, how
many still work in the district's education 1, 2 and 3 years later — with a mentor and without.

Defined here once; the ledger page, its XLSX, the dashboard and the annual analysis read `ledger()`.

- The cohort of a school year: pedagogues whose pedagogical experience began in that year (young
  pedagogues entering the profession), by the organisation they began in.
- «С наставником»: a mentee of a pair that worked («действует») during the cohort's year.
- Still working after k years: on the day k years after the start of experience the person has a period
  of work in some organisation of the district (`careers.EmploymentPeriod`; a person with no recorded
  period still works where the registry places them). A pedagogue who moved schools stays retained; one
  who left does not. A horizon is counted only once every member of the cohort has reached it.
- A cohort year with accepted figures (`careers.AcceptedRetention`, typed from the yearly reports made
  before the registry) is read from them instead.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, DateField, Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careers.models import AcceptedRetention, EmploymentPeriod
from directory.models import AcademicYear, PersonCategory, start_year_of
from registry.models import Person
from registry.young import has_mentor_in

HORIZONS = (1, 2, 3)
NAME = _("Закрепление молодых педагогов в профессии")
DEFINITION = _(
    "Из молодых педагогов, начавших педагогический стаж в учебном году (когорта), — доля тех, кто через 1, 2 и "
    "3 года работает в образовании района (по периодам работы: перешедший в другую школу района закрепился, "
    "уволившийся — нет); отдельно с наставником (наставляемый пары, работавшей в год когорты) и без него."
)
REGISTRY, ACCEPTED = "registry", "accepted"


class AddYears(Func):
    output_field = DateField()
    template = "(%(expressions)s + make_interval(years => %(years)s))::date"

    def __init__(self, expression, years: int):
        super().__init__(expression, years=int(years))


@dataclass
class Cell:
    """A cohort (or part of it) and how many of it still work after each horizon (None: not yet known)."""

    cohort: int = 0
    retained: list[int | None] = field(default_factory=lambda: [0, 0, 0])

    def add(self, other: Cell) -> None:
        self.cohort += other.cohort
        self.retained = [
            None if a is None or b is None else a + b
            for a, b in zip(self.retained, other.retained, strict=True)
        ]

    def share(self, index: int) -> float | None:
        kept = self.retained[index]
        return None if kept is None or not self.cohort else round(100 * kept / self.cohort, 1)


@dataclass
class Cohort:
    year: AcademicYear
    source: str
    # organisation id → {True: with a mentor, False: without}
    by_organization: dict[int, dict[bool, Cell]]
    known: tuple[bool, ...] = (True, True, True)  # which horizons every member has reached

    def total(self, mentored: bool | None = None, organization_id: int | None = None) -> Cell:
        """The cohort of the district (or one organisation), with a mentor, without, or all (None)."""
        total = Cell(0, [0 if known else None for known in self.known])
        parts = (
            [self.by_organization.get(organization_id, {})]
            if organization_id
            else self.by_organization.values()
        )
        for cells in parts:
            for flag, cell in cells.items():
                if mentored is None or flag == mentored:
                    total.add(cell)
        return total

    @property
    def source_label(self) -> str:
        return str(_("принятые отчёты")) if self.source == ACCEPTED else str(_("реестр (периоды работы)"))


def measurable(year: AcademicYear, horizon: int, today: datetime.date) -> bool:
    """Every member of the cohort has reached the horizon (the last started on the year's last day)."""
    return add_years(year.end_date, horizon) <= today


def _known(year: AcademicYear, today: datetime.date) -> tuple[bool, ...]:
    return tuple(measurable(year, horizon, today) for horizon in HORIZONS)


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _works_after(years: int) -> Q:
    """The person works in the district `years` after the start of their experience: a period covers
    that day, or none is recorded."""
    day_expression = AddYears(OuterRef("experience_start"), years)
    periods = EmploymentPeriod.objects.filter(person=OuterRef("pk"))
    covering = periods.filter(Q(started_on__isnull=True) | Q(started_on__lte=day_expression)).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day_expression)
    )
    return Q(Exists(covering)) | ~Q(Exists(periods))


def _entry_organization():
    """The organisation a person began in: the period covering the start of experience, else the first."""
    periods = EmploymentPeriod.objects.filter(person=OuterRef("pk")).order_by(
        F("started_on").asc(nulls_first=True)
    )
    start = OuterRef("experience_start")
    covering = periods.filter(Q(started_on__isnull=True) | Q(started_on__lte=start)).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )
    return Coalesce(
        Subquery(covering.values("organization_id")[:1]),
        Subquery(periods.values("organization_id")[:1]),
        F("organization_id"),
        output_field=IntegerField(),
    )


def registry_cohort(year: AcademicYear, today: datetime.date, organization_ids=None) -> Cohort:
    """One grouped query: the cohort by entry organisation and mentor, with the retained per horizon."""
    people = Person.objects.filter(
        category=PersonCategory.PEDAGOGUE,
        is_anonymised=False,
        experience_start__range=(year.start_date, year.end_date),
    ).annotate(entry_org=_entry_organization(), mentored=has_mentor_in(year))
    if organization_ids is not None:
        people = people.filter(entry_org__in=organization_ids)
    counts = {"n": Count("id")}
    for horizon in HORIZONS:
        if measurable(year, horizon, today):
            counts[f"r{horizon}"] = Count("id", filter=_works_after(horizon))
    by_organization: dict[int, dict[bool, Cell]] = defaultdict(dict)
    for row in people.values("entry_org", "mentored").annotate(**counts).order_by():
        retained = [row.get(f"r{h}") for h in HORIZONS]
        by_organization[row["entry_org"]][row["mentored"]] = Cell(row["n"], retained)
    return Cohort(year, REGISTRY, dict(by_organization), _known(year, today))


def accepted_cohort(year: AcademicYear, rows, today: datetime.date) -> Cohort:
    by_organization: dict[int, dict[bool, Cell]] = defaultdict(dict)
    for row in rows:
        retained = [getattr(row, f"after_{h}") if measurable(year, h, today) else None for h in HORIZONS]
        by_organization[row.organization_id][row.with_mentor] = Cell(row.cohort, retained)
    return Cohort(year, ACCEPTED, dict(by_organization), _known(year, today))


def cohort_years(today: datetime.date, count: int = 5):
    """The last `count` school years that have begun, oldest first."""
    years = AcademicYear.objects.filter(start_year__lte=start_year_of(today)).order_by("-start_year")[:count]
    return list(reversed(years))


def ledger(organization_ids=None, *, today: datetime.date | None = None, count: int = 5) -> list[Cohort]:
    """The ledger over the last `count` cohort years (a query per registry year, one for accepted figures);
    `organization_ids` limits it to those entry organisations (a coordinator's one)."""
    today = today or timezone.localdate()
    years = cohort_years(today, count)
    accepted = AcceptedRetention.objects.filter(cohort_year__in=years)
    if organization_ids is not None:
        accepted = accepted.filter(organization_id__in=organization_ids)
    accepted_by_year = defaultdict(list)
    for row in accepted:
        accepted_by_year[row.cohort_year_id].append(row)
    return [
        accepted_cohort(year, accepted_by_year[year.pk], today)
        if year.pk in accepted_by_year
        else registry_cohort(year, today, organization_ids)
        for year in years
    ]


def latest_share(
    cohorts: list[Cohort], horizon: int = 1, mentored: bool | None = None
) -> tuple[Cohort, float] | None:
    """The newest cohort whose horizon is known, and its share retained — the dashboard's one figure."""
    index = HORIZONS.index(horizon)
    for cohort in reversed(cohorts):
        share = cohort.total(mentored).share(index)
        if share is not None:
            return cohort, share
    return None
