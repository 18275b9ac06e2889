"""The digest: each coordinator's «Требует внимания» for their organisation, mailed at the start of each
term (`manage.py send_digest --term-start`, daily by cron) or on the methodologist's demand, with an
unsubscribe link. Built by a background task, each mail sent by core/mail.py's task."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from accounts.models import User
from core import mail
from core.access import Role
from home.attention import attention_for, open_concerns

SALT = "mshn.digest.unsubscribe"


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=SALT)


def user_of_token(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def is_term_start(day: datetime.date) -> bool:
    return f"{day:%d.%m}" in settings.DIGEST_TERM_STARTS


def recipients():
    return (
        User.objects.filter(role=Role.COORDINATOR, is_active=True, digest_subscribed=True)
        .exclude(email="")
        .select_related("organization")
        .order_by("organization__short_name", "id")
    )


def digest_mail(user: User, today: datetime.date) -> tuple[str, str] | None:
    """Subject and body of the user's digest; None when nothing needs attention."""
    concerns = open_concerns(attention_for(user, today))
    if not concerns:
        return None
    site = settings.MSHN_SITE_URL
    context = {
        "user": user,
        "today": today,
        "concerns": concerns,
        "site_url": site,
        "attention_url": site + reverse("attention"),
        "unsubscribe_url": site + reverse("digest_unsubscribe", args=[unsubscribe_token(user)]),
    }
    text = render_to_string("home/email/digest.txt", context)
    subject, _blank, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def send_digests(today: datetime.date | None = None) -> int:
    """Queue the digest of every subscribed coordinator who has something to do; how many were queued."""
    today = today or timezone.localdate()
    sent = 0
    for user in recipients():
        message = digest_mail(user, today)
        if message is not None:
            mail.send_later(*message, [user.email])
            sent += 1
    return sent


@task()
def send_digests_task() -> int:
    """The methodologist's «Разослать сводку кураторам»: built by the worker, not in the request."""
    return send_digests()
