"""Campaigns of a generated region (`load_region`).

Each district's school runs a campaign per school year that asks every educational organisation of the
district; a part of each year's submissions is
accepted with the figures frozen the way the methodologist's acceptance freezes them
(`selectors.figures_of`, a handful of aggregate queries each, so only a share is accepted), the rest
stand at the other states with the transitions that led there. Deterministic for the region's random; no e-mails, no network."""

from __future__ import annotations

import datetime
from collections import Counter

from demo.district.submissions import PATHS
from demo.region.batch import insert, moment
from submissions import selectors
from submissions.models import (
    Campaign,
    Submission,
    SubmissionStatus,
    SubmissionTransition,
)

S = SubmissionStatus
PAST_STATES = {S.ACCEPTED: 25, S.SENT: 35, S.RETURNED: 10, S.FILLING: 10, S.NOT_STARTED: 20}
CURRENT_STATES = {S.ACCEPTED: 10, S.SENT: 20, S.RETURNED: 10, S.FILLING: 30, S.NOT_STARTED: 30}


def generate(region) -> Counter:
    counts = Counter()
    for school in region.schools:
        for year in region.years:
            _campaign(region, school, year, counts)
    return counts


def _campaign(region, school, year, counts: Counter) -> None:
    rng = region.rng
    deadline = min(datetime.date(year.start_year + 1, 6, 1), region.today + datetime.timedelta(days=20))
    campaign = Campaign.objects.create(
        district=school.district,
        title=f"Данные о наставничестве за {year} учебный год",
        year=year,
        deadline=deadline,
    )
    campaign.organizations.set(school.educational)
    table = CURRENT_STATES if year.contains(region.today) else PAST_STATES
    submissions = []
    for org in school.educational:
        state = rng.choices(list(table), list(table.values()))[0]
        submission = Submission(campaign=campaign, organization=org, status=state)
        if state != S.NOT_STARTED:
            _fill(submission, rng)
        if state in (S.SENT, S.ACCEPTED):  # frozen on sending, as the service does
            submission.snapshot = selectors.figures_of(submission)
            submission.submitted_at = moment(deadline)
        if state == S.ACCEPTED:
            submission.accepted_at = moment(deadline)
        submissions.append(submission)
    insert(Submission, submissions, counts)
    counts["campaign"] += 1
    _transitions(region, school, submissions, deadline, counts)


def _fill(submission: Submission, rng) -> None:
    pupils = rng.randint(40, 1500)
    submission.pupils_count = pupils
    submission.pedagogues_count = max(5, pupils // rng.randint(12, 18))
    submission.pupils_10_18 = pupils * rng.randint(45, 65) // 100
    submission.pupils_15_19 = pupils * rng.randint(15, 30) // 100
    website = submission.organization.website
    submission.website_section_url = f"{website}/nastavnichestvo" if website else ""


def _transitions(
    region, school, submissions: list[Submission], deadline: datetime.date, counts: Counter
) -> None:
    rows = []
    for submission in submissions:
        status = S.NOT_STARTED
        for number, (action, to_status, who, comment) in enumerate(PATHS[submission.status]):
            rows.append(
                SubmissionTransition(
                    submission=submission,
                    action=action,
                    from_status=status,
                    to_status=to_status,
                    comment=comment,
                    by=school.methodist
                    if who == "m"
                    else region.coordinators.get(submission.organization_id),
                    at=moment(deadline - datetime.timedelta(days=10 - number * 3)),
                )
            )
            status = to_status
    insert(SubmissionTransition, rows, counts)
