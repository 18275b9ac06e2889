"""Events of the school, the training of mentors and the partners the school works with."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import generated_name
from core.models import StateChange
from core.russian import SortNamed
from directory.models import district_field

HISTORY_EXCLUDED = ["updated_at", "sort_name"]


# Module-level functions, so migrations can refer to them: stored names are random, the user's is kept apart.
def material_path(instance, filename: str) -> str:
    return generated_name("events")(instance, filename)


def certificate_path(instance, filename: str) -> str:
    return generated_name("trainings")(instance, filename)


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("семинар")
    MASTER_CLASS = "master_class", _("мастер-класс")
    CONTEST = "contest", _("конкурс")
    CONFERENCE = "conference", _("конференция")
    INTERNSHIP = "internship", _("стажировка на стажировочной площадке")
    KINDERGARTEN_CONSULTATION = "kindergarten", _("консультация для педагогов ДОУ")
    POPULARISATION = "popularisation", _("мероприятие по популяризации наставничества")
    CENTRE_MEETING = "centre_meeting", _("встреча с научным/методическим центром")


class ParticipantRole(models.TextChoices):
    PARTICIPANT = "participant", _("участник")
    SPEAKER = "speaker", _("выступающий")
    JURY = "jury", _("член жюри")
    ORGANIZER = "organizer", _("организатор")


class ParticipantResult(models.TextChoices):
    PARTICIPANT = "participant", _("участник")
    PRIZE_WINNER = "prize_winner", _("призёр")
    WINNER = "winner", _("победитель")
    NONE = "none", _("—")


class Event(SortNamed):
    DISTRICT_FIELD = "district"

    district = district_field()
    SORT_FIELDS = ("title",)

    kind = models.CharField(_("вид"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("название"), max_length=300)
    year = models.ForeignKey(
        "directory.AcademicYear",
        verbose_name=_("учебный год"),
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Пусто — по дате начала."),
    )
    starts_on = models.DateField(_("дата начала"))
    ends_on = models.DateField(_("дата окончания"), null=True, blank=True, help_text=_("Пусто — один день."))
    time = models.TimeField(_("время начала"), null=True, blank=True, help_text=_("Время Владивостока."))
    organizer = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организатор"),
        on_delete=models.PROTECT,
        related_name="organized_events",
        null=True,
        blank=True,
        help_text=_("Пусто — проводит сама МШН."),
    )
    place = models.CharField(_("место проведения"), max_length=300, blank=True)
    is_online = models.BooleanField(_("онлайн"), default=False)
    description = models.TextField(_("описание"), blank=True)
    is_public = models.BooleanField(
        _("на открытом сайте"),
        default=False,
        help_text=_("Мероприятие видно в календаре открытого сайта МШН (без списка участников)."),
    )
    is_cancelled = models.BooleanField(
        _("отменено"),
        default=False,
        help_text=_("Отменённое мероприятие уходит из календаря открытого сайта."),
    )
    nominations_until = models.DateField(
        _("заявки ОО до"),
        null=True,
        blank=True,
        help_text=_("До какого дня кураторы выдвигают участников. Пусто — до начала мероприятия."),
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("мероприятие")
        verbose_name_plural = _("мероприятия")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["year", "kind"]),
            models.Index(fields=["starts_on"]),
            models.Index(fields=["is_public", "starts_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_on:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", args=[self.pk])

    @property
    def organizer_name(self) -> str:
        return str(self.organizer) if self.organizer_id else str(_("МШН"))

    @property
    def where(self) -> str:
        online = str(_("онлайн")) if self.is_online else ""
        return ", ".join(part for part in (self.place, online) if part)

    @property
    def nominations_close_on(self) -> datetime.date:
        return self.nominations_until or self.starts_on

    def takes_nominations_on(self, today: datetime.date) -> bool:
        """Coordinators nominate their people while the event is not cancelled and its registration is open."""
        return not self.is_cancelled and today <= self.nominations_close_on


class Participation(models.Model):
    DISTRICT_FIELD = "event__district"

    event = models.ForeignKey(
        Event, verbose_name=_("мероприятие"), on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("участник"),
        on_delete=models.PROTECT,
        related_name="event_participations",
    )
    role = models.CharField(
        _("роль"), max_length=20, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT
    )
    result = models.CharField(
        _("результат"), max_length=20, choices=ParticipantResult.choices, default=ParticipantResult.NONE
    )
    # The event's page shows who was added, removed or changed among the participants.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("участник мероприятия")
        verbose_name_plural = _("участники мероприятия")
        ordering = ["person__sort_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_participant_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"


class NominationStatus(models.TextChoices):
    NOMINATED = "nominated", _("выдвинут")
    CONFIRMED = "confirmed", _("подтверждён")
    DECLINED = "declined", _("отклонён")


class Nomination(models.Model):
    """A coordinator puts one of their organisation's people forward for an event; the methodologist
    confirms (the person becomes a participant) or declines."""

    DISTRICT_FIELD = "event__district"

    event = models.ForeignKey(
        Event, verbose_name=_("мероприятие"), on_delete=models.CASCADE, related_name="nominations"
    )
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("кандидат"),
        on_delete=models.PROTECT,
        related_name="event_nominations",
    )
    # The organisation that nominated: the coordinator's, kept even if the person later moves.
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="event_nominations",
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто выдвинул"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    nominated_at = models.DateTimeField(_("выдвинут"), default=timezone.now)
    status = models.CharField(
        _("состояние"), max_length=20, choices=NominationStatus.choices, default=NominationStatus.NOMINATED
    )
    reason = models.TextField(_("причина / комментарий методиста"), blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    class Meta:
        verbose_name = _("заявка на участие")
        verbose_name_plural = _("заявки на участие")
        ordering = ["person__sort_name", "id"]
        indexes = [models.Index(fields=["status", "event"]), models.Index(fields=["organization", "event"])]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_nomination_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.event.title}"

    def get_absolute_url(self) -> str:
        return reverse("events:event_nominations", args=[self.event_id])


class NominationTransition(StateChange):
    DISTRICT_FIELD = "nomination__event__district"

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("заявка"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("было"), max_length=20, choices=NominationStatus.choices)
    to_status = models.CharField(_("стало"), max_length=20, choices=NominationStatus.choices)
    comment = models.TextField(_("комментарий"), blank=True)

    class Meta:
        verbose_name = _("смена состояния заявки")
        verbose_name_plural = _("смены состояния заявок")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class EventMaterial(models.Model):
    DISTRICT_FIELD = "event__district"

    event = models.ForeignKey(
        Event, verbose_name=_("мероприятие"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("название материала"), max_length=300)
    file = models.FileField(_("файл"), upload_to=material_path, blank=True)
    file_name = models.CharField(_("имя файла"), max_length=255, blank=True, editable=False)
    url = models.URLField(_("ссылка"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("материал мероприятия")
        verbose_name_plural = _("материалы мероприятия")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:material_file", args=[self.pk])


class Training(models.Model):
    """A course or training a person completed: counted for the school year it ended in."""

    DISTRICT_FIELD = "person__organization__district"

    person = models.ForeignKey(
        "registry.Person", verbose_name=_("человек"), on_delete=models.CASCADE, related_name="trainings"
    )
    title = models.CharField(_("курс / программа"), max_length=400)
    provider = models.CharField(_("кто проводил"), max_length=300)
    hours = models.PositiveSmallIntegerField(_("часов"))
    starts_on = models.DateField(_("дата начала"))
    ends_on = models.DateField(_("дата окончания"))
    year = models.ForeignKey(
        "directory.AcademicYear",
        verbose_name=_("учебный год"),
        on_delete=models.PROTECT,
        related_name="trainings",
        editable=False,
    )
    certificate = models.FileField(_("удостоверение / сертификат"), upload_to=certificate_path, blank=True)
    certificate_name = models.CharField(_("имя файла"), max_length=255, blank=True, editable=False)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("обучение наставника")
        verbose_name_plural = _("обучение наставников")
        ordering = ["-ends_on", "-id"]
        # The second index serves the list's order (newest first) without sorting every training.
        indexes = [models.Index(fields=["year", "person"]), models.Index(fields=["ends_on", "id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="training_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(hours__gt=0), name="training_has_hours"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.hours} ч.)"

    def get_absolute_url(self) -> str:
        return reverse("events:training_detail", args=[self.pk])


class PartnerKind(models.TextChoices):
    SCIENTIFIC = "scientific", _("научный центр")
    METHODOLOGICAL = "methodological", _("методический центр")
    UNIVERSITY = "university", _("вуз")
    COLLEGE = "college", _("колледж")
    EMPLOYER = "employer", _("работодатель")
    OTHER = "other", _("другое")


class Partner(SortNamed):
    DISTRICT_FIELD = "district"

    district = district_field()
    SORT_FIELDS = ("name",)

    name = models.CharField(_("наименование"), max_length=400)
    kind = models.CharField(_("вид"), max_length=20, choices=PartnerKind.choices)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация в справочнике"),
        on_delete=models.PROTECT,
        related_name="partner_records",
        null=True,
        blank=True,
        help_text=_("Если партнёр есть в справочнике организаций."),
    )
    contact_person = models.CharField(_("контактное лицо"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("телефон"), max_length=50, blank=True)
    website = models.URLField(_("сайт"), blank=True)
    note = models.TextField(_("примечание"), blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("партнёр")
        verbose_name_plural = _("партнёры")
        ordering = ["sort_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "name"],
                name="partner_name_unique_in_district",
                violation_error_message=_("Партнёр с таким наименованием уже есть."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:partner_detail", args=[self.pk])

    @property
    def contacts(self) -> str:
        return ", ".join(part for part in (self.contact_person, self.email, self.phone) if part)


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("встреча")
    CONSULTATION = "consultation", _("консультация")
    JOINT_EVENT = "joint_event", _("совместное мероприятие")
    AGREEMENT = "agreement", _("соглашение / договор")
    CORRESPONDENCE = "correspondence", _("переписка")
    OTHER = "other", _("другое")


class Interaction(models.Model):
    DISTRICT_FIELD = "partner__district"

    partner = models.ForeignKey(
        Partner, verbose_name=_("партнёр"), on_delete=models.CASCADE, related_name="interactions"
    )
    date = models.DateField(_("дата"))
    kind = models.CharField(_("вид"), max_length=20, choices=InteractionKind.choices)
    topic = models.CharField(_("тема"), max_length=400)
    result = models.TextField(_("результат"), blank=True)
    event = models.ForeignKey(
        Event,
        verbose_name=_("мероприятие"),
        on_delete=models.SET_NULL,
        related_name="interactions",
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("взаимодействие с партнёром")
        verbose_name_plural = _("взаимодействия с партнёрами")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["date"])]

    def __str__(self) -> str:
        return f"{self.partner}: {self.topic} ({self.date:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("events:interaction_detail", args=[self.pk])
