"""The digest: each subscribed coordinator gets their own organisation's «Требует внимания» by mail through
the background tasks, with a working unsubscribe link; the methodologist sends it on demand."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from accounts.models import User
from home.digest import is_term_start, send_digests, unsubscribe_token
from tests.home.test_attention import TODAY, troubles

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinators(coordinator_a, coordinator_b):
    for user, email in ((coordinator_a, "a@school.ru"), (coordinator_b, "b@school.ru")):
        user.email = email
        user.save()
    return coordinator_a, coordinator_b


@override_settings(MSHN_SITE_URL="https://mshn.example.ru")
def test_each_coordinator_gets_their_own_organisations_list(coordinators, school_a, school_b,
                                                            django_capture_on_commit_callbacks):  # fmt: skip
    troubles(school_a)
    troubles(school_b, 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(TODAY) == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    a = by_address["a@school.ru"]
    assert a.subject.startswith("МШН: требует внимания — Школа А")
    assert "Молодые педагоги без наставника: 1" in a.body and "Школа Б" not in a.body
    assert "Молодые педагоги без наставника: 2" in by_address["b@school.ru"].body
    assert "https://mshn.example.ru/attention/" in a.body
    assert "https://mshn.example.ru/digest/unsubscribe/" in a.body


def test_nothing_to_do_sends_nothing(coordinators, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(TODAY) == 0
    assert not mail.outbox


def test_unsubscribe_link_works_without_signing_in(
    client, coordinators, school_a, django_capture_on_commit_callbacks
):
    coordinator_a = coordinators[0]
    url = reverse("digest_unsubscribe", args=[unsubscribe_token(coordinator_a)])
    assert "a@school.ru" in client.get(url).content.decode()
    assert "Вы отписаны" in client.post(url).content.decode()
    assert not User.objects.get(pk=coordinator_a.pk).digest_subscribed
    troubles(school_a)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(TODAY)
    assert [m.to for m in mail.outbox] == []
    assert client.get(reverse("digest_unsubscribe", args=["подделка"])).status_code == 404


def test_term_start_command_mails_only_on_term_starts(coordinators, school_a, capsys):
    troubles(school_a)
    with override_settings(DIGEST_TERM_STARTS=[f"{TODAY + datetime.timedelta(days=1):%d.%m}"]):
        assert not is_term_start(TODAY)
        call_command("send_digest", "--term-start")
    assert "не начало четверти" in capsys.readouterr().out
    with override_settings(DIGEST_TERM_STARTS=[f"{TODAY:%d.%m}"]):
        call_command("send_digest", "--term-start")
    assert "Сводок поставлено в очередь: 1." in capsys.readouterr().out


def test_methodist_sends_the_digest_on_demand_through_the_worker(as_methodist, coordinators, school_a,
                                                                 django_capture_on_commit_callbacks):  # fmt: skip
    troubles(school_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_methodist.post(reverse("digest_send"))
    assert response["Location"] == reverse("attention")
    assert [m.to for m in mail.outbox] == [["a@school.ru"]]


def test_only_the_methodist_sends_the_digest(as_coordinator_a, as_department):
    assert as_coordinator_a.post(reverse("digest_send")).status_code == 403
    assert as_department.post(reverse("digest_send")).status_code == 403
