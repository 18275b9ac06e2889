"""The monitoring indicators of a school year, each an aggregate query scoped to the user.

Where the methodologist has accepted an organisation's submission for the year, its frozen snapshot
(`submissions.selectors.accepted_figures`) gives that organisation's mentors, mentees, pairs and young
pedagogues, and the only known denominators (pupils of 10–18 and 15–19); the registry gives the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Avg, Count, IntegerField, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from banks.models import Practice, PracticeStatus
from core import access
from directory.models import AcademicYear, Organization, PersonCategory
from meetings.selectors import roadmap_figures, two_meetings_status
from registry.models import Mentee, Mentor, MentorStatus, Pair, PairStatus, Program
from registry.young import Summary, young_pedagogue_summary_for
from reports.models import IndicatorCode, IndicatorTarget
from submissions.models import Submission, SubmissionStatus
from websites.models import ChecklistItem, CheckResult, CheckRound, WebsiteCheck
from websites.selectors import share

HISTORY_YEARS = 5
SNAPSHOT_CODES = (
    IndicatorCode.MENTORS,
    IndicatorCode.MENTEES,
    IndicatorCode.PAIRS_ACTIVE,
    IndicatorCode.PAIRS_COMPLETED,
    IndicatorCode.YOUNG,
    IndicatorCode.YOUNG_WITH_MENTOR_SHARE,
)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    value: float | int | None
    target: Decimal | None = None

    @property
    def from_snapshots(self) -> bool:
        return self.code in SNAPSHOT_CODES

    @property
    def difference(self) -> float | None:
        if self.value is None or self.target is None:
            return None
        return round(float(self.value) - float(self.target), 1)

    @property
    def progress(self) -> int | None:
        """Per cent of the target reached, capped at 100 for the bar."""
        if self.value is None or not self.target:
            return None
        return min(100, max(0, round(100 * float(self.value) / float(self.target))))


@dataclass
class Report:
    year: AcademicYear
    indicators: list[Indicator]
    mentees_by_form: list[tuple[str, int]] = field(default_factory=list)
    organizations_with_snapshot: int = 0
    young_summary: Summary | None = None  # per organisation, live (the annual report prints it)

    def value(self, code: str):
        return next(i.value for i in self.indicators if i.code == code)


def organizations_for(user, organization: Organization | None = None, kind: str = "") -> QuerySet:
    """The organisations the report covers: the user's scope, narrowed by the filters."""
    orgs = access.scope(user, Organization.objects.all(), "id")
    if organization is not None:
        orgs = orgs.filter(pk=organization.pk)
    if kind:
        orgs = orgs.filter(kind=kind)
    return orgs


def accepted_snapshots(orgs: QuerySet, year: AcademicYear) -> dict[int, dict]:
    """The latest accepted snapshot per organisation, in one query (as `accepted_figures` picks it)."""
    rows = (
        Submission.objects.filter(
            campaign__year=year,
            status=SubmissionStatus.ACCEPTED,
            organization__in=orgs,
            snapshot__isnull=False,
        )
        .order_by("organization_id", "-accepted_at", "-id")
        .values_list("organization_id", "snapshot")
    )
    snapshots: dict[int, dict] = {}
    for org_id, snapshot in rows:
        snapshots.setdefault(org_id, snapshot)
    return snapshots


@dataclass
class Figures:
    """A year's figures before the targets are put beside them (what the dashboard may keep a while)."""

    values: dict
    mentees_by_form: list[tuple[str, int]]
    organizations_with_snapshot: int
    young_summary: Summary


def report_for(user, year: AcademicYear, organization: Organization | None = None, kind: str = "") -> Report:
    """Every indicator of the year for the user's scope, with the year's targets."""
    return _with_targets(year, figures_for(user, year, organization, kind))


def _with_targets(year: AcademicYear, figures: Figures) -> Report:
    targets = dict(IndicatorTarget.objects.filter(year=year).values_list("code", "target"))
    indicators = [
        Indicator(code, str(label), figures.values[code], targets.get(code))
        for code, label in IndicatorCode.choices
    ]
    return Report(
        year, indicators, figures.mentees_by_form, figures.organizations_with_snapshot, figures.young_summary
    )


def figures_for(
    user, year: AcademicYear, organization: Organization | None = None, kind: str = ""
) -> Figures:
    orgs = organizations_for(user, organization, kind)
    snapshots = accepted_snapshots(orgs, year)
    live = orgs.exclude(pk__in=list(snapshots))
    young = young_pedagogue_summary_for(user, year, organization, kind=kind)
    values = {
        **_registry_values(live, snapshots, year),
        **_young_values(young, snapshots),
        **_pupil_values(orgs, snapshots, year),
        **_satisfaction_values(orgs, year),
        **_school_values(year),
        **_practice_values(orgs, year),
        IndicatorCode.WEBSITE_SHARE: website_share(orgs, year),
    }
    return Figures(values, _mentees_by_form(live, snapshots, year), len(snapshots), young)


# The dashboard's figures of a whole district or region take ≈0.4 s a year on 50,000 people: they are kept
# a minute for the current year and ten for the years that have ended (late entries show within that
# time; the annual report and the statistical forms are always computed afresh). A coordinator's current
# year is one organisation's, cheap, and shows their own edits at once: never kept.
CURRENT_YEAR_SECONDS = 60
PAST_YEAR_SECONDS = 600


def dashboard_report(user, year: AcademicYear, organization=None, kind: str = "") -> Report:
    current = year.contains(timezone.localdate())
    if current and not access.reads_everything(user):
        return report_for(user, year, organization, kind)
    scope = "all" if access.reads_everything(user) else f"org{user.organization_id}"
    key = f"report-figures:{scope}:{year.pk}:{organization.pk if organization else ''}:{kind}"
    seconds = CURRENT_YEAR_SECONDS if current else PAST_YEAR_SECONDS
    figures = cache.get_or_set(key, lambda: figures_for(user, year, organization, kind), seconds)
    return _with_targets(year, figures)


def _sum(snapshots: dict[int, dict], key: str) -> int:
    return sum(snapshot.get(key) or 0 for snapshot in snapshots.values())


def _registry_values(live: QuerySet, snapshots: dict[int, dict], year: AcademicYear) -> dict:
    mentors = Mentor.objects.filter(person__organization__in=live).exclude(status=MentorStatus.LEFT).count()
    mentees = Mentee.objects.filter(person__organization__in=live).count()
    pairs = Pair.objects.during(year).filter(organization__in=live)
    figures = pairs.aggregate(
        active=Count("id", filter=Q(status=PairStatus.ACTIVE)),
        completed=Count("id", filter=Q(status=PairStatus.COMPLETED)),
    )
    programs = Program.objects.filter(
        pair__in=Pair.objects.during(year).filter(organization__in=live)
    ).count()
    return {
        IndicatorCode.MENTORS: mentors + _sum(snapshots, "mentors"),
        IndicatorCode.MENTEES: mentees + _sum(snapshots, "mentees"),
        IndicatorCode.PAIRS_ACTIVE: figures["active"] + _sum(snapshots, "pairs_active"),
        IndicatorCode.PAIRS_COMPLETED: figures["completed"] + _sum(snapshots, "pairs_completed"),
        IndicatorCode.PROGRAMS: programs,
    }


def _mentees_by_form(live: QuerySet, snapshots: dict[int, dict], year: AcademicYear) -> list[tuple[str, int]]:
    counts: Counter = Counter(
        dict(
            Pair.objects.during(year)
            .filter(organization__in=live)
            .order_by()
            .values("form__name")
            .annotate(n=Count("mentees", distinct=True))
            .values_list("form__name", "n")
        )
    )
    for snapshot in snapshots.values():
        counts.update(snapshot.get("mentees_by_form") or {})
    return sorted(counts.items())


def _young_values(summary: Summary, snapshots: dict[int, dict]) -> dict:
    """Young pedagogues from registry/young.py, with the accepted figures in place of the live ones."""
    rows = summary.rows
    live_rows = [r for r in rows if r.organization_id not in snapshots]
    young = sum(r.young for r in live_rows) + _sum(snapshots, "young")
    with_mentor = sum(r.with_mentor for r in live_rows) + _sum(snapshots, "young_with_mentor")
    return {
        IndicatorCode.YOUNG: young,
        IndicatorCode.YOUNG_WITH_MENTOR_SHARE: percent(with_mentor, young),
    }


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _pupils_in_pairs(model, orgs, year: AcademicYear, youngest: int, oldest: int) -> int:
    pairs = Pair.objects.during(year)
    queryset = (
        model.objects.filter(
            person__organization__in=orgs, person__category=PersonCategory.PUPIL, pairs__in=pairs
        )
        .annotate(
            born_year=Coalesce(
                ExtractYear("person__birth_date"), "person__birth_year", output_field=IntegerField()
            )
        )
        .filter(born_year__range=(year.start_year - oldest, year.start_year - youngest))
    )
    return queryset.values("id").distinct().count()


def _pupil_values(orgs: QuerySet, snapshots: dict[int, dict], year: AcademicYear) -> dict:
    """Shares of pupils among mentees and mentors, over the organisations whose accepted figures give
    the denominator; without one the share is unknown (None)."""
    return {
        IndicatorCode.PUPILS_MENTEES_SHARE: _pupil_share(
            Mentee, orgs, snapshots, year, "pupils_10_18", (10, 18)
        ),
        IndicatorCode.PUPILS_MENTORS_SHARE: _pupil_share(
            Mentor, orgs, snapshots, year, "pupils_15_19", (15, 19)
        ),
    }


def _pupil_share(model, orgs, snapshots, year, key: str, ages: tuple[int, int]) -> float | None:
    known = [org_id for org_id, snapshot in snapshots.items() if snapshot.get(key)]
    if not known:
        return None
    pupils = _pupils_in_pairs(model, orgs.filter(pk__in=known), year, *ages)
    return percent(pupils, sum(snapshots[org_id][key] for org_id in known))


def _satisfaction_values(orgs: QuerySet, year: AcademicYear) -> dict:
    """Average satisfaction in the programs of pairs completed within the year."""
    averages = Program.objects.filter(
        pair__organization__in=orgs,
        pair__status=PairStatus.COMPLETED,
        pair__ended_on__range=(year.start_date, year.end_date),
    ).aggregate(mentor=Avg("mentor_satisfaction"), mentee=Avg("mentee_satisfaction"))
    return {
        IndicatorCode.MENTOR_SATISFACTION: _rounded(averages["mentor"]),
        IndicatorCode.MENTEE_SATISFACTION: _rounded(averages["mentee"]),
    }


def _rounded(value) -> float | None:
    return round(float(value), 1) if value is not None else None


def _school_values(year: AcademicYear) -> dict:
    """The school's own records (meetings, roadmap) belong to the district as a whole."""
    today = timezone.localdate()
    roadmap = roadmap_figures(year, today)
    return {
        IndicatorCode.MEETINGS_HELD: two_meetings_status(year, today).held,
        IndicatorCode.ROADMAP_DONE: roadmap["done"],
        IndicatorCode.ROADMAP_OVERDUE: roadmap["overdue"],
    }


def _practice_values(orgs: QuerySet, year: AcademicYear) -> dict:
    published = Q(status=PracticeStatus.PUBLISHED)
    figures = Practice.objects.filter(year=year, organization__in=orgs).aggregate(
        published=Count("id", filter=published), best=Count("id", filter=published & Q(is_best=True))
    )
    return {
        IndicatorCode.PRACTICES_PUBLISHED: figures["published"],
        IndicatorCode.PRACTICES_BEST: figures["best"],
    }


def latest_round(year: AcademicYear) -> CheckRound | None:
    """The year's latest round of website checks (by its deadline)."""
    return (
        CheckRound.objects.filter(deadline__range=(year.start_date, year.end_date))
        .order_by("-deadline", "-id")
        .first()
    )


def website_share(orgs: QuerySet, year: AcademicYear) -> int | None:
    """Per cent of the active checklist items found on the sites checked in the year's latest round."""
    round_ = latest_round(year)
    if round_ is None:
        return None
    checks = WebsiteCheck.objects.filter(round=round_, organization__in=orgs)
    found = CheckResult.objects.filter(check_record__in=checks, found=True, item__is_active=True).count()
    possible = checks.count() * ChecklistItem.objects.filter(is_active=True).count()
    return share(found, possible)


def years_up_to(year: AcademicYear) -> list[AcademicYear]:
    """The year and up to four before it, oldest first."""
    years = AcademicYear.objects.filter(start_year__lte=year.start_year).order_by("-start_year")
    return list(years[:HISTORY_YEARS])[::-1]


def history_for(user, year: AcademicYear, organization=None, kind: str = "") -> list[Report]:
    """The dashboard's year and up to four before it, oldest first."""
    return [dashboard_report(user, each, organization, kind) for each in years_up_to(year)]
