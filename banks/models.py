"""The banks: mentoring practices (with their review workflow), organisations' mentoring programs with
templates of personalised programs, and the library of normative documents."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import generated_name
from core.models import StateChange
from core.russian import SortNamed
from directory.models import district_field

HISTORY_EXCLUDED = ["updated_at", "sort_name"]


# Module-level upload_to functions: migrations can serialise these, not the closure generated_name returns.
def practice_file_path(instance, filename: str) -> str:
    return generated_name("practices")(instance, filename)


def program_file_path(instance, filename: str) -> str:
    return generated_name("programs")(instance, filename)


def document_file_path(instance, filename: str) -> str:
    return generated_name("documents")(instance, filename)


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("черновик")
    REVIEW = "review", _("на рассмотрении")
    RETURNED = "returned", _("возвращена")
    PUBLISHED = "published", _("опубликована")


# A coordinator writes a practice only while it is theirs to work on.
COORDINATOR_EDITABLE = (PracticeStatus.DRAFT, PracticeStatus.RETURNED)
# How each state looks on the pages (Bootstrap badge colours).
STATUS_STYLES = {
    PracticeStatus.PUBLISHED: "success",
    PracticeStatus.REVIEW: "info",
    PracticeStatus.RETURNED: "warning",
}


class Practice(SortNamed):
    DISTRICT_FIELD = "organization__district"

    SORT_FIELDS = ("title",)

    title = models.CharField(_("название"), max_length=300)
    forms = models.ManyToManyField(
        "directory.MentoringForm", verbose_name=_("формы наставничества"), related_name="practices"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    authors = models.ManyToManyField(
        "registry.Person", verbose_name=_("авторы"), related_name="practices", blank=True
    )
    year = models.ForeignKey(
        "directory.AcademicYear",
        verbose_name=_("учебный год"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    audience = models.CharField(_("целевая аудитория"), max_length=500, blank=True)
    description = models.TextField(_("описание практики"))
    results = models.TextField(_("результаты и эффекты"), blank=True)
    links = models.TextField(
        _("ссылки"),
        blank=True,
        help_text=_("По одной ссылке в строке, например https://school1.ru/nastavnik"),
    )
    tags = models.CharField(
        _("метки"), max_length=300, blank=True, help_text=_("Через запятую, например: адаптация, ИКТ")
    )
    status = models.CharField(
        _("состояние"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.DRAFT
    )
    is_best = models.BooleanField(_("лучшая практика"), default=False)
    published_on = models.DateField(_("дата публикации"), null=True, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED, m2m_fields=[forms, authors])

    class Meta:
        verbose_name = _("наставническая практика")
        verbose_name_plural = _("наставнические практики")
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["organization", "status"]),
            models.Index(fields=["status", "is_best"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_best=False) | Q(status=PracticeStatus.PUBLISHED),
                name="practice_best_published",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("banks:practice_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("banks:showcase_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == PracticeStatus.PUBLISHED

    @property
    def status_style(self) -> str:
        return STATUS_STYLES.get(self.status, "secondary")

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class PracticeFile(models.Model):
    DISTRICT_FIELD = "practice__organization__district"

    practice = models.ForeignKey(
        Practice, verbose_name=_("практика"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("файл"), upload_to=practice_file_path, max_length=200)
    name = models.CharField(_("имя файла"), max_length=255)
    uploaded_at = models.DateTimeField(_("загружен"), default=timezone.now)

    class Meta:
        verbose_name = _("файл практики")
        verbose_name_plural = _("файлы практик")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("banks:practice_file", args=[self.pk])


class PracticeAction(models.TextChoices):
    SUBMIT = "submit", _("отправлена на рассмотрение")
    RETURN = "return", _("возвращена на доработку")
    PUBLISH = "publish", _("опубликована")
    MARK_BEST = "mark_best", _("отмечена как лучшая")
    UNMARK_BEST = "unmark_best", _("снята отметка «лучшая»")


class PracticeTransition(StateChange):
    DISTRICT_FIELD = "practice__organization__district"

    practice = models.ForeignKey(
        Practice, verbose_name=_("практика"), on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("действие"), max_length=20, choices=PracticeAction.choices)
    from_status = models.CharField(_("было"), max_length=20, choices=PracticeStatus.choices)
    to_status = models.CharField(_("стало"), max_length=20, choices=PracticeStatus.choices)
    comment = models.TextField(_("комментарий"), blank=True)

    class Meta:
        verbose_name = _("смена состояния практики")
        verbose_name_plural = _("смены состояния практик")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.get_action_display()


class ProgramStatus(models.TextChoices):
    ACTIVE = "active", _("действует")
    ARCHIVE = "archive", _("архив")


class MentoringProgram(SortNamed):
    DISTRICT_FIELD = "organization__district"

    SORT_FIELDS = ("title",)

    """An organisation's mentoring program (the bank of programs, order 3.3)."""

    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="mentoring_programs",
    )
    title = models.CharField(_("название"), max_length=300)
    forms = models.ManyToManyField(
        "directory.MentoringForm", verbose_name=_("формы наставничества"), related_name="mentoring_programs"
    )
    starts_on = models.DateField(_("действует с"))
    ends_on = models.DateField(_("действует по"), null=True, blank=True)
    order_number = models.CharField(_("номер приказа об утверждении"), max_length=50, blank=True)
    order_date = models.DateField(_("дата приказа"), null=True, blank=True)
    document = models.FileField(
        _("документ программы"), upload_to=program_file_path, max_length=200, blank=True
    )
    document_name = models.CharField(_("имя файла документа"), max_length=255, blank=True)
    status = models.CharField(
        _("статус"), max_length=20, choices=ProgramStatus.choices, default=ProgramStatus.ACTIVE
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED, m2m_fields=[forms])

    class Meta:
        verbose_name = _("программа наставничества")
        verbose_name_plural = _("программы наставничества")
        ordering = ["organization__sort_name", "-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="mentoring_program_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("banks:program_detail", args=[self.pk])

    @property
    def order(self) -> str:
        if not self.order_number:
            return ""
        return f"№ {self.order_number}" + (f" от {self.order_date:%d.%m.%Y}" if self.order_date else "")


class ProgramTemplate(SortNamed):
    DISTRICT_FIELD = "program__organization__district"

    SORT_FIELDS = ("title",)

    """A template of a personalised program: activities are due a number of days after the pair starts."""

    program = models.ForeignKey(
        MentoringProgram, verbose_name=_("программа"), on_delete=models.CASCADE, related_name="templates"
    )
    title = models.CharField(_("название шаблона"), max_length=300)
    goals = models.TextField(_("цели"), blank=True)
    directions = models.TextField(_("направления"), blank=True)
    expected_results = models.TextField(_("ожидаемые результаты"), blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("шаблон персонализированной программы")
        verbose_name_plural = _("шаблоны персонализированных программ")
        ordering = ["program__sort_name", "sort_name", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.program})"

    def get_absolute_url(self) -> str:
        return reverse("banks:template_detail", args=[self.pk])


class TemplateActivity(models.Model):
    DISTRICT_FIELD = "template__program__organization__district"

    template = models.ForeignKey(
        ProgramTemplate, verbose_name=_("шаблон"), on_delete=models.CASCADE, related_name="activities"
    )
    position = models.PositiveSmallIntegerField(_("№"), default=0)
    title = models.CharField(_("мероприятие"), max_length=500)
    offset_days = models.PositiveSmallIntegerField(_("срок, дней от начала"))

    class Meta:
        verbose_name = _("мероприятие шаблона")
        verbose_name_plural = _("мероприятия шаблона")
        ordering = ["position", "offset_days", "id"]

    def __str__(self) -> str:
        return self.title


class DocumentLevel(models.TextChoices):
    FEDERAL = "federal", _("федеральный")
    REGIONAL = "regional", _("региональный")
    MUNICIPAL = "municipal", _("муниципальный")
    LOCAL = "local", _("локальный")


class DocumentKind(models.TextChoices):
    LAW = "law", _("закон")
    ORDER = "order", _("приказ")
    DIRECTIVE = "directive", _("распоряжение")
    REGULATION = "regulation", _("положение")
    LETTER = "letter", _("письмо")
    GUIDELINES = "guidelines", _("методические рекомендации")
    OTHER = "other", _("другое")


class NormativeDocument(SortNamed):
    DISTRICT_FIELD = "district"

    district = district_field()
    SORT_FIELDS = ("title",)

    level = models.CharField(_("уровень"), max_length=20, choices=DocumentLevel.choices)
    kind = models.CharField(_("вид"), max_length=20, choices=DocumentKind.choices)
    number = models.CharField(_("номер"), max_length=50, blank=True)
    issued_on = models.DateField(_("дата"))
    title = models.CharField(_("название"), max_length=1000)
    issuer = models.CharField(_("кем принят"), max_length=300, blank=True)
    file = models.FileField(_("файл"), upload_to=document_file_path, max_length=200, blank=True)
    file_name = models.CharField(_("имя файла"), max_length=255, blank=True)
    url = models.URLField(_("ссылка"), max_length=500, blank=True)
    note = models.TextField(_("примечание"), blank=True)
    is_public = models.BooleanField(
        _("на открытом сайте"),
        default=False,
        help_text=_("Документ и его файл видны всем на открытом сайте МШН, без входа."),
    )
    published_at = models.DateTimeField(
        _("опубликован на открытом сайте"), null=True, blank=True, editable=False
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("нормативный документ")
        verbose_name_plural = _("нормативные документы")
        ordering = ["-issued_on", "id"]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        # The feed of the open site orders documents by the moment they became public, not by their date.
        if self.is_public and self.published_at is None:
            self.published_at = timezone.now()
        elif not self.is_public:
            self.published_at = None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("banks:document_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """«Приказ от 23.07.2020 № 789-а», the way documents cite each other."""
        number = f" № {self.number}" if self.number else ""
        return f"{self.get_kind_display().capitalize()} от {self.issued_on:%d.%m.%Y}{number}"
