"""Reference data: organisations, school years and forms of mentoring."""

from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.russian import SortNamed


class PersonCategory(models.TextChoices):
    PEDAGOGUE = "pedagogue", _("Педагог")
    PUPIL = "pupil", _("Обучающийся")
    STUDENT = "student", _("Студент")
    EMPLOYER = "employer", _("Представитель работодателя/партнёра")
    OTHER = "other", _("Другое")


class OrganizationKind(models.TextChoices):
    SCHOOL = "school", _("Школа")
    KINDERGARTEN = "kindergarten", _("Детский сад (ДОУ)")
    ADDITIONAL = "additional", _("Учреждение доп. образования")
    COLLEGE = "college", _("Колледж (СПО)")
    PARTNER = "partner", _("Партнёр")


# The educational organisations (partners excluded): whom a campaign and a website check ask by default.
EDUCATIONAL_KINDS = (
    OrganizationKind.SCHOOL,
    OrganizationKind.KINDERGARTEN,
    OrganizationKind.ADDITIONAL,
    OrganizationKind.COLLEGE,
)


class DistrictKind(models.TextChoices):
    MUNICIPAL_DISTRICT = "municipal_district", _("Муниципальный район")
    MUNICIPAL_OKRUG = "municipal_okrug", _("Муниципальный округ")
    CITY_OKRUG = "city_okrug", _("Городской округ")


class District(SortNamed):
    """A municipal district of the region: it owns its organisations, its school of mentoring (methodologist,
    meetings, roadmap, banks, campaigns, website checks, annual analysis) and its department."""

    SORT_FIELDS = ("name",)
    DISTRICT_FIELD = "id"  # the district's staff read their own

    name = models.CharField(
        _("наименование"),
        max_length=200,
        unique=True,
        help_text=_("Например: Кировский муниципальный район."),
    )
    kind = models.CharField(
        _("вид"), max_length=30, choices=DistrictKind.choices, default=DistrictKind.MUNICIPAL_DISTRICT
    )
    is_active = models.BooleanField(_("действует"), default=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "sort_name"])

    class Meta:
        verbose_name = _("муниципальное образование")
        verbose_name_plural = _("муниципальные образования")
        ordering = ["sort_name", "id"]

    CHOICE_LABEL_FIELD = "name"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:district_detail", args=[self.pk])


def only_district_id() -> int | None:
    """The district of a single-district installation, where a new record needs no choice; with several
    districts every record names its own (None fails the save rather than guess)."""
    ids = list(District.objects.values_list("id", flat=True)[:2])
    return ids[0] if len(ids) == 1 else None


def first_district() -> models.QuerySet:
    """The installation's first district, as a subquery (no query of its own): whose school the open site and
    a document without a district of its own present."""
    return District.objects.order_by("id").values("id")[:1]


def district_field(**kwargs) -> models.ForeignKey:
    """The district a record belongs to (meetings, events, campaigns…): one declaration for every such model."""
    return models.ForeignKey(
        District,
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        default=only_district_id,
        related_name="+",
        **kwargs,
    )


class OrganizationQuerySet(models.QuerySet):
    def educational(self) -> OrganizationQuerySet:
        """Every active school, kindergarten, additional-education centre and college."""
        return self.filter(is_active=True, kind__in=EDUCATIONAL_KINDS)


class Organization(SortNamed):
    SORT_FIELDS = ("short_name",)
    DISTRICT_FIELD = "district"

    district = models.ForeignKey(
        District,
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        default=only_district_id,
        related_name="organizations",
    )
    kind = models.CharField(_("вид"), max_length=20, choices=OrganizationKind.choices)
    full_name = models.CharField(_("полное наименование"), max_length=500, unique=True)
    short_name = models.CharField(_("краткое наименование"), max_length=200, unique=True)
    address = models.CharField(_("адрес"), max_length=500, blank=True)
    website = models.URLField(_("сайт"), blank=True)
    head_name = models.CharField(_("руководитель"), max_length=200, blank=True)
    curator_name = models.CharField(_("куратор наставничества"), max_length=200, blank=True)
    curator_email = models.EmailField(_("e-mail куратора"), blank=True)
    curator_phone = models.CharField(_("телефон куратора"), max_length=50, blank=True)
    is_base_school = models.BooleanField(_("базовая школа"), default=False)
    is_internship_site = models.BooleanField(_("стажировочная площадка"), default=False)
    is_active = models.BooleanField(_("действует"), default=True)
    requires_mentor_agreement = models.BooleanField(
        _("пара педагогов действует только с соглашением по ст. 351.8 ТК РФ"),
        default=False,
        help_text=_(
            "Пара, где наставник — педагог, переходит в «действует» только после записи его письменного "
            "согласия и дополнительного соглашения."
        ),
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "sort_name"])
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("организация")
        verbose_name_plural = _("организации")
        ordering = ["sort_name", "id"]
        indexes = [models.Index(fields=["sort_name", "id"], name="organization_name_order")]

    # __str__ is this one column: select widgets list a region's thousand organisations from values
    # (core.widgets.FastSelect) instead of building a model instance for each option.
    CHOICE_LABEL_FIELD = "short_name"

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("directory:organization_detail", args=[self.pk])


def start_year_of(day: datetime.date) -> int:
    """The school year runs 1 September – 31 August."""
    return day.year if day.month >= 9 else day.year - 1


class AcademicYearQuerySet(models.QuerySet):
    def current(self) -> AcademicYear | None:
        return self.filter(start_year=start_year_of(timezone.localdate())).first()


class AcademicYear(models.Model):
    start_year = models.PositiveSmallIntegerField(
        _("год начала"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Учебный год начинается 1 сентября этого года и заканчивается 31 августа следующего."),
    )
    note = models.TextField(_("примечание"), blank=True)
    # Reg. 1.4: the district's methodological service sets the school's direction for each school year.
    direction = models.TextField(
        _("направление работы (тема) года"),
        blank=True,
        help_text=_("Как его сформулировала районная методическая служба."),
    )
    direction_document = models.CharField(
        _("документ, которым задано направление"),
        max_length=500,
        blank=True,
        help_text=_("Например: приказ МКУ «Информационно-методический центр» от 28.08.2025 № 45-од."),
    )
    direction_url = models.URLField(_("ссылка на документ"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = AcademicYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("учебный год")
        verbose_name_plural = _("учебные годы")
        ordering = ["-start_year"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("directory:year_detail", args=[self.pk])

    @property
    def title(self) -> str:
        return f"{self.start_year}/{self.start_year + 1}"

    @property
    def start_date(self) -> datetime.date:
        return datetime.date(self.start_year, 9, 1)

    @property
    def end_date(self) -> datetime.date:
        return datetime.date(self.start_year + 1, 8, 31)

    @property
    def is_current(self) -> bool:
        return self.start_year == start_year_of(timezone.localdate())

    def contains(self, day: datetime.date) -> bool:
        return self.start_date <= day <= self.end_date


class FormSource(models.TextChoices):
    ORDER = "order", _("Распоряжение о создании МШН")
    FEDERAL = "federal", _("Федеральная методология (Р-145)")
    PEDAGOGUES = "pedagogues", _("Рекомендации по наставничеству педагогов")
    OTHER = "other", _("Другое")


class MentoringForm(models.Model):
    name = models.CharField(_("название"), max_length=200, unique=True)
    source = models.CharField(
        _("источник"), max_length=20, choices=FormSource.choices, default=FormSource.OTHER
    )
    mentor_category = models.CharField(
        _("категория наставника"),
        max_length=20,
        choices=PersonCategory.choices,
        blank=True,
        help_text=_("Пусто — любая категория."),
    )
    mentee_category = models.CharField(
        _("категория наставляемого"),
        max_length=20,
        choices=PersonCategory.choices,
        blank=True,
        help_text=_("Пусто — любая категория."),
    )
    allows_other_organizations = models.BooleanField(
        _("участники из других организаций"),
        default=False,
        help_text=_("Наставник может быть из другой организации (партнёр, работодатель, колледж)."),
    )
    description = models.TextField(_("описание"), blank=True)
    position = models.PositiveSmallIntegerField(_("порядок"), default=0)
    is_active = models.BooleanField(_("используется"), default=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("форма наставничества")
        verbose_name_plural = _("формы наставничества")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:form_detail", args=[self.pk])


class DocumentRequisites(models.Model):
    """What every document of the school names: the organisation, the place, who approves and who signs.

    One record per district, kept by its methodologist in the browser; the environment gives only the first
    values."""

    DISTRICT_FIELD = "district"

    district = district_field()
    organization_name = models.CharField(_("наименование организации в документах"), max_length=500)
    place = models.CharField(
        _("место составления"),
        max_length=200,
        help_text=_("Населённый пункт, как в документах: «пгт Кировский»."),
    )
    approver_position = models.CharField(
        _("должность утверждающего"),
        max_length=300,
        help_text=_("Гриф УТВЕРЖДАЮ дорожной карты и утверждённого анализа работы за год."),
    )
    approver_name = models.CharField(
        _("утверждающий (И. О. Фамилия)"), max_length=200, help_text=_("Например: Т. Н. Белова.")
    )
    head_position = models.CharField(
        _("должность руководителя МШН"),
        max_length=300,
        help_text=_("Подписывает анализ работы за год, пока в нём не указан другой подписывающий."),
    )
    head_name = models.CharField(_("руководитель МШН (И. О. Фамилия)"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("реквизиты документов")
        verbose_name_plural = _("реквизиты документов")
        constraints = [models.UniqueConstraint(fields=["district"], name="requisites_once_per_district")]

    def __str__(self) -> str:
        return self.organization_name

    def get_absolute_url(self) -> str:
        return reverse("directory:requisites")

    @classmethod
    def current(cls, district_id: int | None = None) -> DocumentRequisites:
        """The district's record (by default the installation's first district's); until its methodologist
        first saves it, one made from the settings (a read never writes: the open site and a document read it
        alike)."""
        from django.conf import settings

        found = (
            cls.objects.filter(district_id=district_id)
            if district_id
            else cls.objects.filter(district__in=first_district())
        )
        return found.first() or cls(
            district_id=district_id,
            organization_name=settings.MSHN_ORGANIZATION_NAME,
            place=settings.MSHN_PLACE,
            approver_position=settings.MSHN_ROADMAP_APPROVER_POSITION,
            approver_name=settings.MSHN_ROADMAP_APPROVER_NAME,
            head_position=settings.MSHN_HEAD_POSITION,
            head_name=settings.MSHN_HEAD_NAME,
        )
