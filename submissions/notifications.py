"""E-mails of the campaign: to an organisation's coordinators (about its own submission only) and to the
methodologists. Queued after the transaction commits and sent by the task worker (core/mail.py): a failing
or silent mail server never holds a request, and the mail is tried again."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string

from accounts.models import User
from core import mail
from core.access import Role
from submissions.models import Submission


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


def send(kind: str, context: dict, recipients: list[str]) -> bool:
    """Queue the mail (sent when the transaction commits); False when nobody is there to receive it."""
    if not recipients:
        return False
    mail.send_later(*render_mail(kind, context), recipients)
    return True


def notify_later(kind: str, submission: Submission, recipients: list[str], **extra) -> None:
    """Mail about the submission once the surrounding transaction commits: a rolled back action sends nothing."""
    send(kind, {"submission": submission, "campaign": submission.campaign, **extra}, recipients)
