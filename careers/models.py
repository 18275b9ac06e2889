"""Careers and the law: where a pedagogue worked and when, the mentor's agreement under art. 351.8 of the
Labor Code, the справки о наставнической деятельности issued, and the retention figures accepted by year
before the registry existed."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import generated_name

HISTORY_EXCLUDED = ["updated_at"]


class LeaveReason(models.TextChoices):
    TRANSFER = "transfer", _("перевод в другую организацию района")
    LEFT = "left", _("уволился")


class EmploymentPeriod(models.Model):
    """One stretch of a person's work in one organisation; the open one (no end) is the current place.

    A person without any period has worked in `Person.organization` since the start of their experience:
    the first move writes that period down (`services.periods_of`)."""

    DISTRICT_FIELD = "organization__district"

    person = models.ForeignKey(
        "registry.Person", verbose_name=_("человек"), on_delete=models.CASCADE, related_name="employment"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="employment_periods",
    )
    position = models.CharField(_("должность"), max_length=200, blank=True)
    started_on = models.DateField(_("с"), null=True, blank=True, help_text=_("Пусто — с начала стажа."))
    ended_on = models.DateField(_("по"), null=True, blank=True)
    leave_reason = models.CharField(
        _("причина ухода"), max_length=20, choices=LeaveReason.choices, blank=True
    )
    leave_note = models.CharField(_("пояснение"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("период работы")
        verbose_name_plural = _("периоды работы")
        ordering = ["person", F("started_on").asc(nulls_first=True), "id"]
        indexes = [
            models.Index(fields=["organization", "ended_on"]),
            models.Index(fields=["person", "ended_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="employment_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(ended_on__isnull=True), name="employment_one_open_period"
            ),
        ]

    def __str__(self) -> str:
        start = f"{self.started_on:%d.%m.%Y}" if self.started_on else "…"
        end = f"{self.ended_on:%d.%m.%Y}" if self.ended_on else _("по настоящее время")
        return f"{self.organization}: {start} – {end}"

    def get_absolute_url(self) -> str:
        return reverse("careers:person_career", args=[self.person_id])


def consent_scan_path(instance, filename: str) -> str:
    return generated_name("agreements")(instance, filename)


class EndInitiator(models.TextChoices):
    MENTOR = "mentor", _("наставник (работник)")
    EMPLOYER = "employer", _("работодатель")


class MentorAgreement(models.Model):
    """The mentor's written consent and the supplementary agreement of art. 351.8 for one pair."""

    DISTRICT_FIELD = "pair__organization__district"

    pair = models.OneToOneField(
        "registry.Pair", verbose_name=_("пара"), on_delete=models.CASCADE, related_name="agreement"
    )
    consent_on = models.DateField(_("дата письменного согласия наставника"))
    consent_scan = models.FileField(_("скан согласия"), upload_to=consent_scan_path, blank=True)
    consent_scan_name = models.CharField(_("имя файла"), max_length=255, blank=True, editable=False)
    number = models.CharField(_("номер дополнительного соглашения"), max_length=50)
    signed_on = models.DateField(_("дата соглашения"))
    starts_on = models.DateField(_("наставничество с"))
    ends_on = models.DateField(_("наставничество по"))
    content = models.TextField(_("содержание наставничества"))
    payment = models.CharField(
        _("оплата"), max_length=300, help_text=_("Например: доплата 3 000 руб. в месяц.")
    )
    ended_by = models.CharField(
        _("досрочно прекратить попросил"), max_length=20, choices=EndInitiator.choices, blank=True
    )
    notice_on = models.DateField(_("дата предупреждения"), null=True, blank=True)
    ended_early_on = models.DateField(_("дата досрочного прекращения"), null=True, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("соглашение о наставничестве")
        verbose_name_plural = _("соглашения о наставничестве")
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="agreement_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(consent_on__lte=F("signed_on")), name="agreement_consent_before_signing"
            ),
        ]

    def __str__(self) -> str:
        return f"Доп. соглашение № {self.number} от {self.signed_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("careers:agreement", args=[self.pair_id])

    @property
    def is_ended_early(self) -> bool:
        return self.ended_early_on is not None


def new_code() -> str:
    return secrets.token_urlsafe(12)


class Certificate(models.Model):
    """A справка о наставнической деятельности as issued: its content is frozen at issue, so the PDF says
    the same thing every time it is downloaded, and its code opens the public verification page."""

    DISTRICT_FIELD = "organization__district"

    number = models.CharField(_("регистрационный номер"), max_length=30, unique=True)
    issued_on = models.DateField(_("дата выдачи"))
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("педагог"), on_delete=models.PROTECT, related_name="certificates"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("выдавшая организация"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    person_name = models.CharField(_("ФИО"), max_length=300)
    issuer_name = models.CharField(_("выдавшая организация"), max_length=500)
    period_from = models.DateField(_("период с"))
    period_to = models.DateField(_("период по"))
    content = models.JSONField(_("содержание"), default=dict)
    code = models.CharField(_("код проверки"), max_length=32, unique=True, default=new_code, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("выдал"), null=True, on_delete=models.SET_NULL
    )
    revoked_on = models.DateField(_("дата отзыва"), null=True, blank=True)
    revoke_reason = models.CharField(_("причина отзыва"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("справка о наставнической деятельности")
        verbose_name_plural = _("справки о наставнической деятельности")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_to__gte=F("period_from")), name="certificate_period_order"
            )
        ]

    def __str__(self) -> str:
        return f"Справка № {self.number} от {self.issued_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("careers:certificate_detail", args=[self.pk])

    def get_verify_url(self) -> str:
        return reverse("careers:verify", args=[self.code])


class AcceptedRetention(models.Model):
    """Retention of a cohort as accepted in the yearly reports of the years before the registry: the
    ledger reads these for a cohort year that has them instead of counting the employment periods."""

    DISTRICT_FIELD = "organization__district"

    cohort_year = models.ForeignKey(
        "directory.AcademicYear", verbose_name=_("учебный год когорты"), on_delete=models.PROTECT
    )
    organization = models.ForeignKey(
        "directory.Organization", verbose_name=_("организация"), on_delete=models.PROTECT
    )
    with_mentor = models.BooleanField(_("с наставником"))
    cohort = models.PositiveIntegerField(_("молодых педагогов в когорте"))
    after_1 = models.PositiveIntegerField(_("работают через 1 год"), null=True, blank=True)
    after_2 = models.PositiveIntegerField(_("работают через 2 года"), null=True, blank=True)
    after_3 = models.PositiveIntegerField(_("работают через 3 года"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("принятые цифры закрепления")
        verbose_name_plural = _("принятые цифры закрепления")
        ordering = ["cohort_year", "organization", "with_mentor"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort_year", "organization", "with_mentor"], name="accepted_retention_once"
            ),
            models.CheckConstraint(
                condition=(Q(after_1__isnull=True) | Q(after_1__lte=F("cohort")))
                & (Q(after_2__isnull=True) | Q(after_2__lte=F("cohort")))
                & (Q(after_3__isnull=True) | Q(after_3__lte=F("cohort"))),
                name="accepted_retention_within_cohort",
            ),
        ]

    def __str__(self) -> str:
        mentored = _("с наставником") if self.with_mentor else _("без наставника")
        return f"{self.cohort_year} — {self.organization} ({mentored})"

    def get_absolute_url(self) -> str:
        return reverse("careers:accepted_detail", args=[self.pk])
