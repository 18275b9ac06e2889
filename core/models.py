"""Records the whole site shares: the audit of who looked at a person's personal data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ViewLog(models.Model):
    """A coordinator opened a person's card (personal data): who, whose, when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("пользователь"), null=True, on_delete=models.SET_NULL
    )
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("человек"), related_name="view_logs", on_delete=models.CASCADE
    )
    viewed_at = models.DateTimeField(_("когда"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("просмотр карточки")
        verbose_name_plural = _("просмотры карточек")
        ordering = ["-viewed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} → {self.person_id} ({self.viewed_at:%d.%m.%Y %H:%M})"


class StateChange(models.Model):
    """Who moved a record from one state to another, and when (pairs, practices, meetings, submissions)."""

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("когда"), default=timezone.now)

    class Meta:
        abstract = True
