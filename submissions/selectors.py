"""Reads of this capability, always scoped to the user through core.access."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from banks.models import MentoringProgram, Practice
from careers.selectors import pairs_without_agreement
from core import access
from core.attention import Concern, Line, concern
from directory.models import AcademicYear, Organization
from indicators.definitions import DEFINITIONS, SCHOOL, Definition
from indicators.values import Period, add_up, frozen_components, shown_values, snapshot_of
from registry.models import (
    Activity,
    Consent,
    ConsentKind,
    Mentee,
    Mentor,
    Pair,
    Person,
    Program,
)
from registry.young import has_mentor_in
from submissions.models import (
    OWED_STATUSES,
    Campaign,
    Submission,
    SubmissionStatus,
)
from websites.models import WebsiteCheck

SUBMISSION_ORG = "organization"
DENOMINATORS = ("pupils_count", "pedagogues_count", "pupils_10_18", "pupils_15_19")


def campaigns_for(user) -> QuerySet[Campaign]:
    """Campaigns with their state counts; the board of every organisation is for district readers."""
    if not access.reads_everything(user):
        return Campaign.objects.none()
    return (
        access.scope(user, Campaign.objects.select_related("year"), None)
        .annotate(**_state_counts("submissions__", "deadline"))
        .order_by("-deadline", "-id")
    )


def _state_counts(prefix: str, deadline: str) -> dict:
    """Counts of submissions by state; `prefix` leads to the submissions, `deadline` to their deadline."""
    overdue = Q(**{f"{prefix}status__in": OWED_STATUSES, f"{deadline}__lt": timezone.localdate()})
    return {
        "total": Count(f"{prefix}id", distinct=True),
        "sent": Count(f"{prefix}id", filter=Q(**{f"{prefix}status": SubmissionStatus.SENT}), distinct=True),
        "accepted": Count(
            f"{prefix}id", filter=Q(**{f"{prefix}status": SubmissionStatus.ACCEPTED}), distinct=True
        ),
        "overdue": Count(f"{prefix}id", filter=overdue, distinct=True),
    }


def submissions_for(user) -> QuerySet[Submission]:
    queryset = Submission.objects.select_related("campaign__year", "organization")
    return access.scope(user, queryset, SUBMISSION_ORG)


def board_of(campaign: Campaign) -> QuerySet[Submission]:
    """Every organisation's submission to the campaign, for the methodologist's board (paginated there)."""
    return (
        campaign.submissions.select_related("organization", "campaign")
        .defer("snapshot")
        .order_by("organization__sort_name", "id")
    )


def transitions_of(submission: Submission) -> list:
    return list(submission.transitions.select_related("by"))


# Completeness ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    key: str
    label: str
    count: int
    url_name: str

    @property
    def ok(self) -> bool:
        return self.count == 0


def completeness_of(submission: Submission) -> list[Gap]:
    """What is missing before sending: a handful of aggregate queries, whatever the organisation's size.
    Young pedagogues and their mentors are judged as the indicators judge them (`indicators.values`)."""
    organization, period = submission.organization, period_of(submission.campaign)
    has_activity = Activity.objects.filter(program__pair=OuterRef("pk"))
    pairs = (
        Pair.objects.filter(organization=organization)
        .during(period)
        .annotate(has_activity=Exists(has_activity))
        .aggregate(
            without_activity=Count("id", filter=Q(has_activity=False)),
            without_order=Count("id", filter=Q(order_number="")),
        )
    )
    young = (
        Person.objects.filter(organization=organization)
        .young(period.on)
        .aggregate(without_mentor=Count("id", filter=~Q(has_mentor_in(period))))
    )
    consent = Consent.objects.in_force(period.on).filter(
        person=OuterRef("person"), kind=ConsentKind.PROCESSING
    )
    mentees = (
        Mentee.objects.filter(person__organization=organization)
        .annotate(consented=Exists(consent))
        .aggregate(without_consent=Count("id", filter=Q(consented=False)))
    )
    # Art. 351.8 of the Labor Code: counted only where the organisation requires the agreement.
    without_agreement = (
        pairs_without_agreement(Pair.objects.filter(organization=organization).during(period)).count()
        if organization.requires_mentor_agreement
        else 0
    )
    missing = sum(getattr(submission, name) is None for name in DENOMINATORS)
    return [
        Gap("pairs_without_activity", _("Пары без мероприятий персонализированной программы"),
            pairs["without_activity"], "registry:pair_list"),
        Gap("pairs_without_order", _("Пары без номера приказа о закреплении"),
            pairs["without_order"], "registry:pair_list"),
        Gap("pairs_without_agreement", _("Пары педагогов без согласия и соглашения по ст. 351.8 ТК РФ"),
            without_agreement, "careers:missing_agreements"),
        Gap("young_without_mentor", _("Молодые педагоги без наставника"),
            young["without_mentor"], "registry:young"),
        Gap("mentees_without_consent", _("Наставляемые без действующего согласия на обработку ПД"),
            mentees["without_consent"], "registry:mentee_list"),
        Gap("missing_denominators", _("Не указана численность обучающихся и педагогов (полей)"),
            missing if submission.campaign.asks_denominators else 0, ""),
    ]  # fmt: skip


def period_of(campaign: Campaign) -> Period:
    """The days a campaign's figures cover: its school year, or the part of it the campaign names."""
    return Period(campaign.year, campaign.starts_on, campaign.ends_on)


def figures_of(submission: Submission) -> dict:
    """The organisation's figures for the campaign's period as they stand now (frozen on submission)."""
    declared = {name: getattr(submission, name) for name in DENOMINATORS}
    snapshot = snapshot_of(submission.organization, period_of(submission.campaign), declared)
    return {**snapshot, "declared": {**declared, "website_section_url": submission.website_section_url}}


@dataclass(frozen=True)
class FigureLine:
    """An indicator as submitted beside the registry's figure today."""

    definition: Definition
    submitted: float | int | str | None  # a text where too few answered a questionnaire
    now: float | int | str | None

    @property
    def changed(self) -> bool:
        return self.submitted != self.now


def submitted_lines(submission: Submission) -> list[FigureLine]:
    """Every organisation-level indicator as frozen on submission beside the registry today (what changed
    since the coordinator declared the data «достоверны»)."""
    if not submission.snapshot:
        return []
    now = figures_of(submission)["components"]
    frozen, live_keys = frozen_components(submission.snapshot)
    submitted = shown_values(add_up([{**now, **frozen}]))
    today = shown_values(add_up([now]))
    return [
        FigureLine(definition, submitted[definition.code], today[definition.code])
        for definition in DEFINITIONS
        if definition.level != SCHOOL
    ]


CHANGE_LIMIT = 30
# Whose changes the review lists: the model, its organisation, the fields that name a record (read from
# the history row itself; none: «№ id»), and the page it opens (URL name, the field with that page's id).
PERSON_NAME = ("last_name", "first_name", "middle_name")
CHANGE_SOURCES = (
    (Person, "organization_id", PERSON_NAME, "registry:person_detail", "id"),
    (Mentor, "person__organization_id", (), "registry:mentor_detail", "id"),
    (Mentee, "person__organization_id", (), "registry:mentee_detail", "id"),
    (Pair, "organization_id", (), "registry:pair_detail", "id"),
    (Program, "pair__organization_id", (), "registry:pair_detail", "pair_id"),
    (Practice, "organization_id", ("title",), "banks:practice_detail", "id"),
    (MentoringProgram, "organization_id", ("title",), "banks:program_detail", "id"),
    (WebsiteCheck, "organization_id", (), "websites:check_detail", "id"),
)


@dataclass(frozen=True)
class Change:
    at: datetime.datetime
    by: object
    kind: str
    label: str
    url: str
    action: str


def changes_since_submission(submission: Submission) -> list[Change]:
    """Records of the organisation changed after it sent its report (the newest first, at most
    `CHANGE_LIMIT`): what the review must look at, since the figures were frozen before them. One query
    per kind of record, whatever the number of changes."""
    if submission.submitted_at is None:
        return []
    changes = []
    for model, org_field, name_fields, url_name, id_field in CHANGE_SOURCES:
        records = model.history.filter(
            history_date__gt=submission.submitted_at, **{org_field: submission.organization_id}
        ).select_related("history_user")
        for record in records.order_by("-history_date")[:CHANGE_LIMIT]:
            deleted = record.history_type == "-"
            changes.append(
                Change(
                    at=record.history_date,
                    by=record.history_user,
                    kind=str(model._meta.verbose_name),
                    label=" ".join(filter(None, (getattr(record, f) for f in name_fields)))
                    or f"№ {record.id}",
                    url="" if deleted else reverse(url_name, args=[getattr(record, id_field)]),
                    action=record.get_history_type_display(),
                )
            )
    return sorted(changes, key=lambda change: change.at, reverse=True)[:CHANGE_LIMIT]


def accepted_figures(year: AcademicYear, organization: Organization) -> dict | None:
    """The organisation's figures for the year as the methodologist accepted them, or None."""
    return (
        Submission.objects.filter(
            campaign__year=year, organization=organization, status=SubmissionStatus.ACCEPTED
        )
        .order_by("-accepted_at", "-id")
        .values_list("snapshot", flat=True)
        .first()
    )


# Home page ------------------------------------------------------------------------------------------


def open_campaign() -> Campaign | None:
    """The campaign being collected now: the latest with a submission still owed or under review."""
    owed = OWED_STATUSES + (SubmissionStatus.SENT,)
    return Campaign.objects.filter(submissions__status__in=owed).order_by("-deadline", "-id").first()


def home_figures_for(user) -> dict:
    """Figures this capability adds to every role's home page (shown by its home_figures.html)."""
    if not user.is_authenticated:
        return {}
    campaign = open_campaign()
    figures: dict = {"campaign": campaign}
    if campaign is not None and access.reads_everything(user):
        figures.update(campaign.submissions.aggregate(**_state_counts("", "campaign__deadline")))
    if access.is_coordinator(user):
        figures["owed"] = list(
            submissions_for(user).filter(status__in=OWED_STATUSES).order_by("campaign__deadline", "id")
        )
    return figures


# «Требует внимания» (core/attention.py) ---------------------------------------------------------------


def submissions_overdue(user, today: datetime.date) -> Concern:
    submissions = submissions_for(user).filter(status__in=OWED_STATUSES, campaign__deadline__lt=today)
    return concern(
        "submissions_overdue",
        _("Отчёты организаций не сданы в срок"),
        submissions.defer("snapshot").order_by("campaign__deadline", "organization__short_name", "id"),
        lambda s: Line(
            f"{s.campaign.title} — {s.organization.short_name}",
            s.get_absolute_url(),
            _("срок %(date)s") % {"date": f"{s.campaign.deadline:%d.%m.%Y}"},
        ),
    )


def attention_for(user, today: datetime.date) -> list[Concern]:
    return [submissions_overdue(user, today)]
