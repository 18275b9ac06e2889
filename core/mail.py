"""E-mail leaves the request: it is sent by a background task once the transaction commits, and a mail
server that fails or stays silent (EMAIL_TIMEOUT) gets the mail again later (MAIL_ATTEMPTS in all)."""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


class MailNotSent(Exception):
    """The mail server refused or did not answer; the message says it in Russian."""


@task()
def send_message(subject: str, body: str, recipients: list[str], attempt: int = 1) -> int:
    """Sends one mail; on failure schedules the next attempt (the worker keeps running) and fails."""
    try:
        return send_mail(subject, body, None, recipients)
    except (smtplib.SMTPException, OSError) as error:
        retried = retry_later(subject, body, recipients, attempt)
        logger.warning("Письмо «%s» не отправлено (попытка %s): %s", subject, attempt, error)
        raise MailNotSent(failure_message(error, attempt, retried)) from error


def retry_later(subject: str, body: str, recipients: list[str], attempt: int) -> bool:
    if attempt >= settings.MAIL_ATTEMPTS or not send_message.get_backend().supports_defer:
        return False
    delay = datetime.timedelta(seconds=settings.MAIL_RETRY_SECONDS * attempt)
    send_message.using(run_after=timezone.now() + delay).enqueue(subject, body, recipients, attempt + 1)
    return True


def failure_message(error: Exception, attempt: int, retried: bool) -> str:
    timed_out = isinstance(error, TimeoutError) or "timed out" in str(error)  # smtplib rewraps the timeout
    reason = (
        "почтовый сервер не ответил вовремя"
        if timed_out
        else f"почтовый сервер недоступен или отказал ({error.__class__.__name__})"
    )
    then = (
        "письмо будет отправлено ещё раз автоматически"
        if retried
        else "попытки исчерпаны: проверьте настройки почты (EMAIL_HOST, EMAIL_PORT) и отправьте письмо снова"
    )
    return f"Письмо не отправлено (попытка {attempt}): {reason}; {then}."


def send_later(subject: str, body: str, recipients: list[str]) -> None:
    """Queue the mail once the surrounding transaction commits: a rolled back action sends nothing."""
    if recipients:
        transaction.on_commit(lambda: send_message.enqueue(subject, body, list(recipients)))
