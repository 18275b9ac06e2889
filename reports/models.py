"""Targets of the monitoring indicators, the methodologist's text of the annual report and its approved versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import generated_name
from core.models import StateChange
from directory.models import district_field
from indicators.definitions import CHOICES


class IndicatorTarget(models.Model):
    DISTRICT_FIELD = "district"

    district = district_field()
    year = models.ForeignKey(
        "directory.AcademicYear",
        verbose_name=_("учебный год"),
        on_delete=models.CASCADE,
        related_name="indicator_targets",
    )
    code = models.CharField(_("показатель"), max_length=40, choices=CHOICES)
    target = models.DecimalField(_("целевое значение"), max_digits=10, decimal_places=1)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    class Meta:
        verbose_name = _("целевое значение показателя")
        verbose_name_plural = _("целевые значения показателей")
        ordering = ["-year__start_year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["district", "year", "code"], name="indicator_target_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()}: {self.target} ({self.year})"


def report_file_path(instance, filename: str) -> str:
    return generated_name("reports")(instance, filename)


def _per_subject(fields: list[str], name: str) -> list[models.UniqueConstraint]:
    """Unique per year for the district (no organisation) and per year and organisation otherwise."""
    return [
        models.UniqueConstraint(
            fields=["district", "year", *fields],
            condition=Q(organization__isnull=True),
            name=f"{name}_district",
        ),
        models.UniqueConstraint(
            fields=["year", "organization", *fields],
            condition=Q(organization__isnull=False),
            name=f"{name}_organization",
        ),
    ]


class AnnualSubject(models.Model):
    """Whose year a report speaks of: a school year and one organisation, or the district (none)."""

    DISTRICT_FIELD = "district"

    district = district_field()

    year = models.ForeignKey(
        "directory.AcademicYear", verbose_name=_("учебный год"), on_delete=models.PROTECT, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Пусто — отчёт по муниципальному образованию."),
    )

    class Meta:
        abstract = True


class AnnualText(AnnualSubject):
    """The methodologist's own words in a year's analytic report: conclusions and the next year's plan."""

    conclusions = models.TextField(_("выводы"), blank=True, help_text=_("Каждый абзац — с новой строки."))
    plan = models.TextField(
        _("задачи и план на следующий учебный год"), blank=True, help_text=_("Каждый пункт — с новой строки.")
    )
    signer_position = models.CharField(
        _("должность подписывающего"),
        max_length=300,
        default=_("Руководитель муниципальной Школы наставничества"),
    )
    signer_name = models.CharField(
        _("инициалы и фамилия подписывающего"),
        max_length=200,
        blank=True,
        help_text=_("Например: И. И. Иванова"),
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("текст аналитического отчёта")
        verbose_name_plural = _("тексты аналитических отчётов")
        constraints = _per_subject([], "annual_text")

    def __str__(self) -> str:
        return f"{self.year} — {self.organization or _('район')}"


class ApprovedReport(AnnualSubject):
    """A year's analytic report as approved: its PDF and XLSX are stored and never change afterwards."""

    version = models.PositiveIntegerField(_("версия"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("утвердил"), on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("утверждён"), default=timezone.now)
    pdf = models.FileField(_("PDF"), upload_to=report_file_path, max_length=200)
    xlsx = models.FileField(_("XLSX"), upload_to=report_file_path, max_length=200)

    class Meta:
        verbose_name = _("утверждённый отчёт")
        verbose_name_plural = _("утверждённые отчёты")
        ordering = ["-year__start_year", "organization__sort_name", "-version"]
        constraints = _per_subject(["version"], "approved_report")

    def __str__(self) -> str:
        return f"{self.year} — {self.organization or _('район')}, {_('версия')} {self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("An approved report never changes: approve a new version instead.")
        super().save(*args, **kwargs)


# The region's collection: every district sends its figures and its approved annual analysis -------------


class RegionalCampaign(models.Model):
    """The region asks every district for the figures of a school year and its approved annual analysis."""

    year = models.ForeignKey(
        "directory.AcademicYear", verbose_name=_("учебный год"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("название"), max_length=300)
    deadline = models.DateField(_("срок"))
    note = models.TextField(_("что просит край"), blank=True)
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "created_at"])

    class Meta:
        verbose_name = _("сбор данных края")
        verbose_name_plural = _("сборы данных края")
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reports:regional_detail", args=[self.pk])


class DistrictReportStatus(models.TextChoices):
    WAITING = "waiting", _("ожидается")
    SENT = "sent", _("отправлен в край")
    RETURNED = "returned", _("возвращён на доработку")
    ACCEPTED = "accepted", _("принят краем")


class DistrictReport(models.Model):
    """One district's answer to a regional campaign: its figures frozen when sent and its approved analysis."""

    DISTRICT_FIELD = "district"

    campaign = models.ForeignKey(
        RegionalCampaign, verbose_name=_("сбор данных края"), on_delete=models.CASCADE, related_name="reports"
    )
    district = district_field()
    status = models.CharField(
        _("состояние"),
        max_length=20,
        choices=DistrictReportStatus.choices,
        default=DistrictReportStatus.WAITING,
    )
    analysis = models.ForeignKey(
        ApprovedReport,
        verbose_name=_("утверждённый анализ работы"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    figures = models.JSONField(_("показатели на момент отправки"), null=True, blank=True)
    sent_at = models.DateTimeField(_("отправлен"), null=True, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "figures"])

    class Meta:
        verbose_name = _("ответ муниципального образования")
        verbose_name_plural = _("ответы муниципальных образований")
        ordering = ["campaign", "district__sort_name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "district"], name="district_report_once_per_campaign")
        ]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.district}"

    def get_absolute_url(self) -> str:
        return self.campaign.get_absolute_url()


class DistrictReportTransition(StateChange):
    DISTRICT_FIELD = "report__district"

    report = models.ForeignKey(
        DistrictReport, verbose_name=_("ответ"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("было"), max_length=20, choices=DistrictReportStatus.choices)
    to_status = models.CharField(_("стало"), max_length=20, choices=DistrictReportStatus.choices)
    comment = models.TextField(_("комментарий"), blank=True)

    class Meta:
        verbose_name = _("смена состояния ответа")
        verbose_name_plural = _("смены состояния ответов")
        ordering = ["at", "id"]
