"""The campaign cycle as each persona, the completeness check, the frozen figures, reopening, e-mails,
the board's query count and the XLSX."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from banks.models import PracticeStatus
from core.access import Role
from directory.models import OrganizationKind
from registry.models import Activity, Consent
from submissions.models import Submission, SubmissionAction, SubmissionStatus, SubmissionTransition
from submissions.selectors import accepted_figures, completeness_of
from submissions.services import accept_submission, reopen_submission, submit_submission
from tests.banks.factories import PracticeFactory
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    MentorFactory,
    OrganizationFactory,
    PairFactory,
    PersonFactory,
    UserFactory,
    YoungPedagogueFactory,
)
from tests.helpers import count_queries, xlsx_rows
from tests.submissions.factories import CampaignFactory, SubmissionFactory

DENOMINATORS = {"pupils_count": 400, "pedagogues_count": 30, "pupils_10_18": 250, "pupils_15_19": 90}


@pytest.fixture
def campaign(school_a, school_b):
    return CampaignFactory(
        year=AcademicYearFactory(start_year=2025), deadline=timezone.localdate() + datetime.timedelta(days=5)
    )


@pytest.fixture
def submission_a(campaign, school_a):
    return SubmissionFactory(campaign=campaign, organization=school_a)


@pytest.fixture
def submission_b(campaign, school_b):
    return SubmissionFactory(campaign=campaign, organization=school_b)


def url(name, submission):
    return reverse(f"submissions:{name}", args=[submission.pk])


def test_new_campaign_asks_active_educational_organizations_by_default(as_methodist, school_a, school_b):
    OrganizationFactory(kind=OrganizationKind.PARTNER, short_name="Партнёр")
    OrganizationFactory(short_name="Закрытая", is_active=False)
    form = as_methodist.get(reverse("submissions:campaign_create")).context["form"]
    assert set(form.initial["organizations"]) == {school_a.pk, school_b.pk}
    data = {
        "title": "Данные за 2025/2026",
        "year": AcademicYearFactory(start_year=2025).pk,
        "deadline": "25.05.2026",
        "organizations": [school_a.pk, school_b.pk],
        "asks_denominators": "on",
        "asks_pairs": "on",
    }
    response = as_methodist.post(reverse("submissions:campaign_create"), data)
    assert response.status_code == 302
    submissions = Submission.objects.order_by("organization__short_name")
    assert [(s.organization, s.status) for s in submissions] == [
        (school_a, SubmissionStatus.NOT_STARTED),
        (school_b, SubmissionStatus.NOT_STARTED),
    ]
    assert submissions[0].campaign.asked()[0][0] == "asks_pairs"


def test_whole_cycle_as_each_persona(
    as_coordinator_a, as_methodist, as_department, coordinator_b, submission_a, submission_b,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    from tests.conftest import client_for

    as_coordinator_b = client_for(coordinator_b)
    # coordinator B neither sees nor acts on school A's submission
    for name in ("submission_detail", "submission_update", "submission_submit"):
        assert as_coordinator_b.get(url(name, submission_a)).status_code == 404
    assert (
        as_coordinator_b.post(url("submission_submit", submission_a), {"confirmed": "on"}).status_code == 404
    )
    # the department reads, changes nothing
    assert as_department.get(url("submission_detail", submission_a)).status_code == 200
    assert as_department.post(url("submission_update", submission_a), DENOMINATORS).status_code == 403
    assert as_department.post(url("submission_accept", submission_a), {}).status_code == 403

    response = as_coordinator_a.post(url("submission_update", submission_a), DENOMINATORS)
    assert response.status_code == 302
    submission_a.refresh_from_db()
    assert submission_a.status == SubmissionStatus.FILLING and submission_a.pupils_count == 400

    refused = as_coordinator_a.post(url("submission_submit", submission_a), {})
    assert "Подтвердите, что данные достоверны" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator_a.post(
            url("submission_submit", submission_a), {"confirmed": "on", "comment": "Готово"}
        )
    submission_a.refresh_from_db()
    assert submission_a.status == SubmissionStatus.SENT
    assert as_coordinator_a.get(url("submission_update", submission_a)).status_code == 403
    assert as_coordinator_a.get(url("submission_accept", submission_a)).status_code == 403

    with django_capture_on_commit_callbacks(execute=True):
        as_methodist.post(url("submission_return", submission_a), {"item_asks_pairs": "нет приказов"})
    submission_a.refresh_from_db()
    assert submission_a.status == SubmissionStatus.RETURNED
    page = as_coordinator_a.get(url("submission_detail", submission_a)).content.decode()
    assert "пары с персонализированными программами: нет приказов" in page

    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator_a.post(url("submission_submit", submission_a), {"confirmed": "on"})
        as_methodist.post(url("submission_accept", submission_a), {"comment": "Спасибо"})
    submission_a.refresh_from_db()
    assert submission_a.status == SubmissionStatus.ACCEPTED
    assert submission_a.snapshot["declared"]["pupils_count"] == 400
    actions = list(submission_a.transitions.values_list("action", "by__username"))
    assert actions == [
        (SubmissionAction.START, "kurator_a"),
        (SubmissionAction.SUBMIT, "kurator_a"),
        (SubmissionAction.RETURN, "metodist"),
        (SubmissionAction.SUBMIT, "kurator_a"),
        (SubmissionAction.ACCEPT, "metodist"),
    ]
    submission_b.refresh_from_db()
    assert submission_b.status == SubmissionStatus.NOT_STARTED


def test_emails_go_to_the_right_people_only(
    methodist, coordinator_a, coordinator_b, school_a, submission_a, django_capture_on_commit_callbacks
):
    methodist.email, coordinator_a.email, coordinator_b.email = "m@mshn.ru", "a@school.ru", "b@school.ru"
    for user in (methodist, coordinator_a, coordinator_b):
        user.save()
    school_a.curator_email = "curator@school-a.ru"
    school_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit_submission(submission_a, user=coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        accept_submission(submission_a, user=methodist)
    submitted, accepted = mail.outbox
    assert submitted.to == ["m@mshn.ru"] and "Школа А" in submitted.subject
    assert sorted(accepted.to) == ["a@school.ru", "curator@school-a.ru"]
    assert "приняты" in accepted.subject and "Школа Б" not in accepted.body


def test_email_failure_does_not_lose_the_action(
    settings, methodist, coordinator_a, submission_a, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # nothing listens
    methodist.email = "m@mshn.ru"
    methodist.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit_submission(submission_a, user=coordinator_a)
    submission_a.refresh_from_db()
    assert submission_a.status == SubmissionStatus.SENT
    assert "не отправлено" in caplog.text


def test_completeness_counts_the_gaps(school_a, school_b, submission_a):
    year = submission_a.campaign.year
    pair_ok = PairFactory(mentor=MentorFactory(person__organization=school_a), order_number="12-о")
    Activity.objects.create(program=pair_ok.program, title="Посещение уроков")
    mentee = MenteeFactory(person=PersonFactory(organization=school_a))
    PairFactory(
        mentor=MentorFactory(person__organization=school_a), mentees=[mentee]
    )  # no order, no activity
    Consent.objects.create(person=pair_ok.mentor.person, kind="processing", signed_on="2025-09-01")
    consented = MenteeFactory(person=PersonFactory(organization=school_a))
    Consent.objects.create(person=consented.person, kind="processing", signed_on="2025-09-01")
    YoungPedagogueFactory(organization=school_a)
    PairFactory(mentor=MentorFactory(person__organization=school_b))  # another school: not counted
    submission_a.pupils_count = 300
    gaps = {gap.key: gap.count for gap in completeness_of(submission_a)}
    assert gaps == {
        "pairs_without_activity": 1,
        "pairs_without_order": 1,
        "pairs_without_agreement": 0,  # school A does not require the agreement of art. 351.8
        "young_without_mentor": 1,
        "mentees_without_consent": 1,
        "missing_denominators": 3,
    }
    assert year.start_year == 2025


def test_snapshot_does_not_change_when_records_change(methodist, coordinator_a, school_a, submission_a):
    mentee = MenteeFactory(person=PersonFactory(organization=school_a))
    PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=[mentee])
    PracticeFactory(organization=school_a, year=submission_a.campaign.year, status=PracticeStatus.PUBLISHED)
    submission_a.pupils_count = 500
    submission_a.save()
    submit_submission(submission_a, user=coordinator_a)
    accept_submission(submission_a, user=methodist)
    frozen = accepted_figures(submission_a.campaign.year, school_a)
    counts = frozen["components"]
    assert (counts["mentors_in_pairs"], counts["pairs_active"], counts["practices_published"]) == (1, 1, 1)
    assert frozen["by_form"] == {"педагог – педагог": [1, 1, 1]} and frozen["declared"]["pupils_count"] == 500

    PairFactory(mentor=MentorFactory(person__organization=school_a))
    Submission.objects.filter(pk=submission_a.pk).update(pupils_count=9)
    assert accepted_figures(submission_a.campaign.year, school_a) == frozen
    assert accepted_figures(AcademicYearFactory(start_year=2024), school_a) is None


def test_reopen_needs_a_reason_and_is_recorded(
    as_methodist, methodist, coordinator_a, school_a, submission_a
):
    submit_submission(submission_a, user=coordinator_a)
    accept_submission(submission_a, user=methodist)
    refused = as_methodist.post(url("submission_reopen", submission_a), {"comment": " "})
    assert "Укажите причину" in refused.content.decode()
    as_methodist.post(url("submission_reopen", submission_a), {"comment": "Ошибка в численности"})
    submission_a.refresh_from_db()
    assert submission_a.status == SubmissionStatus.RETURNED
    last = SubmissionTransition.objects.filter(submission=submission_a).last()
    assert (last.action, last.by, last.comment) == (
        SubmissionAction.REOPEN,
        methodist,
        "Ошибка в численности",
    )
    assert accepted_figures(submission_a.campaign.year, school_a) is None
    assert submission_a.history.count() >= 3


def test_reopen_refuses_what_is_not_accepted(methodist, submission_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        reopen_submission(submission_a, user=methodist, comment="причина")


def test_board_highlights_overdue(as_methodist, campaign, submission_a, submission_b):
    Submission.objects.filter(pk=submission_b.pk).update(status=SubmissionStatus.ACCEPTED)
    campaign.deadline = timezone.localdate() - datetime.timedelta(days=1)
    campaign.save()
    page = as_methodist.get(reverse("submissions:campaign_detail", args=[campaign.pk])).content.decode()
    assert page.count('data-overdue="1"') == 1
    row = page.split('data-overdue="1"')[1].split("</tr>")[0]
    assert "Школа А" in row


def add_organizations(campaign, count):
    for _ in range(count):
        SubmissionFactory(campaign=campaign, status=SubmissionStatus.SENT)


@pytest.mark.parametrize(
    "url_name", ["submissions:campaign_detail", "submissions:campaign_list", "submissions:submission_list"]
)
def test_board_and_lists_query_count_is_fixed(as_methodist, campaign, url_name):
    args = [campaign.pk] if url_name.endswith("detail") else []
    add_organizations(campaign, 2)
    small = count_queries(as_methodist, reverse(url_name, args=args))
    add_organizations(campaign, 12)
    CampaignFactory()
    assert count_queries(as_methodist, reverse(url_name, args=args)) == small


def test_submission_detail_query_count_is_fixed(as_coordinator_a, school_a, submission_a):
    PairFactory(mentor=MentorFactory(person__organization=school_a))
    small = count_queries(as_coordinator_a, url("submission_detail", submission_a))
    for _ in range(6):
        PairFactory(mentor=MentorFactory(person__organization=school_a))
        MenteeFactory(person=PersonFactory(organization=school_a))
    assert count_queries(as_coordinator_a, url("submission_detail", submission_a)) == small


def test_submission_export_is_scoped_and_parses_back(as_coordinator_a, submission_a, submission_b):
    rows = xlsx_rows(as_coordinator_a.get(reverse("submissions:submission_export")))
    assert rows[0][:5] == ("Кампания", "Организация", "Учебный год", "Срок", "Состояние")
    assert [row[1] for row in rows[1:]] == ["Школа А"]
    assert rows[1][2] == "2025/2026" and rows[1][4] == "не начато"


def test_coordinator_cannot_reach_the_board(as_coordinator_a, campaign):
    assert as_coordinator_a.get(reverse("submissions:campaign_detail", args=[campaign.pk])).status_code == 403


def test_methodists_are_not_told_other_campaign_details(
    methodist, coordinator_a, submission_a, django_capture_on_commit_callbacks
):
    UserFactory(username="otdel2", role=Role.DEPARTMENT, email="otdel@mshn.ru")
    methodist.email = "m@mshn.ru"
    methodist.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit_submission(submission_a, user=coordinator_a)
    assert [m.to for m in mail.outbox] == [["m@mshn.ru"]]


def test_board_is_paginated_with_the_total_over_all_pages(as_methodist, campaign, settings):
    settings.PAGE_SIZE = 2
    add_organizations(campaign, 3)
    url = reverse("submissions:campaign_detail", args=[campaign.pk])
    response = as_methodist.get(url)
    assert len(response.context["board"]) == 2
    assert "Всего 3;" in response.content.decode()
    assert len(as_methodist.get(url + "?page=2").context["board"]) == 1
