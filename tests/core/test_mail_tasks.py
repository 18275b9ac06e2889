"""Mail through the task worker: a silent mail server never holds a request, a failed mail is tried again,
and the worker goes on to the next task."""

from __future__ import annotations

import smtplib
import socket
import threading
import time
from contextlib import contextmanager

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from core.mail import send_message
from submissions.models import SubmissionStatus
from tests.conftest import client_for

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@contextmanager
def silent_smtp_server():
    """Accepts connections on 127.0.0.1 and never says a word (a hung mail server)."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted, stop = [], threading.Event()

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


class FailsFirstBackend(EmailBackend):
    """Django's in-memory outbox behind a mail server that refuses the first message it is given."""

    failed: list[str] = []

    def send_messages(self, messages):
        if not self.failed:
            self.failed.append(messages[0].subject)
            raise smtplib.SMTPServerDisconnected("connection closed")
        return super().send_messages(messages)


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS
    return settings


@pytest.mark.django_db(transaction=True)
def test_silent_mail_server_never_holds_the_request(database_tasks, school_a, coordinator_a, methodist):
    from tests.submissions.factories import SubmissionFactory

    methodist.email = "m@mshn.ru"
    methodist.save()
    submission = SubmissionFactory(organization=school_a, status=SubmissionStatus.FILLING)
    with silent_smtp_server() as port:
        database_tasks.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        database_tasks.EMAIL_HOST, database_tasks.EMAIL_PORT, database_tasks.EMAIL_TIMEOUT = (
            "127.0.0.1",
            port,
            1,
        )
        started = time.monotonic()
        client_for(coordinator_a).post(
            reverse("submissions:submission_submit", args=[submission.pk]), {"confirmed": "on"}
        )
        assert time.monotonic() - started < 2
        submission.refresh_from_db()
        assert submission.status == SubmissionStatus.SENT
        queued = DBTaskResult.objects.get()
        assert queued.status == "READY" and queued.task_path == "core.mail.send_message"
        run_worker()
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert "почтовый сервер не ответил вовремя; письмо будет отправлено ещё раз" in failed.traceback
    assert retry.status == "READY" and retry.run_after > failed.finished_at
    assert retry.args_kwargs["args"][3] == 2  # the second attempt


@pytest.mark.django_db(transaction=True)
def test_failed_mail_is_tried_again_and_the_next_task_runs(database_tasks):
    database_tasks.EMAIL_BACKEND = f"{__name__}.FailsFirstBackend"
    database_tasks.MAIL_RETRY_SECONDS = 0
    FailsFirstBackend.failed = []
    send_message.enqueue("Первое письмо", "текст", ["a@school.ru"])
    send_message.enqueue("Второе письмо", "текст", ["b@school.ru"])
    run_worker()
    assert FailsFirstBackend.failed == ["Первое письмо"]
    assert sorted(m.subject for m in mail.outbox) == ["Второе письмо", "Первое письмо"]
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL", "SUCCESSFUL"]
    assert "недоступен или отказал" in DBTaskResult.objects.get(status="FAILED").traceback


@pytest.mark.django_db(transaction=True)
def test_mail_gives_up_after_the_last_attempt(database_tasks):
    database_tasks.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    database_tasks.EMAIL_HOST, database_tasks.EMAIL_PORT, database_tasks.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    database_tasks.MAIL_RETRY_SECONDS, database_tasks.MAIL_ATTEMPTS = 0, 2
    send_message.enqueue("Письмо", "текст", ["a@school.ru"])
    run_worker()
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [r.status for r in results] == ["FAILED", "FAILED"]
    assert "попытки исчерпаны: проверьте настройки почты" in results[1].traceback
