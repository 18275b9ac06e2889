"""The figures of a school year (or a campaign's period) for the user's scope: the one place that decides,
organisation by organisation, whether a figure comes from the organisation's accepted report (frozen when
the coordinator submitted it) or from the registry today.

Home, the dashboard, every section of the annual analysis, the three statistical forms read `report_for`
and nothing else; the indicators themselves are defined and computed in `indicators`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core import access
from core.freshness import KEEP_SECONDS, figures_version
from core.replica import reads_replica
from directory.models import AcademicYear, Organization, OrganizationKind
from indicators import values as computed
from indicators.definitions import DEFINITIONS, SCHOOL, Definition
from indicators.values import Period, add_up, organisation_values, school_values
from reports.models import IndicatorTarget
from submissions.models import Submission, SubmissionStatus, covering

HISTORY_YEARS = 5
FIGURES_SHAPE = 4  # in the cache key: figures kept by an older release of this module are not read back


@dataclass(frozen=True)
class Indicator:
    definition: Definition
    value: float | int | None
    target: Decimal | None = None
    frozen: int = 0  # organisations whose accepted report gave the figure
    live: int = 0  # organisations whose figure is the registry's today
    blank: str = ""  # why the value is empty, when it is not simply missing data («недостаточно ответов»)

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def label(self) -> str:
        return str(self.definition.name)

    @property
    def shown(self):
        """The value as pages write it: the number, or why there is none."""
        return self.value if self.value is not None else self.blank or _("нет данных")

    @property
    def is_school(self) -> bool:
        return self.definition.level == SCHOOL

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
class OrganisationFigures:
    """One organisation's components for the period, frozen or live."""

    organization_id: int
    name: str
    kind: str
    components: dict
    by_form: dict[str, list[int]]
    accepted_at: datetime.datetime | None = None
    live_keys: frozenset = frozenset()  # components an old snapshot lacked, read live

    @property
    def is_frozen(self) -> bool:
        return self.accepted_at is not None

    def value(self, code: str):
        return organisation_values(add_up([self.components]))[code]


@dataclass(frozen=True)
class Summary:
    """What the pages read of the organisations' rows, added up once: the dashboard keeps only this (a
    region's thousand rows, pickled for five years, cost 0.4 s to read back on every dashboard)."""

    organizations: int
    frozen: dict[str, int]  # code → organisations whose figure came from their accepted report
    with_snapshot: int
    accepted_dates: tuple[datetime.date, datetime.date] | None
    by_form: dict[str, list[int]]

    @classmethod
    def of(cls, rows: list[OrganisationFigures]) -> Summary:
        frozen_rows = [row for row in rows if row.is_frozen]
        days = sorted(timezone.localdate(row.accepted_at) for row in frozen_rows)
        frozen = {}
        for definition in DEFINITIONS:
            keys = set(_keys_of(definition.code))
            frozen[definition.code] = sum(1 for row in frozen_rows if not row.live_keys & keys)
        return cls(
            len(rows), frozen, len(frozen_rows), (days[0], days[-1]) if days else None, by_form_of(rows)
        )


def by_form_of(rows: list[OrganisationFigures]) -> dict[str, list[int]]:
    """Per form of mentoring: mentors, mentees, pairs added up over the organisations."""
    totals: dict[str, list[int]] = {}
    for row in rows:
        for name, counts in row.by_form.items():
            total = totals.setdefault(name, [0, 0, 0])
            for index, count in enumerate(counts):
                total[index] += count
    return dict(sorted(totals.items()))


@dataclass
class Figures:
    """A period's figures before the targets are put beside them (what the dashboard may keep a while,
    without its rows)."""

    period: Period
    rows: list[OrganisationFigures]
    values: dict
    school: dict
    summary: Summary
    blanks: dict = field(default_factory=dict)
    district: int | None = None  # whose school's targets and own records; None: every district


@dataclass
class Report:
    period: Period
    indicators: list[Indicator]
    summary: Summary
    rows: list[OrganisationFigures] = field(default_factory=list)  # empty on the dashboard and home

    @property
    def year(self) -> AcademicYear:
        return self.period.year

    @property
    def on(self) -> datetime.date:
        return self.period.on

    def value(self, code: str):
        return self.indicator(code).value

    def indicator(self, code: str) -> Indicator:
        return next(i for i in self.indicators if i.code == code)

    def source_of(self, indicator: Indicator) -> str:
        """Where a figure comes from, in a few words (every page and document marks it the same way; the
        dates are in `sources_note`)."""
        if indicator.is_school:
            return _("записи МШН")
        parts = []
        if indicator.frozen:
            parts.append(_("отчёты: %(n)s орг.") % {"n": indicator.frozen})
        if indicator.live:
            parts.append(_("реестр: %(n)s орг.") % {"n": indicator.live})
        return "; ".join(parts) or _("реестр")

    @property
    def sources_note(self) -> str:
        """The dates behind the sources, in one sentence under the table."""
        on = f"{self.on:%d.%m.%Y}"
        note = _("Реестр и записи МШН — на %(on)s.") % {"on": on}
        if self.accepted_dates:
            first, last = (f"{day:%d.%m.%Y}" for day in self.accepted_dates)
            days = first if first == last else f"{first}–{last}"
            note = (
                _(
                    "Отчёты — показатели организаций, зафиксированные при отправке отчёта и принятые "
                    "руководителем МШН %(days)s. "
                )
                % {"days": days}
                + note
            )
        return note

    @property
    def with_sources(self) -> list[tuple[Indicator, str]]:
        return [(indicator, self.source_of(indicator)) for indicator in self.indicators]

    @property
    def organizations_with_snapshot(self) -> int:
        return self.summary.with_snapshot

    @property
    def accepted_dates(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and the last day an accepted report of the period was accepted."""
        return self.summary.accepted_dates

    @property
    def by_form(self) -> dict[str, list[int]]:
        return self.summary.by_form

    @property
    def mentees_by_form(self) -> list[tuple[str, int]]:
        return [(name, counts[1]) for name, counts in self.by_form.items()]


def _keys_of(code: str) -> tuple[str, ...]:
    """The components an indicator is derived from."""
    return {
        "young_with_mentor_share": ("young", "young_with_mentor"),
        "pupils_mentees_share": ("pupil_mentees", "pupils_10_18"),
        "pupils_mentors_share": ("pupil_mentors", "pupils_15_19"),
        **{
            f"{role}_satisfaction": tuple(
                f"{role}_satisfaction_{part}" for part in ("sum", "n", "respondents")
            )
            for role in ("mentor", "mentee")
        },
        **{
            f"growth_{dimension}": tuple(
                f"{dimension}_{part}"
                for part in ("entry_sum", "entry_n", "exit_sum", "exit_n", "respondents")
            )
            for dimension in ("motivation", "competence", "professional")
        },
        "pedagogue_mentors_share": ("pedagogues", "pedagogue_mentors"),
        "website_share": ("website_found", "website_possible"),
    }.get(code, (code,))


def organizations_for(
    user, organization: Organization | None = None, kind: str = "", district=None
) -> QuerySet:
    """The organisations the report covers: the user's scope, narrowed by the filters."""
    orgs = access.scope(user, Organization.objects.all(), "id")
    if district is not None:
        orgs = orgs.filter(district=district)
    if organization is not None:
        orgs = orgs.filter(pk=organization.pk)
    if kind:
        orgs = orgs.filter(kind=kind)
    return orgs


def accepted_submissions(orgs: QuerySet, period: Period) -> dict[int, tuple[dict, datetime.datetime]]:
    """The latest accepted report per organisation whose campaign covers exactly the period, in one query:
    an interim campaign's figures never stand for the whole year."""
    rows = (
        Submission.objects.filter(
            campaign__year=period.year,
            status=SubmissionStatus.ACCEPTED,
            organization__in=orgs,
            snapshot__isnull=False,
        )
        .filter(covering(period))
        .order_by("organization_id", "-accepted_at", "-id")
        .values_list("organization_id", "snapshot", "accepted_at")
    )
    found: dict[int, tuple[dict, datetime.datetime]] = {}
    for org_id, snapshot, accepted_at in rows:
        found.setdefault(org_id, (snapshot, accepted_at))
    return found


def figures_for(
    user, period: Period, organization: Organization | None = None, kind: str = "", district=None
) -> Figures:
    orgs = organizations_for(user, organization, kind, district)
    accepted = accepted_submissions(orgs, period)
    live = computed.components_by_organization(orgs, period)
    by_form = computed.by_form_of(orgs, period)
    kinds = {value: str(label) for value, label in OrganizationKind.choices}
    rows = [
        _row(org_id, name, kinds[kind_], live, by_form, accepted.get(org_id))
        for org_id, name, kind_ in orgs.order_by("sort_name", "id").values_list("id", "short_name", "kind")
    ]
    total = add_up(row.components for row in rows)
    values = organisation_values(total)
    district_id = access.district_of(user) or (district.pk if district else None)
    return Figures(
        period,
        rows,
        values,
        school_values(period, district_id),
        Summary.of(rows),
        computed.blanks(total),
        district_id,
    )


def _row(org_id, name, kind, live, by_form, accepted) -> OrganisationFigures:
    components = {**computed.zero_components(), **live.get(org_id, {})}
    forms = by_form.get(org_id, {})
    if accepted is None:
        return OrganisationFigures(org_id, name, kind, components, forms)
    snapshot, accepted_at = accepted
    frozen, live_keys = computed.frozen_components(snapshot)
    components.update(frozen)
    frozen_forms = computed.frozen_by_form(snapshot)
    return OrganisationFigures(
        org_id,
        name,
        kind,
        components,
        forms if frozen_forms is None else frozen_forms,
        accepted_at,
        live_keys,
    )


def _with_targets(figures: Figures) -> Report:
    targets = dict(
        IndicatorTarget.objects.filter(year=figures.period.year, district_id=figures.district).values_list(
            "code", "target"
        )
    )
    indicators = []
    for definition in DEFINITIONS:
        code = definition.code
        if definition.level == SCHOOL:
            indicators.append(Indicator(definition, figures.school[code], targets.get(code)))
            continue
        frozen, organizations = figures.summary.frozen[code], figures.summary.organizations
        value, blank = figures.values[code], figures.blanks.get(code, "")
        indicators.append(
            Indicator(definition, value, targets.get(code), frozen, organizations - frozen, blank)
        )
    return Report(figures.period, indicators, figures.summary, figures.rows)


@reads_replica
def report_for(
    user, year: AcademicYear | Period, organization: Organization | None = None, kind: str = "", district=None
) -> Report:
    """Every indicator of the period for the user's scope, with the year's targets (always computed afresh:
    the annual analysis and the statistical forms, the documents one signs). Read from the streaming
    replica when one is configured (`core.replica`); the cached dashboard stays on the primary, so a
    lagging replica never caches old figures under a new version."""
    return _with_targets(figures_for(user, _period(year), organization, kind, district))


def _period(year: AcademicYear | Period) -> Period:
    return year if isinstance(year, Period) else Period.of_year(year)


def dashboard_report(user, year: AcademicYear, organization=None, kind: str = "", district=None) -> Report:
    """The dashboard's and home's figures, kept until the data under them changes (`figures_version`)."""
    key = f"report-figures:{FIGURES_SHAPE}:{figures_version()}:{access.scope_key(user)}:{year.pk}:{organization.pk if organization else ''}:{kind}:{district.pk if district else ''}"
    period = Period.of_year(year)
    figures = cache.get_or_set(
        key, lambda: replace(figures_for(user, period, organization, kind, district), rows=[]), KEEP_SECONDS
    )
    return _with_targets(figures)


def years_up_to(year: AcademicYear) -> list[AcademicYear]:
    """The year and up to four before it, oldest first."""
    years = AcademicYear.objects.filter(start_year__lte=year.start_year).order_by("-start_year")
    return list(years[:HISTORY_YEARS])[::-1]


def history_for(user, year: AcademicYear, organization=None, kind: str = "", district=None) -> list[Report]:
    """The dashboard's year and up to four before it, oldest first."""
    return [dashboard_report(user, each, organization, kind, district) for each in years_up_to(year)]
