"""E-mails of the campaign: to an organisation's coordinators (about its own submission only) and to the
methodologists. Sent after the transaction commits; a failing mail server is logged, never fatal."""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string

from accounts.models import User
from core.access import Role
from submissions.models import Submission

logger = logging.getLogger(__name__)


def coordinator_addresses(submission: Submission) -> list[str]:
    """The organisation's coordinators and its curator's address: nobody else's."""
    organization = submission.organization
    users = User.objects.filter(role=Role.COORDINATOR, organization=organization, is_active=True)
    addresses = {email for email in users.exclude(email="").values_list("email", flat=True)}
    if organization.curator_email:
        addresses.add(organization.curator_email)
    return sorted(addresses)


def methodist_addresses() -> list[str]:
    users = User.objects.filter(Q(role__in=(Role.METHODIST, Role.ADMIN)) | Q(is_superuser=True))
    return sorted(set(users.filter(is_active=True).exclude(email="").values_list("email", flat=True)))


def render_mail(kind: str, context: dict) -> tuple[str, str]:
    """Subject (the template's first line) and body of `templates/submissions/email/<kind>.txt`."""
    text = render_to_string(f"submissions/email/{kind}.txt", {**context, "site_url": settings.MSHN_SITE_URL})
    subject, _blank, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def deliver(kind: str, context: dict, recipients: list[str]) -> bool:
    """Send now; a mail server failure is logged and reported as False."""
    if not recipients:
        return False
    subject, body = render_mail(kind, context)
    try:
        send_mail(subject, body, None, recipients)
    except (smtplib.SMTPException, OSError):
        logger.exception("Письмо «%s» не отправлено: %s", subject, ", ".join(recipients))
        return False
    return True


def notify_later(kind: str, submission: Submission, recipients: list[str], **extra) -> None:
    """Send once the surrounding transaction commits: a rolled back action sends nothing."""
    context = {"submission": submission, "campaign": submission.campaign, **extra}
    transaction.on_commit(lambda: deliver(kind, context, recipients))
