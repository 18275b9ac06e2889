"""What the records of every app share: who moved a record from one state to another, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
