"""Reads of this capability, always scoped to the user through core.access."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from banks.models import MentoringProgram, Practice, PracticeStatus, ProgramStatus
from core import access
from directory.models import AcademicYear, Organization
from registry.models import (
    Activity,
    Consent,
    ConsentKind,
    Mentee,
    Mentor,
    MentorStatus,
    Pair,
    PairStatus,
    Person,
)
from submissions.models import (
    OWED_STATUSES,
    Campaign,
    Submission,
    SubmissionStatus,
)

SUBMISSION_ORG = "organization"
DENOMINATORS = ("pupils_count", "pedagogues_count", "pupils_10_18", "pupils_15_19")


def campaigns_for(user) -> QuerySet[Campaign]:
    """Campaigns with their state counts; the board of every organisation is for district readers."""
    if not access.reads_everything(user):
        return Campaign.objects.none()
    return (
        Campaign.objects.select_related("year")
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
        .order_by("organization__short_name", "id")
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


def _on(year: AcademicYear) -> datetime.date:
    """The day the registry is judged on: today within the year, its last day after it."""
    return min(timezone.localdate(), year.end_date)


def _pairs(organization: Organization, year: AcademicYear) -> QuerySet[Pair]:
    return Pair.objects.filter(organization=organization).during(year)


def _young(organization: Organization, year: AcademicYear) -> QuerySet[Person]:
    return Person.objects.filter(organization=organization).young(_on(year)).with_mentor_flag()


def completeness_of(submission: Submission) -> list[Gap]:
    """What is missing before sending: a handful of aggregate queries, whatever the organisation's size."""
    organization, year = submission.organization, submission.campaign.year
    has_activity = Activity.objects.filter(program__pair=OuterRef("pk"))
    pairs = (
        _pairs(organization, year)
        .annotate(has_activity=Exists(has_activity))
        .aggregate(
            without_activity=Count("id", filter=Q(has_activity=False)),
            without_order=Count("id", filter=Q(order_number="")),
        )
    )
    young = _young(organization, year).aggregate(without_mentor=Count("id", filter=Q(has_mentor=False)))
    consent = Consent.objects.in_force(_on(year)).filter(
        person=OuterRef("person"), kind=ConsentKind.PROCESSING
    )
    mentees = (
        Mentee.objects.filter(person__organization=organization)
        .annotate(consented=Exists(consent))
        .aggregate(without_consent=Count("id", filter=Q(consented=False)))
    )
    missing = sum(getattr(submission, name) is None for name in DENOMINATORS)
    return [
        Gap("pairs_without_activity", _("Пары без мероприятий персонализированной программы"),
            pairs["without_activity"], "registry:pair_list"),
        Gap("pairs_without_order", _("Пары без номера приказа о закреплении"),
            pairs["without_order"], "registry:pair_list"),
        Gap("young_without_mentor", _("Молодые педагоги без наставника"),
            young["without_mentor"], "registry:young"),
        Gap("mentees_without_consent", _("Наставляемые без действующего согласия на обработку ПД"),
            mentees["without_consent"], "registry:mentee_list"),
        Gap("missing_denominators", _("Не указана численность обучающихся и педагогов (полей)"),
            missing if submission.campaign.asks_denominators else 0, ""),
    ]  # fmt: skip


def figures_of(submission: Submission) -> dict:
    """The organisation's figures for the campaign's year, by aggregate queries (frozen on acceptance)."""
    organization, year = submission.organization, submission.campaign.year
    pairs = _pairs(organization, year)
    mentees_by_form = dict(
        pairs.order_by()
        .values_list("form__name")
        .annotate(n=Count("mentees", distinct=True))
        .values_list("form__name", "n")
    )
    figures = {
        "mentors": Mentor.objects.filter(person__organization=organization)
        .exclude(status=MentorStatus.LEFT)
        .count(),
        "mentees": Mentee.objects.filter(person__organization=organization).count(),
        "mentees_by_form": mentees_by_form,
        **pairs.aggregate(
            pairs_active=Count("id", filter=Q(status=PairStatus.ACTIVE)),
            pairs_completed=Count("id", filter=Q(status=PairStatus.COMPLETED)),
        ),
        "programs": MentoringProgram.objects.filter(
            organization=organization, status=ProgramStatus.ACTIVE
        ).count(),
        **_young(organization, year).aggregate(
            young=Count("id"), young_with_mentor=Count("id", filter=Q(has_mentor=True))
        ),
        "practices_published": Practice.objects.filter(
            organization=organization, year=year, status=PracticeStatus.PUBLISHED
        ).count(),
        "website_section_url": submission.website_section_url,
    }
    figures.update({name: getattr(submission, name) for name in DENOMINATORS})
    return figures


FIGURE_LABELS = (
    ("mentors", _("Наставников")),
    ("mentees", _("Наставляемых")),
    ("pairs_active", _("Пар и групп действует")),
    ("pairs_completed", _("Пар и групп завершено")),
    ("programs", _("Программ наставничества")),
    ("young", _("Молодых педагогов")),
    ("young_with_mentor", _("Из них с наставником")),
    ("practices_published", _("Практик опубликовано")),
    ("pupils_count", _("Обучающихся всего")),
    ("pedagogues_count", _("Педагогов всего")),
    ("pupils_10_18", _("Обучающихся 10–18 лет")),
    ("pupils_15_19", _("Обучающихся 15–19 лет")),
    ("website_section_url", _("Раздел «Наставничество» на сайте")),
)


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
