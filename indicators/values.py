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

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from banks.models import MentoringProgram, Practice, PracticeStatus
from directory.models import AcademicYear, PersonCategory
from events.models import Partner, Training
from indicators.definitions import BY_CODE, SCHOOL
from meetings.selectors import roadmap_figures, two_meetings_status
from monitoring.models import GROWTH, MIN_RESPONDENTS, Answer, Feeds, Invitation, Moment, Respondent
from registry.models import Mentee, Mentor, MentorStatus, Pair, PairStatus, Person
from registry.young import has_mentor_in, pairs_active_during
from websites.models import ChecklistItem, CheckResult, CheckRound, WebsiteCheck

SNAPSHOT_VERSION = 3
# Snapshots of version 2 hold every component of their time, but satisfaction then was typed in by hand:
# those keys are read live from the answers (see `frozen_components`).
RETYPED_IN_3 = ("mentor_satisfaction_sum", "mentor_satisfaction_n", "mentee_satisfaction_sum",
                "mentee_satisfaction_n")  # fmt: skip
# Counted in the registry, per organisation.
COUNTED = (
    "mentors", "mentors_in_pairs", "mentees", "mentees_in_pairs", "pairs_active", "pairs_completed",
    "programs", "org_programs", "young", "young_with_mentor", "pupil_mentees", "pupil_mentors",
    "mentor_satisfaction_sum", "mentor_satisfaction_n", "mentee_satisfaction_sum", "mentee_satisfaction_n",
    "practices_published", "practices_best", "website_found", "website_possible",
    "mentor_satisfaction_respondents", "mentee_satisfaction_respondents", "survey_respondents",
    *(f"{dimension}_{part}" for dimension in GROWTH for part in ("entry_sum", "entry_n", "exit_sum", "exit_n",
                                                                 "respondents")),
    "organizations_implementing", "pedagogues", "pedagogue_mentors", "mentees_became_mentors", "mentors_trained",
    "partner_mentor_sources",
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
        _websites(orgs, period), _answers(orgs, period), _respondents(orgs, period), _implementing(orgs, period),
        _pedagogues(orgs, period), _became_mentors(orgs, period), _trained(orgs, period),
        _partner_sources(orgs, period),
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
    return _grouped(completed, "organization_id", pairs_completed=Count("id"))


def answered_in(orgs, period: Period) -> QuerySet:
    """The invitations of the organisations answered within the period (monitoring questionnaires)."""
    return Invitation.objects.filter(
        organization__in=orgs, answered_at__date__range=(period.start_date, period.end_date)
    )


def _answers(orgs, period: Period):
    """Satisfaction and growth from the questionnaires' scale answers: sums, counts and respondents."""
    answers = Answer.objects.filter(invitation__in=answered_in(orgs, period), score__isnull=False)
    aggregates = {}
    for role in (Respondent.MENTOR, Respondent.MENTEE):
        which = Q(question__feeds=Feeds.SATISFACTION, invitation__respondent=role)
        aggregates[f"{role}_satisfaction_sum"] = Coalesce(Sum("score", filter=which), 0)
        aggregates[f"{role}_satisfaction_n"] = Count("id", filter=which)
        aggregates[f"{role}_satisfaction_respondents"] = Count("invitation", filter=which, distinct=True)
    for dimension in GROWTH:
        for moment in (Moment.ENTRY, Moment.EXIT):
            which = Q(question__feeds=dimension, question__questionnaire__moment=moment)
            aggregates[f"{dimension}_{moment}_sum"] = Coalesce(Sum("score", filter=which), 0)
            aggregates[f"{dimension}_{moment}_n"] = Count("id", filter=which)
        exit_ = Q(question__feeds=dimension, question__questionnaire__moment=Moment.EXIT)
        aggregates[f"{dimension}_respondents"] = Count("invitation", filter=exit_, distinct=True)
    return _grouped(answers, "invitation__organization_id", **aggregates)


def _respondents(orgs, period: Period):
    return _grouped(answered_in(orgs, period), "organization_id", survey_respondents=Count("id"))


def _implementing(orgs, period: Period):
    rows = worked_pairs(orgs, period).order_by().values("organization_id").distinct()
    return ((row["organization_id"], {"organizations_implementing": 1}) for row in rows)


def _pedagogues(orgs, period: Period):
    pedagogues = Person.objects.filter(
        organization__in=orgs, category=PersonCategory.PEDAGOGUE, is_anonymised=False
    )
    yield from _grouped(pedagogues, "organization_id", pedagogues=Count("id"))
    mentors = Mentor.objects.filter(person__in=pedagogues, pairs__in=pairs_active_during(period))
    yield from _grouped(mentors, "person__organization_id", pedagogue_mentors=Count("id", distinct=True))


def _became_mentors(orgs, period: Period):
    """Mentors of the period's pairs who were mentees of a pair completed before their pair started."""
    earlier = Pair.objects.filter(
        status=PairStatus.COMPLETED,
        mentees__person=OuterRef("mentor__person"),
        ended_on__lte=OuterRef("started_on"),
    )
    pairs = worked_pairs(orgs, period).filter(Exists(earlier))
    return _grouped(pairs, "organization_id", mentees_became_mentors=Count("mentor", distinct=True))


def _trained(orgs, period: Period):
    trainings = Training.objects.filter(year=period.year, ends_on__lte=period.end_date)
    mentors = Mentor.objects.filter(person__organization__in=orgs, person__trainings__in=trainings)
    return _grouped(mentors, "person__organization_id", mentors_trained=Count("id", distinct=True))


def _partner_sources(orgs, period: Period):
    partners = Partner.objects.filter(organization=OuterRef("mentor__person__organization"))
    pairs = worked_pairs(orgs, period).exclude(mentor__person__organization=F("organization"))
    return _grouped(
        pairs.filter(Exists(partners)),
        "organization_id",
        partner_mentor_sources=Count("mentor__person__organization", distinct=True),
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


def satisfaction(c: dict, role: str) -> float | None:
    """Mean score (1–10) × 10, for at least MIN_RESPONDENTS respondents."""
    if c[f"{role}_satisfaction_respondents"] < MIN_RESPONDENTS:
        return None
    return average(10 * c[f"{role}_satisfaction_sum"], c[f"{role}_satisfaction_n"])


def growth(c: dict, dimension: str) -> float | None:
    """Mean exit score minus mean entry score, for at least MIN_RESPONDENTS respondents at exit."""
    if c[f"{dimension}_respondents"] < MIN_RESPONDENTS or not c[f"{dimension}_entry_n"]:
        return None
    exit_ = c[f"{dimension}_exit_sum"] / c[f"{dimension}_exit_n"]
    return round(exit_ - c[f"{dimension}_entry_sum"] / c[f"{dimension}_entry_n"], 1)


DERIVED = {
    "young_with_mentor_share": lambda c: percent(c["young_with_mentor"], c["young"]),
    "pupils_mentees_share": lambda c: percent(c["pupil_mentees_known"], c["pupils_10_18"]),
    "pupils_mentors_share": lambda c: percent(c["pupil_mentors_known"], c["pupils_15_19"]),
    "mentor_satisfaction": lambda c: satisfaction(c, Respondent.MENTOR),
    "mentee_satisfaction": lambda c: satisfaction(c, Respondent.MENTEE),
    "growth_motivation": lambda c: growth(c, Feeds.MOTIVATION),
    "growth_competence": lambda c: growth(c, Feeds.COMPETENCE),
    "growth_professional": lambda c: growth(c, Feeds.PROFESSIONAL),
    "pedagogue_mentors_share": lambda c: percent(c["pedagogue_mentors"], c["pedagogues"]),
    "website_share": lambda c: percent(c["website_found"], c["website_possible"]),
}


# The indicators computed from questionnaires, and the component that counts their respondents.
RESPONDENTS = {
    "mentor_satisfaction": "mentor_satisfaction_respondents",
    "mentee_satisfaction": "mentee_satisfaction_respondents",
    **{f"growth_{dimension}": f"{dimension}_respondents" for dimension in GROWTH},
}
TOO_FEW = _("недостаточно ответов")


def blanks(total: dict) -> dict[str, str]:
    """Why an answers' figure is empty, where someone but fewer than MIN_RESPONDENTS answered."""
    return {code: str(TOO_FEW) for code, key in RESPONDENTS.items() if 0 < total[key] < MIN_RESPONDENTS}


def organisation_values(total: dict) -> dict:
    """Every organisation-level indicator from added-up components."""
    return {
        code: DERIVED[code](total) if code in DERIVED else total[code]
        for code, definition in BY_CODE.items()
        if definition.level != SCHOOL
    }


def shown_values(total: dict) -> dict:
    """`organisation_values` as a page writes them: an answers' figure with too few respondents says so."""
    values = organisation_values(total)
    return {**values, **{code: word for code, word in blanks(total).items() if values[code] is None}}


def school_values(period: Period, district_id: int | None = None) -> dict:
    """The district school's own records (meetings, roadmap) as of the period's day; with no district, the
    sums of every district's school."""
    roadmap = roadmap_figures(period.year, period.on, district_id)
    return {
        "meetings_held": two_meetings_status(period.year, period.on, district_id).held,
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
    if snapshot.get("version") == 2:
        held = {key: value for key, value in snapshot["components"].items() if key not in RETYPED_IN_3}
        return held, frozenset(COMPONENTS) - set(held)
    held = {key: snapshot.get(key) for key in LEGACY_KEYS if key in snapshot}
    return held, frozenset(COMPONENTS) - set(held)


def frozen_by_form(snapshot: dict) -> dict[str, list[int]] | None:
    return snapshot.get("by_form") if snapshot.get("version") in (2, SNAPSHOT_VERSION) else None
