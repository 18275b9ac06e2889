"""Data collection campaigns: what organisations submit for a school year, reviewed by the methodologist."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import StateChange
from directory.models import district_field

HISTORY_EXCLUDED = ["updated_at"]

# What a campaign may ask for: field name on Campaign → label.
ASKS = (
    ("asks_registry", _("реестр наставников и наставляемых")),
    ("asks_pairs", _("пары с персонализированными программами")),
    ("asks_young", _("молодые педагоги")),
    ("asks_programs", _("программы наставничества")),
    ("asks_practices", _("практики")),
    ("asks_website", _("адрес раздела «Наставничество» на сайте")),
    ("asks_denominators", _("численность обучающихся и педагогов")),
)


class Campaign(models.Model):
    DISTRICT_FIELD = "district"

    district = district_field()
    title = models.CharField(_("название"), max_length=300)
    year = models.ForeignKey(
        "directory.AcademicYear",
        verbose_name=_("учебный год"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    deadline = models.DateField(_("срок сдачи"))
    period_start = models.DateField(
        _("период с"), null=True, blank=True, help_text=_("Пусто — с начала учебного года (01.09).")
    )
    period_end = models.DateField(
        _("период по"),
        null=True,
        blank=True,
        help_text=_(
            "Пусто — до конца учебного года (31.08). Показатели считаются на последний день периода."
        ),
    )
    organizations = models.ManyToManyField(
        "directory.Organization", verbose_name=_("организации"), related_name="campaigns"
    )
    asks_registry = models.BooleanField(ASKS[0][1], default=True)
    asks_pairs = models.BooleanField(ASKS[1][1], default=True)
    asks_young = models.BooleanField(ASKS[2][1], default=True)
    asks_programs = models.BooleanField(ASKS[3][1], default=True)
    asks_practices = models.BooleanField(ASKS[4][1], default=True)
    asks_website = models.BooleanField(ASKS[5][1], default=True)
    asks_denominators = models.BooleanField(ASKS[6][1], default=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("кампания сбора данных")
        verbose_name_plural = _("кампании сбора данных")
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("submissions:campaign_detail", args=[self.pk])

    def asked(self) -> list[tuple[str, str]]:
        return [(name, label) for name, label in ASKS if getattr(self, name)]

    @property
    def starts_on(self):
        return self.period_start or self.year.start_date

    @property
    def ends_on(self):
        return self.period_end or self.year.end_date

    @property
    def covers_whole_year(self) -> bool:
        return (self.starts_on, self.ends_on) == (self.year.start_date, self.year.end_date)


def covering(period) -> Q:
    """Submissions whose campaign covers exactly the period (an empty bound is the year's own)."""
    year = period.year
    starts = Q(campaign__period_start=period.start_date)
    ends = Q(campaign__period_end=period.end_date)
    if period.start_date == year.start_date:
        starts |= Q(campaign__period_start__isnull=True)
    if period.end_date == year.end_date:
        ends |= Q(campaign__period_end__isnull=True)
    return starts & ends


class SubmissionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("не начато")
    FILLING = "filling", _("заполняется")
    SENT = "sent", _("отправлено")
    RETURNED = "returned", _("возвращено")
    ACCEPTED = "accepted", _("принято")


# The organisation works on its data in these states; the rest wait for or follow the review.
EDITABLE_STATUSES = (SubmissionStatus.NOT_STARTED, SubmissionStatus.FILLING, SubmissionStatus.RETURNED)
# Past the deadline in one of these states, a submission is overdue.
OWED_STATUSES = EDITABLE_STATUSES
# Sent data waits for the methodologist: she accepts it or returns it.
REVIEWABLE_STATUSES = (SubmissionStatus.SENT,)
# How each state looks on the pages (Bootstrap badge colours).
STATUS_STYLES = {
    SubmissionStatus.ACCEPTED: "success",
    SubmissionStatus.SENT: "info",
    SubmissionStatus.RETURNED: "warning",
}


class Submission(models.Model):
    """One organisation's answer to one campaign."""

    DISTRICT_FIELD = "organization__district"

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("кампания"), on_delete=models.CASCADE, related_name="submissions"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    status = models.CharField(
        _("состояние"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.NOT_STARTED
    )
    pupils_count = models.PositiveIntegerField(_("обучающихся всего"), null=True, blank=True)
    pedagogues_count = models.PositiveIntegerField(_("педагогов всего"), null=True, blank=True)
    pupils_10_18 = models.PositiveIntegerField(_("обучающихся 10–18 лет"), null=True, blank=True)
    pupils_15_19 = models.PositiveIntegerField(_("обучающихся 15–19 лет"), null=True, blank=True)
    website_section_url = models.URLField(
        _("адрес раздела «Наставничество» на сайте"), max_length=500, blank=True
    )
    snapshot = models.JSONField(_("отправленные показатели"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("отправлено"), null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("принято"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("отчёт организации")
        verbose_name_plural = _("отчёты организаций")
        ordering = ["campaign", "organization__sort_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "organization"], name="submission_once_per_campaign")
        ]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return f"{self.organization} — {self.campaign}"

    def get_absolute_url(self) -> str:
        return reverse("submissions:submission_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def awaits_review(self) -> bool:
        return self.status in REVIEWABLE_STATUSES

    @property
    def status_style(self) -> str:
        return STATUS_STYLES.get(self.status, "secondary")

    @property
    def is_overdue(self) -> bool:
        return self.status in OWED_STATUSES and self.campaign.deadline < timezone.localdate()


class SubmissionAction(models.TextChoices):
    START = "start", _("начато заполнение")
    SUBMIT = "submit", _("отправлено на проверку")
    RETURN = "return", _("возвращено на доработку")
    ACCEPT = "accept", _("принято")
    REOPEN = "reopen", _("принятое открыто заново")


class SubmissionTransition(StateChange):
    DISTRICT_FIELD = "submission__campaign__district"

    submission = models.ForeignKey(
        Submission, verbose_name=_("отчёт"), on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("действие"), max_length=20, choices=SubmissionAction.choices)
    from_status = models.CharField(_("было"), max_length=20, choices=SubmissionStatus.choices)
    to_status = models.CharField(_("стало"), max_length=20, choices=SubmissionStatus.choices)
    comment = models.TextField(_("комментарий"), blank=True)

    class Meta:
        verbose_name = _("смена состояния отчёта")
        verbose_name_plural = _("смены состояния отчётов")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.get_action_display()


class ReminderKind(models.TextChoices):
    WEEK_BEFORE = "week_before", _("за 7 дней до срока")
    DAY_BEFORE = "day_before", _("за 1 день до срока")
    OVERDUE = "overdue", _("срок прошёл")


class Reminder(models.Model):
    """A reminder sent: the cron command sends each kind at most once a day per submission."""

    DISTRICT_FIELD = "submission__campaign__district"

    submission = models.ForeignKey(
        Submission, verbose_name=_("отчёт"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("вид"), max_length=20, choices=ReminderKind.choices)
    sent_on = models.DateField(_("дата отправки"))

    class Meta:
        verbose_name = _("напоминание")
        verbose_name_plural = _("напоминания")
        constraints = [
            models.UniqueConstraint(fields=["submission", "kind", "sent_on"], name="reminder_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.sent_on:%d.%m.%Y}"
