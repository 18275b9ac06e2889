"""Meetings of the school with their protocols, and the yearly roadmap."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import generated_name
from core.models import StateChange
from directory.models import district_field


def lines_of(text: str) -> list[str]:
    """Non-empty lines of a text field, stripped: decisions, guests."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def meeting_file_name(instance, filename: str) -> str:
    """upload_to that migrations can name (core.files.generated_name builds a closure)."""
    return generated_name("meetings")(instance, filename)


def roadmap_file_name(instance, filename: str) -> str:
    return generated_name("roadmap")(instance, filename)


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("черновик")
    APPROVED = "approved", _("утверждён")


class MeetingCounter(models.Model):
    """The last number a district gave in a school year; locked while a number is taken, so none repeats."""

    district = district_field()
    year = models.ForeignKey(
        "directory.AcademicYear", on_delete=models.CASCADE, verbose_name=_("учебный год")
    )
    last_number = models.PositiveIntegerField(_("последний номер"), default=0)

    class Meta:
        verbose_name = _("счётчик номеров заседаний")
        verbose_name_plural = _("счётчики номеров заседаний")
        constraints = [models.UniqueConstraint(fields=["district", "year"], name="meeting_counter_once")]

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Meeting(models.Model):
    DISTRICT_FIELD = "district"

    district = district_field()
    year = models.ForeignKey(
        "directory.AcademicYear",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("учебный год"),
    )
    number = models.PositiveIntegerField(_("номер"))
    date = models.DateField(_("дата"))
    time = models.TimeField(_("время начала"), null=True, blank=True, help_text=_("Время Владивостока."))
    place = models.CharField(_("место проведения"), max_length=300, blank=True)
    is_online = models.BooleanField(_("онлайн"), default=False)
    link = models.URLField(_("ссылка на онлайн-встречу"), blank=True)
    chair = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("председатель")
    )
    secretary = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("секретарь")
    )
    present = models.ManyToManyField(
        "registry.Person", related_name="meetings_attended", verbose_name=_("присутствовали")
    )
    guests = models.TextField(
        _("приглашённые"), blank=True, help_text=_("Каждый на своей строке: ФИО, должность.")
    )
    status = models.CharField(
        _("состояние"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[present])

    class Meta:
        verbose_name = _("заседание")
        verbose_name_plural = _("заседания")
        ordering = ["-date", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "year", "number"],
                name="meeting_number_unique_in_year",
                violation_error_message=_("Заседание с таким номером в этом учебном году уже есть."),
            )
        ]

    def __str__(self) -> str:
        return _("Заседание № %(number)s от %(date)s") % {
            "number": self.number,
            "date": f"{self.date:%d.%m.%Y}",
        }

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def is_approved(self) -> bool:
        return self.status == MeetingStatus.APPROVED

    @property
    def guest_lines(self) -> list[str]:
        return lines_of(self.guests)

    @property
    def where(self) -> str:
        if self.is_online:
            online = _("онлайн") + (f" ({self.link})" if self.link else "")
            return f"{self.place}, {online}" if self.place else online
        return self.place


class MeetingTransition(StateChange):
    DISTRICT_FIELD = "meeting__district"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("заседание")
    )
    from_status = models.CharField(_("было"), max_length=20, choices=MeetingStatus.choices)
    to_status = models.CharField(_("стало"), max_length=20, choices=MeetingStatus.choices)
    reason = models.TextField(_("причина"), blank=True)

    class Meta:
        verbose_name = _("смена состояния заседания")
        verbose_name_plural = _("смены состояния заседаний")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class AgendaItem(models.Model):
    DISTRICT_FIELD = "meeting__district"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("заседание")
    )
    position = models.PositiveSmallIntegerField(_("№"), default=0)
    topic = models.CharField(_("вопрос повестки"), max_length=500)
    speakers = models.CharField(
        _("докладчики"), max_length=300, blank=True, help_text=_("И.О. Фамилия, через запятую.")
    )
    heard = models.TextField(_("слушали"), blank=True)
    spoke = models.TextField(_("выступили"), blank=True)
    decisions = models.TextField(_("решили"), blank=True, help_text=_("Каждое решение — на своей строке."))
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("вопрос повестки")
        verbose_name_plural = _("повестка")
        ordering = ["meeting", "position", "id"]

    def __str__(self) -> str:
        return f"{self.position}. {self.topic}"

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url()

    @property
    def decision_lines(self) -> list[str]:
        return lines_of(self.decisions)


class Attachment(models.Model):
    DISTRICT_FIELD = "meeting__district"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("заседание")
    )
    title = models.CharField(_("название"), max_length=300)
    file = models.FileField(_("файл"), upload_to=meeting_file_name)
    original_name = models.CharField(_("имя файла"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто"),
    )
    uploaded_at = models.DateTimeField(_("загружен"), default=timezone.now)

    class Meta:
        verbose_name = _("файл заседания")
        verbose_name_plural = _("файлы заседаний")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


def school_year_title(start_year: int) -> str:
    return f"{start_year}/{start_year + 1}"


class SupportPlan(models.Model):
    """The multi-year plan of methodological support (order 4.1: «на 2024-2027 годы») above the yearly
    roadmaps: directions with their goals and items; each roadmap item may realise one item of the plan."""

    DISTRICT_FIELD = "district"

    district = district_field()
    title = models.CharField(
        _("название"),
        max_length=500,
        default=_("План методического сопровождения реализации целевой модели наставничества"),
    )
    from_year = models.PositiveSmallIntegerField(_("с года"))
    to_year = models.PositiveSmallIntegerField(
        _("по год"), help_text=_("2024–2027: учебные годы с 2024/2025 по 2026/2027.")
    )
    basis = models.CharField(
        _("документ-основание"),
        max_length=500,
        blank=True,
        help_text=_("Например: приказ управления образования от 05.04.2024 № 112, п. 4.1."),
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("план методического сопровождения")
        verbose_name_plural = _("планы методического сопровождения")
        ordering = ["-from_year", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_year__gt=models.F("from_year")), name="support_plan_years_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} на {self.period} годы"

    def get_absolute_url(self) -> str:
        return reverse("meetings:plan_detail", args=[self.pk])

    @property
    def period(self) -> str:
        return f"{self.from_year}–{self.to_year}"

    @property
    def school_years(self) -> list[int]:
        """The start years of the school years the plan covers."""
        return list(range(self.from_year, self.to_year))


class PlanDirection(models.Model):
    DISTRICT_FIELD = "plan__district"

    plan = models.ForeignKey(
        SupportPlan, on_delete=models.CASCADE, related_name="directions", verbose_name=_("план")
    )
    position = models.PositiveSmallIntegerField(_("№"), default=0)
    title = models.CharField(_("направление"), max_length=300)
    goal = models.TextField(_("цель"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("направление плана")
        verbose_name_plural = _("направления плана")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.plan.get_absolute_url()}#direction-{self.pk}"


class PlanItem(models.Model):
    DISTRICT_FIELD = "direction__plan__district"

    direction = models.ForeignKey(
        PlanDirection, on_delete=models.CASCADE, related_name="items", verbose_name=_("направление")
    )
    position = models.PositiveSmallIntegerField(_("№ в направлении"), default=0)
    activity = models.TextField(_("мероприятие"))
    expected_result = models.TextField(_("ожидаемый результат"), blank=True)
    first_year = models.PositiveSmallIntegerField(_("с учебного года"))
    last_year = models.PositiveSmallIntegerField(_("по учебный год"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("пункт плана")
        verbose_name_plural = _("пункты плана")
        ordering = ["direction__position", "direction_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")), name="plan_item_years_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.activity[:80]}"

    def get_absolute_url(self) -> str:
        return f"{reverse('meetings:plan_detail', args=[self.direction.plan_id])}#item-{self.pk}"

    @property
    def number(self) -> str:
        return f"{self.direction.position}.{self.position}"

    @property
    def first_year_title(self) -> str:
        return school_year_title(self.first_year)

    @property
    def last_year_title(self) -> str:
        return school_year_title(self.last_year)

    @property
    def years(self) -> str:
        first, last = self.first_year_title, self.last_year_title
        return first if first == last else f"{first} – {last}"

    def runs_in(self, start_year: int) -> bool:
        return self.first_year <= start_year <= self.last_year


class RoadmapStatus(models.TextChoices):
    PLANNED = "planned", _("запланировано")
    IN_PROGRESS = "in_progress", _("в работе")
    DONE = "done", _("выполнено")
    CANCELLED = "cancelled", _("отменено")


OPEN_ROADMAP_STATUSES = (RoadmapStatus.PLANNED, RoadmapStatus.IN_PROGRESS)


class RoadmapItem(models.Model):
    DISTRICT_FIELD = "district"

    district = district_field()
    year = models.ForeignKey(
        "directory.AcademicYear",
        on_delete=models.PROTECT,
        related_name="roadmap",
        verbose_name=_("учебный год"),
    )
    position = models.PositiveSmallIntegerField(_("№"), default=0)
    stage = models.CharField(_("этап / раздел"), max_length=300, blank=True)
    activity = models.TextField(_("мероприятие"))
    due_on = models.DateField(_("срок"), null=True, blank=True)
    due_note = models.CharField(
        _("срок словами"),
        max_length=100,
        blank=True,
        help_text=_("Например: «в течение года», «ежемесячно»."),
    )
    responsible_person = models.ForeignKey(
        "registry.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ответственный из реестра"),
    )
    responsible_organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ответственная организация"),
    )
    responsible_text = models.CharField(_("ответственный (текстом)"), max_length=300, blank=True)
    expected_result = models.TextField(_("ожидаемый результат / вид документа"), blank=True)
    status = models.CharField(
        _("статус"), max_length=20, choices=RoadmapStatus.choices, default=RoadmapStatus.PLANNED
    )
    done_on = models.DateField(_("дата выполнения"), null=True, blank=True)
    evidence_file = models.FileField(_("подтверждение (файл)"), upload_to=roadmap_file_name, blank=True)
    evidence_link = models.URLField(_("подтверждение (ссылка)"), blank=True)
    evidence_note = models.TextField(_("подтверждение (примечание)"), blank=True)
    source = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roadmap_items",
        verbose_name=_("решение заседания"),
    )
    plan_item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roadmap_items",
        verbose_name=_("пункт плана методического сопровождения"),
        help_text=_("Какой пункт многолетнего плана реализует этот пункт дорожной карты."),
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("пункт дорожной карты")
        verbose_name_plural = _("дорожная карта")
        ordering = ["year", "position", "id"]

    def __str__(self) -> str:
        return f"{self.position}. {self.activity[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:roadmap_detail", args=[self.pk])

    @property
    def responsible(self) -> str:
        parts = [
            self.responsible_person.short_name if self.responsible_person else "",
            self.responsible_organization.short_name if self.responsible_organization else "",
            self.responsible_text,
        ]
        return ", ".join(p for p in parts if p)

    @property
    def due(self) -> str:
        day = f"{self.due_on:%d.%m.%Y}" if self.due_on else ""
        return " ".join(p for p in (day, self.due_note) if p)

    def is_overdue_on(self, today: datetime.date) -> bool:
        """Never stored: an open item whose deadline has passed."""
        return self.status in OPEN_ROADMAP_STATUSES and self.due_on is not None and self.due_on < today

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())
