"""Reminders before and after the deadline: to the owing organisation's people only, once a day."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from core.access import Role
from submissions.models import Reminder, ReminderKind, SubmissionStatus
from submissions.services import reminder_kind, send_reminders
from tests.factories import UserFactory
from tests.submissions.factories import CampaignFactory, SubmissionFactory

DEADLINE = datetime.date(2026, 5, 25)


@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (datetime.date(2026, 5, 18), ReminderKind.WEEK_BEFORE),
        (datetime.date(2026, 5, 24), ReminderKind.DAY_BEFORE),
        (datetime.date(2026, 5, 20), None),
        (datetime.date(2026, 5, 25), None),
        (datetime.date(2026, 5, 26), ReminderKind.OVERDUE),
        (datetime.date(2026, 5, 27), None),
        (datetime.date(2026, 6, 2), ReminderKind.OVERDUE),
    ],
)
def test_reminder_kind_by_days_to_deadline(today, kind):
    assert reminder_kind(DEADLINE, today) == kind


@pytest.fixture
def owing(school_a, school_b, coordinator_a, coordinator_b):
    coordinator_a.email, coordinator_b.email = "a@school.ru", "b@school.ru"
    coordinator_a.save()
    coordinator_b.save()
    school_a.curator_email = "curator-a@school.ru"
    school_a.save()
    UserFactory(username="metodist2", role=Role.METHODIST, email="m@mshn.ru")
    campaign = CampaignFactory(deadline=DEADLINE)
    return (
        SubmissionFactory(campaign=campaign, organization=school_a, status=SubmissionStatus.FILLING),
        SubmissionFactory(campaign=campaign, organization=school_b, status=SubmissionStatus.ACCEPTED),
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Reminders are queued when their transaction commits: here, when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_reminders_go_to_the_owing_organisation_only(owing, committed):
    with committed():
        assert send_reminders(datetime.date(2026, 5, 24)) == 1
    (message,) = mail.outbox
    assert sorted(message.to) == ["a@school.ru", "curator-a@school.ru"]
    assert "Школа А" in message.body and "Школа Б" not in message.body
    assert "25.05.2026" in message.body


def test_reminders_are_sent_once_a_day(owing, committed):
    with committed():
        send_reminders(datetime.date(2026, 5, 26))
        send_reminders(datetime.date(2026, 5, 26))
    assert len(mail.outbox) == 1 and "прошёл" in mail.outbox[0].subject
    assert Reminder.objects.get().kind == ReminderKind.OVERDUE


def test_reminders_on_a_quiet_day_send_nothing(owing):
    assert send_reminders(datetime.date(2026, 5, 20)) == 0
    assert mail.outbox == []


def test_command_reminds_a_week_before_the_deadline(owing, school_a, committed):
    from django.utils import timezone

    week_ahead = CampaignFactory(deadline=timezone.localdate() + datetime.timedelta(days=7))
    SubmissionFactory(campaign=week_ahead, organization=school_a)
    out = StringIO()
    with committed():
        call_command("send_reminders", stdout=out)
        call_command("send_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["Напоминаний отправлено: 1.", "Напоминаний отправлено: 0."]
    assert "до срока сдачи данных" in mail.outbox[0].subject
