"""Website checks: what an organisation's site must show (the checklist), rounds of checks, each
organisation's check and its result per checklist item."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory.models import district_field

HISTORY_EXCLUDED = ["updated_at"]


class ChecklistItem(models.Model):
    """What a school's website must show; the keywords let the checker recognise it in link texts."""

    position = models.PositiveSmallIntegerField(_("порядок"), default=0)
    title = models.CharField(_("пункт"), max_length=300)
    keywords = models.TextField(
        _("ключевые слова"),
        help_text=_(
            "Через запятую. Пункт найден, если в тексте ссылки или имени файла есть все слова одного "
            "ключа (части слов тоже подходят), например: «положение наставнич, polozhenie»."
        ),
    )
    is_section = models.BooleanField(
        _("это сам раздел «Наставничество»"),
        default=False,
        help_text=_("Пункт считается найденным, когда найден раздел; его адрес — адрес раздела."),
    )
    is_active = models.BooleanField(_("проверяется"), default=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("пункт проверки сайта")
        verbose_name_plural = _("пункты проверки сайта")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("websites:checklist_update", args=[self.pk])

    def keyword_list(self) -> list[list[str]]:
        """Each key as its lower-case words."""
        return [key.lower().split() for key in self.keywords.split(",") if key.strip()]


class CheckRound(models.Model):
    DISTRICT_FIELD = "district"

    district = district_field()
    title = models.CharField(_("название"), max_length=300)
    deadline = models.DateField(_("срок"))
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("проверка сайтов")
        verbose_name_plural = _("проверки сайтов")
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("websites:round_detail", args=[self.pk])


class AutoState(models.TextChoices):
    """Where the automatic check of one site stands (the worker moves it; the pages show it live)."""

    NONE = "", _("не запускалась")
    QUEUED = "queued", _("в очереди")
    RUNNING = "running", _("проверяется")
    DONE = "done", _("сайт прочитан")
    UNREACHABLE = "unreachable", _("сайт недоступен")
    FAILED = "failed", _("не выполнена")


PENDING = (AutoState.QUEUED, AutoState.RUNNING)


class WebsiteCheck(models.Model):
    """One organisation's site in one round."""

    DISTRICT_FIELD = "organization__district"

    round = models.ForeignKey(
        CheckRound, verbose_name=_("проверка"), on_delete=models.CASCADE, related_name="checks"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="website_checks",
    )
    section_url = models.URLField(_("адрес раздела «Наставничество»"), max_length=500, blank=True)
    outcome = models.TextField(_("итог автоматической проверки"), blank=True)
    auto_state = models.CharField(
        _("автоматическая проверка"), max_length=16, choices=AutoState.choices, blank=True, default=""
    )
    checked_at = models.DateTimeField(_("проверено"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто проверил"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    # The state moves on every queued check: the history keeps what was found, not the worker's steps.
    history = HistoricalRecords(excluded_fields=[*HISTORY_EXCLUDED, "auto_state"])

    class Meta:
        verbose_name = _("проверка сайта организации")
        verbose_name_plural = _("проверки сайтов организаций")
        ordering = ["round", "organization__sort_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "organization"], name="website_check_once_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("websites:check_detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.auto_state in PENDING


class CheckResult(models.Model):
    DISTRICT_FIELD = "check_record__round__district"

    check_record = models.ForeignKey(
        WebsiteCheck, verbose_name=_("проверка сайта"), on_delete=models.CASCADE, related_name="results"
    )
    item = models.ForeignKey(
        ChecklistItem, verbose_name=_("пункт"), on_delete=models.CASCADE, related_name="results"
    )
    found = models.BooleanField(_("найдено"), default=False)
    url = models.URLField(_("адрес"), max_length=1000, blank=True)
    is_automatic = models.BooleanField(
        _("предложено автоматически"),
        default=False,
        help_text=_("Не подтверждено методистом."),
    )
    checked_at = models.DateTimeField(_("когда"), default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("пункт проверки сайта организации")
        verbose_name_plural = _("пункты проверки сайтов организаций")
        ordering = ["item__position", "item_id"]
        constraints = [models.UniqueConstraint(fields=["check_record", "item"], name="check_result_once")]

    def __str__(self) -> str:
        return f"{self.item}: {'да' if self.found else 'нет'}"
