"""How the indicators of `indicators.definitions` are computed.

An organisation's figures are additive *components* (counts, sums): each is one grouped query over all
the organisations of a report, whatever their number. An indicator's value is derived from the components
added up over a set of organisations — one organisation, a kind, the district — so a total is always the
sum of its rows, and a share is computed from summed parts, never averaged from shares.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, IntegerField, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from banks.models import MentoringProgram, Practice, PracticeStatus
from directory.models import AcademicYear, PersonCategory
from indicators.definitions import BY_CODE, SCHOOL
from meetings.selectors import roadmap_figures, two_meetings_status
from registry.models import Mentee, Mentor, MentorStatus, Pair, PairStatus, Person
from registry.young import has_mentor_in, pairs_active_during
from websites.models import ChecklistItem, CheckResult, CheckRound, WebsiteCheck

SNAPSHOT_VERSION = 2
# Counted in the registry, per organisation.
COUNTED = (
    "mentors", "mentors_in_pairs", "mentees", "mentees_in_pairs", "pairs_active", "pairs_completed",
    "programs", "org_programs", "young", "young_with_mentor", "pupil_mentees", "pupil_mentors",
    "mentor_satisfaction_sum", "mentor_satisfaction_n", "mentee_satisfaction_sum", "mentee_satisfaction_n",
    "practices_published", "practices_best", "website_found", "website_possible",
)  # fmt: skip
# Declared by the organisation in its report (None when not declared): the denominators of pupil shares.
DECLARED = ("pupils_10_18", "pupils_15_19")
COMPONENTS = COUNTED + DECLARED
# Snapshots frozen before the indicators had one definition (no "version") hold these keys with today's
# meaning; everything else of theirs is read live and marked so.
LEGACY_KEYS = (
    "mentors", "mentees", "pairs_active", "pairs_completed", "young", "young_with_mentor",
    "practices_published", "pupils_10_18", "pupils_15_19",
)  # fmt: skip
PUPIL_AGES = {"pupil_mentees": (10, 18), "pupil_mentors": (15, 19)}


@dataclass(frozen=True)
class Period:
    """The days a report covers: a school year or part of it (an interim campaign's half-year)."""

    year: AcademicYear
    start_date: datetime.date
    end_date: datetime.date

    @classmethod
    def of_year(cls, year: AcademicYear) -> Period:
        return cls(year, year.start_date, year.end_date)

    @property
    def is_whole_year(self) -> bool:
        return (self.start_date, self.end_date) == (self.year.start_date, self.year.end_date)

    @property
    def on(self) -> datetime.date:
        """The day the registry is judged on: the period's last day, or today while it runs."""
        return min(timezone.localdate(), self.end_date)

    @property
    def title(self) -> str:
        if self.is_whole_year:
            return self.year.title
        return f"{self.start_date:%d.%m.%Y} – {self.end_date:%d.%m.%Y}"


# Components ---------------------------------------------------------------------------------------------


def components_by_organization(orgs: QuerySet, period: Period) -> dict[int, dict]:
    """Every counted component of every organisation of `orgs` with anything to count (a fixed number of
    grouped queries); organisations left out count zero."""
    found: dict[int, dict] = defaultdict(dict)
    for grouped in (
        _bank(orgs, period), _pairs(orgs, period), _completed(orgs, period), _org_programs(orgs, period),
        _young(orgs, period), *(_pupils(orgs, period, key) for key in PUPIL_AGES), _practices(orgs, period),
        _websites(orgs, period),
    ):  # fmt: skip
        for org_id, values in grouped:
            found[org_id].update(values)
    return {org_id: {key: values.get(key, 0) for key in COUNTED} for org_id, values in found.items()}


def zero_components() -> dict:
    return {**dict.fromkeys(COUNTED, 0), **dict.fromkeys(DECLARED)}


def _grouped(queryset: QuerySet, org_field: str, **aggregates) -> Iterable[tuple[int, dict]]:
    rows = queryset.order_by().values(org_field).annotate(**aggregates)
    return ((row.pop(org_field), row) for row in rows)


def _bank(orgs, period: Period):
    mentors = Mentor.objects.filter(person__organization__in=orgs, entered_on__lte=period.end_date).exclude(
        status=MentorStatus.LEFT
    )
    mentees = Mentee.objects.filter(person__organization__in=orgs, entered_on__lte=period.end_date)
    yield from _grouped(mentors, "person__organization_id", mentors=Count("id"))
    yield from _grouped(mentees, "person__organization_id", mentees=Count("id"))


def worked_pairs(orgs, period: Period) -> QuerySet:
    """Pairs and groups of the organisations that were «действует» at some time within the period."""
    return pairs_active_during(period).filter(organization__in=orgs)


def _pairs(orgs, period: Period):
    return _grouped(
        worked_pairs(orgs, period),
        "organization_id",
        pairs_active=Count("id", distinct=True),
        mentors_in_pairs=Count("mentor", distinct=True),
        mentees_in_pairs=Count("mentees", distinct=True),
        programs=Count("program", distinct=True),
    )


def _completed(orgs, period: Period):
    completed = Pair.objects.filter(
        organization__in=orgs,
        status=PairStatus.COMPLETED,
        ended_on__range=(period.start_date, period.end_date),
    )
    return _grouped(
        completed,
        "organization_id",
        pairs_completed=Count("id"),
        mentor_satisfaction_sum=Coalesce(Sum("program__mentor_satisfaction"), 0),
        mentor_satisfaction_n=Count("program__mentor_satisfaction"),
        mentee_satisfaction_sum=Coalesce(Sum("program__mentee_satisfaction"), 0),
        mentee_satisfaction_n=Count("program__mentee_satisfaction"),
    )


def _org_programs(orgs, period: Period):
    programs = MentoringProgram.objects.filter(organization__in=orgs, starts_on__lte=period.end_date).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=period.start_date)
    )
    return _grouped(programs, "organization_id", org_programs=Count("id"))


def _young(orgs, period: Period):
    young = Person.objects.filter(organization__in=orgs).young(period.on)
    return _grouped(
        young,
        "organization_id",
        young=Count("id"),
        young_with_mentor=Count("id", filter=Q(has_mentor_in(period))),
    )


def _pupils(orgs, period: Period, key: str):
    """Pupils of the ages of `key` among the mentees (or mentors) of the period's pairs."""
    model = Mentee if key == "pupil_mentees" else Mentor
    youngest, oldest = PUPIL_AGES[key]
    start = period.year.start_year
    pupils = (
        model.objects.filter(
            person__organization__in=orgs,
            person__category=PersonCategory.PUPIL,
            pairs__in=worked_pairs(orgs, period),
        )
        .annotate(
            born=Coalesce(
                ExtractYear("person__birth_date"), "person__birth_year", output_field=IntegerField()
            )
        )
        .filter(born__range=(start - oldest, start - youngest))
    )
    return _grouped(pupils, "person__organization_id", **{key: Count("id", distinct=True)})


def _practices(orgs, period: Period):
    published = Practice.objects.filter(
        year=period.year, organization__in=orgs, status=PracticeStatus.PUBLISHED
    ).filter(Q(published_on__isnull=True) | Q(published_on__lte=period.end_date))
    return _grouped(
        published,
        "organization_id",
        practices_published=Count("id"),
        practices_best=Count("id", filter=Q(is_best=True)),
    )


def latest_round(period: Period) -> CheckRound | None:
    """The period's latest round of website checks (by its deadline)."""
    return (
        CheckRound.objects.filter(deadline__range=(period.start_date, period.end_date))
        .order_by("-deadline", "-id")
        .first()
    )


def _websites(orgs, period: Period):
    round_ = latest_round(period)
    if round_ is None:
        return
    items = ChecklistItem.objects.filter(is_active=True).count()
    checked = WebsiteCheck.objects.filter(round=round_, organization__in=orgs, checked_at__isnull=False)
    found = CheckResult.objects.filter(check_record__in=checked, found=True, item__is_active=True)
    yield from _grouped(checked, "organization_id", website_possible=Count("id") * items)
    yield from _grouped(found, "check_record__organization_id", website_found=Count("id"))


def by_form_of(orgs, period: Period) -> dict[int, dict[str, list[int]]]:
    """Per organisation and form of mentoring: [mentors, mentees, pairs] of the period's worked pairs."""
    rows = (
        worked_pairs(orgs, period)
        .order_by()
        .values("organization_id", "form__name")
        .annotate(
            mentors=Count("mentor", distinct=True),
            mentees=Count("mentees", distinct=True),
            pairs=Count("id", distinct=True),
        )
    )
    found: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for row in rows:
        found[row["organization_id"]][row["form__name"]] = [row["mentors"], row["mentees"], row["pairs"]]
    return found


# Values -------------------------------------------------------------------------------------------------


def add_up(rows: Iterable[dict]) -> dict:
    """The components of several organisations added up; a pupil share's parts only over the
    organisations that declared its denominator."""
    total = dict.fromkeys(COUNTED, 0)
    for denominator, numerator in (("pupils_10_18", "pupil_mentees"), ("pupils_15_19", "pupil_mentors")):
        total[denominator] = total[f"{numerator}_known"] = 0
    for row in rows:
        for key in COUNTED:
            total[key] += row.get(key) or 0
        for denominator, numerator in (("pupils_10_18", "pupil_mentees"), ("pupils_15_19", "pupil_mentors")):
            if row.get(denominator):
                total[denominator] += row[denominator]
                total[f"{numerator}_known"] += row.get(numerator) or 0
    return total


def percent(part, whole) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def average(total, count) -> float | None:
    return round(total / count, 1) if count else None


DERIVED = {
    "young_with_mentor_share": lambda c: percent(c["young_with_mentor"], c["young"]),
    "pupils_mentees_share": lambda c: percent(c["pupil_mentees_known"], c["pupils_10_18"]),
    "pupils_mentors_share": lambda c: percent(c["pupil_mentors_known"], c["pupils_15_19"]),
    "mentor_satisfaction": lambda c: average(c["mentor_satisfaction_sum"], c["mentor_satisfaction_n"]),
    "mentee_satisfaction": lambda c: average(c["mentee_satisfaction_sum"], c["mentee_satisfaction_n"]),
    "website_share": lambda c: percent(c["website_found"], c["website_possible"]),
}


def organisation_values(total: dict) -> dict:
    """Every organisation-level indicator from added-up components."""
    return {
        code: DERIVED[code](total) if code in DERIVED else total[code]
        for code, definition in BY_CODE.items()
        if definition.level != SCHOOL
    }


def school_values(period: Period) -> dict:
    """The district school's own records (meetings, roadmap) as of the period's day."""
    roadmap = roadmap_figures(period.year, period.on)
    return {
        "meetings_held": two_meetings_status(period.year, period.on).held,
        "roadmap_done": roadmap["done"],
        "roadmap_overdue": roadmap["overdue"],
    }


# Snapshots ------------------------------------------------------------------------------------------------


def snapshot_of(organization, period: Period, declared: dict) -> dict:
    """An organisation's figures for a period as they stand now, to be frozen with its report."""
    orgs = type(organization).objects.filter(pk=organization.pk)
    components = components_by_organization(orgs, period).get(organization.pk) or zero_components()
    components.update({key: declared.get(key) for key in DECLARED})
    return {
        "version": SNAPSHOT_VERSION,
        "period": [period.start_date.isoformat(), period.end_date.isoformat()],
        "on": period.on.isoformat(),
        "components": components,
        "by_form": by_form_of(orgs, period).get(organization.pk, {}),
    }


def frozen_components(snapshot: dict) -> tuple[dict, frozenset]:
    """The components a snapshot holds and which of them it lacks (to be read live), old snapshots too."""
    if snapshot.get("version") == SNAPSHOT_VERSION:
        return dict(snapshot["components"]), frozenset()
    held = {key: snapshot.get(key) for key in LEGACY_KEYS if key in snapshot}
    return held, frozenset(COMPONENTS) - set(held)


def frozen_by_form(snapshot: dict) -> dict[str, list[int]] | None:
    return snapshot.get("by_form") if snapshot.get("version") == SNAPSHOT_VERSION else None
