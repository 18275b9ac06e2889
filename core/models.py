"""What the records of every app share: who moved a record from one state to another, and when; the
files the task worker builds for users."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
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


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("в очереди")
    RUNNING = "running", _("готовится")
    DONE = "done", _("готов")
    FAILED = "failed", _("не получилось")


class Job(models.Model):
    """A file the task worker builds for one user (a large export): its progress, then the file or, if it
    failed, what happened and what to do, in Russian."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("пользователь"), related_name="+", on_delete=models.CASCADE
    )
    title = models.CharField(_("что готовится"), max_length=200)
    source = models.CharField(_("адрес выгрузки"), max_length=2000)
    status = models.CharField(
        _("состояние"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("готово строк"), default=0)
    total = models.PositiveIntegerField(_("всего строк"), default=0)
    message = models.TextField(_("сообщение"), blank=True)
    file = models.FileField(_("файл"), upload_to="jobs/%Y/%m/", blank=True)
    filename = models.CharField(_("имя файла"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("поставлен"), auto_now_add=True)
    finished_at = models.DateTimeField(_("закончен"), null=True, blank=True)

    class Meta:
        verbose_name = _("фоновая выгрузка")
        verbose_name_plural = _("фоновые выгрузки")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("job", args=[self.pk])

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0
