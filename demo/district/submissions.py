"""This capability's part of the demo district (called by `load_demo`; must be idempotent).

The demo writes states directly (with their transition records): it sends no e-mails."""

from __future__ import annotations

import datetime

from django.utils import timezone

from directory.models import Organization
from submissions import selectors, services
from submissions.models import (
    Campaign,
    Submission,
    SubmissionAction,
    SubmissionStatus,
    SubmissionTransition,
)

S = SubmissionStatus
# The path to each demo state: (action, to status, who: "c" coordinator / "m" methodist, comment).
PATHS = {
    S.NOT_STARTED: [],
    S.FILLING: [(SubmissionAction.START, S.FILLING, "c", "")],
    S.SENT: [(SubmissionAction.START, S.FILLING, "c", ""), (SubmissionAction.SUBMIT, S.SENT, "c", "")],
    S.RETURNED: [
        (SubmissionAction.START, S.FILLING, "c", ""),
        (SubmissionAction.SUBMIT, S.SENT, "c", ""),
        (SubmissionAction.RETURN, S.RETURNED, "m", "Численность обучающихся: укажите число на 1 сентября."),
    ],
    S.ACCEPTED: [
        (SubmissionAction.START, S.FILLING, "c", ""),
        (SubmissionAction.SUBMIT, S.SENT, "c", ""),
        (SubmissionAction.ACCEPT, S.ACCEPTED, "m", ""),
    ],
}
CYCLE = (S.SENT, S.ACCEPTED, S.RETURNED, S.NOT_STARTED, S.FILLING)


def load(demo) -> str:
    """Fill the capability's demo records once; return a line for the console, or ""."""
    if Campaign.objects.exists():
        return ""
    current, previous = demo.years[0], demo.years[1]
    today = timezone.localdate()
    methodist, kurator = demo.users["metodist"], demo.users["kurator1"]
    now_campaign = _campaign(
        f"Данные о наставничестве за {current} учебный год", current, today + datetime.timedelta(days=10)
    )
    for index, submission in enumerate(_submissions(now_campaign)):
        own = submission.organization_id == kurator.organization_id
        state = S.FILLING if own else CYCLE[index % len(CYCLE)]
        _walk(submission, state, kurator, methodist, index)
    past = _campaign(
        f"Данные о наставничестве за {previous} учебный год",
        previous,
        previous.end_date.replace(month=6, day=1),
    )
    for index, submission in enumerate(_submissions(past)):
        _walk(submission, S.ACCEPTED, kurator, methodist, index)
    half_year = datetime.date(previous.start_year, 12, 31)
    interim = _campaign(
        f"Промежуточные данные за первое полугодие {previous} учебного года",
        previous,
        datetime.date(previous.start_year + 1, 1, 20),
        period_end=half_year,
    )
    for index, submission in enumerate(_submissions(interim)):
        _walk(submission, S.ACCEPTED, kurator, methodist, index)
    return "Сбор данных: кампаний 3 (текущая, принятая прошлогодняя и её промежуточная за полугодие)."


def _campaign(title: str, year, deadline: datetime.date, period_end=None) -> Campaign:
    campaign = Campaign(title=title, year=year, deadline=deadline, period_end=period_end)
    return services.save_campaign(campaign, list(Organization.objects.educational()))


def _submissions(campaign: Campaign) -> list[Submission]:
    return list(
        campaign.submissions.select_related("organization", "campaign__year").order_by(
            "organization__sort_name"
        )
    )


def _walk(submission: Submission, state: str, coordinator, methodist, index: int) -> None:
    if state != S.NOT_STARTED:
        _fill(submission, index)
    for action, to_status, who, comment in PATHS[state]:
        SubmissionTransition.objects.create(
            submission=submission,
            action=action,
            from_status=submission.status,
            to_status=to_status,
            by=coordinator if who == "c" else methodist,
            comment=comment,
        )
        submission.status = to_status
    if state in (S.SENT, S.ACCEPTED):  # frozen on sending, as the service does
        submission.snapshot = selectors.figures_of(submission)
        submission.submitted_at = timezone.now()
    if state == S.ACCEPTED:
        submission.accepted_at = timezone.now()
    submission.save()


def _fill(submission: Submission, index: int) -> None:
    pupils = 300 + 37 * index
    submission.pupils_count = pupils
    submission.pedagogues_count = 25 + index
    submission.pupils_10_18 = pupils * 3 // 5
    submission.pupils_15_19 = pupils // 4
    website = submission.organization.website
    submission.website_section_url = f"{website}/nastavnichestvo" if website else ""
