"""Login throttling: growing delays per account and per address, which no other account's login resets.

A few wrong passwords cost nothing; after that each failure doubles the wait before the next try (30 s,
1 min, 2 min … up to LOGIN_DELAY_MAX_MINUTES), for the account and, separately, for the address. A try
made while waiting is refused without checking the password, so it does not count and guessing gets no
faster. A successful login clears only that account's own failures: an outsider with a valid login of his
own cannot wipe what he did to someone else's account or from his address; failures are forgotten after
LOGIN_FAILURES_FORGET_HOURS of quiet. `manage.py unlock_login` lifts a wait at once.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from accounts.models import LoginFailures


def client_ip(request) -> str:
    """The client's address for login throttling.

    X-Forwarded-For is trusted only when TRUSTED_PROXY_COUNT says how many proxies append to it;
    otherwise anyone could pick a fresh address for every guess.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if proxies > 0 and len(hops) >= proxies:
        return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def account_key(username: str) -> str:
    return f"account:{(username or '').strip().lower()}"


def address_key(address: str) -> str:
    return f"address:{address}"


def keys_of(request, username: str) -> dict[str, int]:
    """The throttled keys of a login try, each with the failures it may have for free."""
    return {
        account_key(username): settings.LOGIN_FREE_FAILURES,
        address_key(client_ip(request)): settings.LOGIN_FREE_FAILURES_PER_ADDRESS,
    }


def delay_after(failures: int, free: int) -> datetime.timedelta:
    """The wait after `failures` wrong passwords: none while free, then doubling up to the maximum."""
    if failures < free:
        return datetime.timedelta(0)
    seconds = settings.LOGIN_DELAY_SECONDS * 2 ** min(failures - free, 20)
    return min(
        datetime.timedelta(seconds=seconds), datetime.timedelta(minutes=settings.LOGIN_DELAY_MAX_MINUTES)
    )


def forgotten_before() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=settings.LOGIN_FAILURES_FORGET_HOURS)


def wait_before_login(request, username: str) -> datetime.timedelta:
    """How long this account from this address must still wait before its password is checked."""
    free = keys_of(request, username)
    rows = LoginFailures.objects.filter(key__in=free, last_at__gte=forgotten_before())
    now = timezone.now()
    waits = [row.last_at + delay_after(row.count, free[row.key]) - now for row in rows]
    return max([datetime.timedelta(0), *waits])


@transaction.atomic
def record_failure(request, username: str) -> None:
    now = timezone.now()
    for key in keys_of(request, username):
        row, _ = LoginFailures.objects.select_for_update().get_or_create(key=key, defaults={"last_at": now})
        row.count = 1 if row.last_at < forgotten_before() else row.count + 1
        row.last_at = now
        row.save(update_fields=["count", "last_at"])


def clear_account(username: str) -> int:
    """Forgets the failures of one account (its own successful login, or `unlock_login`)."""
    return LoginFailures.objects.filter(key=account_key(username)).delete()[0]


@receiver(user_login_failed, dispatch_uid="throttle_login_failed")
def count_failure(sender, credentials, request=None, **kwargs):
    # A try refused while waiting was never checked: it does not lengthen the wait.
    if request is not None and not getattr(request, "login_wait", None):
        record_failure(request, credentials.get("username", ""))


@receiver(user_logged_in, dispatch_uid="throttle_logged_in")
def forget_failures(sender, request, user, **kwargs):
    clear_account(user.get_username())


def wait_text(wait: datetime.timedelta) -> str:
    seconds = max(1, int(wait.total_seconds() + 0.999))
    return f"{seconds} с." if seconds < 60 else f"{(seconds + 59) // 60} мин."
