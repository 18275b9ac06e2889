"""The personal registry: people, their consents, the bank of mentors, the base of mentees, pairs and
their personalised programs."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import StateChange
from core.russian import Case, Gender, SortNamed, detect_gender, name_in_case
from directory.models import PersonCategory

HISTORY_EXCLUDED = ["updated_at"]
PERSON_HISTORY_EXCLUDED = [*HISTORY_EXCLUDED, "sort_name"]


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class QualificationCategory(models.TextChoices):
    NONE = "none", _("без категории")
    CONFORMITY = "conformity", _("соответствие занимаемой должности")
    FIRST = "first", _("первая")
    HIGHEST = "highest", _("высшая")
    PEDAGOGUE_METHODIST = "methodist", _("педагог-методист")
    PEDAGOGUE_MENTOR = "mentor", _("педагог-наставник")


class WorkingQuerySet(models.QuerySet):
    """People who work in the district's education, and those who left it — the one definition every
    current list and picker uses (`working()`), and the filter «Показать уволенных» (`dismissed()`).

    A person has left on a day when their periods of work (careers) are all closed before it; a person
    without recorded periods works where the registry says. A dismissal dated ahead leaves the lists on
    the day after the last working day. History, pairs and past years' figures keep the person."""

    person_ref = "pk"  # where the person is in the queryset's model

    def working(self, on: datetime.date | None = None):
        return self.exclude(self._left(on))

    def dismissed(self, on: datetime.date | None = None):
        return self.filter(self._left(on))

    def _left(self, on: datetime.date | None):
        on = on or timezone.localdate()
        periods = employment_periods().filter(person=OuterRef(self.person_ref))
        return Exists(periods) & ~Exists(periods.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on)))


def employment_periods():
    """careers.EmploymentPeriod, reached through Person's reverse relation: the registry sits on a lower
    floor than careers and does not import it."""
    return Person._meta.get_field("employment").related_model.objects.all()


class MemberQuerySet(WorkingQuerySet):
    """Mentors and mentees: working or not as their person."""

    person_ref = "person"


class PersonQuerySet(WorkingQuerySet):
    def young(self, on: datetime.date | None = None):
        """Young pedagogues working on the day: by the rule in settings (age and experience), or appointed by
        hand; one who has left by then is not a pedagogue of the district that day."""
        on = on or timezone.localdate()
        max_age = settings.YOUNG_PEDAGOGUE_MAX_AGE
        born_after = years_before(on, max_age)
        by_age = Q(birth_date__gt=born_after) | Q(birth_date__isnull=True, birth_year__gt=on.year - max_age)
        # Working on that day already: one who starts later is not a pedagogue of that year yet.
        by_experience = Q(
            experience_start__gt=years_before(on, settings.YOUNG_PEDAGOGUE_MAX_EXPERIENCE_YEARS),
            experience_start__lte=on,
        )
        return self.filter(
            Q(category=PersonCategory.PEDAGOGUE, is_anonymised=False)
            & (Q(is_young_appointed=True) | (by_age & by_experience))
        ).working(on)

    def with_mentor_flag(self):
        return self.annotate(has_mentor=Exists(self.active_mentee_pairs()))

    @staticmethod
    def active_mentee_pairs():
        return Pair.objects.filter(mentees__person=OuterRef("pk"), status=PairStatus.ACTIVE)


class Person(SortNamed):
    DISTRICT_FIELD = "organization__district"

    SORT_FIELDS = ("last_name", "first_name", "middle_name")

    last_name = models.CharField(_("фамилия"), max_length=100)
    first_name = models.CharField(_("имя"), max_length=100)
    middle_name = models.CharField(_("отчество"), max_length=100, blank=True)
    birth_date = models.DateField(_("дата рождения"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("год рождения"), null=True, blank=True, help_text=_("Если точная дата рождения не нужна.")
    )
    category = models.CharField(_("категория"), max_length=20, choices=PersonCategory.choices)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    position = models.CharField(_("должность"), max_length=200, blank=True)
    subjects = models.CharField(_("предметы"), max_length=300, blank=True)
    experience_start = models.DateField(_("начало педагогического стажа"), null=True, blank=True)
    qualification = models.CharField(
        _("квалификационная категория"), max_length=20, choices=QualificationCategory.choices, blank=True
    )
    is_young_appointed = models.BooleanField(
        _("молодой специалист по назначению"),
        default=False,
        help_text=_("Отметьте, если статус молодого специалиста назначен независимо от возраста и стажа."),
    )
    class_or_group = models.CharField(_("класс / группа"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("телефон"), max_length=50, blank=True)
    is_anonymised = models.BooleanField(_("обезличен"), default=False)
    gender = models.CharField(
        _("пол"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_("Для склонения ФИО в документах. Если не указан — по отчеству."),
    )
    # Declined full names the methodologist corrected (a surname the rules decline wrongly); blank — by the rules.
    name_genitive = models.CharField(_("ФИО в родительном падеже (кого?)"), max_length=300, blank=True)
    name_dative = models.CharField(_("ФИО в дательном падеже (кому?)"), max_length=300, blank=True)
    name_accusative = models.CharField(_("ФИО в винительном падеже (кого?)"), max_length=300, blank=True)
    name_instrumental = models.CharField(_("ФИО в творительном падеже (кем?)"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=PERSON_HISTORY_EXCLUDED)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("человек")
        verbose_name_plural = _("люди")
        ordering = ["sort_name", "id"]
        indexes = [
            models.Index(fields=["sort_name", "id"], name="person_name_order"),
            models.Index(fields=["organization", "sort_name"], name="person_org_name_order"),
            models.Index(fields=["category", "experience_start"]),
            # With the index above, the young-pedagogue rule («appointed by hand, or by age and experience»)
            # becomes a BitmapOr of two small index scans instead of reading every pedagogue of the region.
            models.Index(fields=["id"], condition=Q(is_young_appointed=True), name="person_young_appointed"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("registry:person_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def short_name(self) -> str:
        """И.О. Фамилия, as documents write it."""
        initials = "".join(f"{p[0]}." for p in (self.first_name, self.middle_name) if p)
        return f"{initials} {self.last_name}".strip()

    @property
    def grammatical_gender(self) -> str:
        """The gender given, or the one the patronymic and the names tell ("" when they do not)."""
        return self.gender or detect_gender(self.last_name, self.first_name, self.middle_name)

    def name_in(self, case: str) -> str:
        """The full name in a case (`Case`): «выдана Петрову Ивану Сергеевичу», «за наставником Ивановой Марией
        Петровной».
        A form the methodologist corrected for this person wins over the rules."""
        return getattr(self, f"name_{Case(case).value}") or self.declined_by_rules(case)

    def declined_by_rules(self, case: str) -> str:
        return name_in_case(
            self.last_name, self.first_name, self.middle_name, gender=self.grammatical_gender, case=case
        )

    @property
    def year_of_birth(self) -> int | None:
        return self.birth_date.year if self.birth_date else self.birth_year

    def age_on(self, day: datetime.date) -> int | None:
        if self.birth_date:
            return (
                day.year
                - self.birth_date.year
                - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))
            )
        return day.year - self.birth_year if self.birth_year else None

    def is_minor_on(self, day: datetime.date) -> bool:
        age = self.age_on(day)
        return age is not None and age < 18

    def is_young_on(self, day: datetime.date) -> bool:
        """`PersonQuerySet.young`'s rule for one loaded person, without a query (a test keeps them equal)."""
        if self.category != PersonCategory.PEDAGOGUE or self.is_anonymised:
            return False
        if self.is_young_appointed:
            return True
        max_age = settings.YOUNG_PEDAGOGUE_MAX_AGE
        if self.birth_date:
            by_age = self.birth_date > years_before(day, max_age)
        else:
            by_age = self.birth_year is not None and self.birth_year > day.year - max_age
        start, max_experience = self.experience_start, settings.YOUNG_PEDAGOGUE_MAX_EXPERIENCE_YEARS
        return by_age and start is not None and years_before(day, max_experience) < start <= day

    def left_on(self) -> datetime.date | None:
        """The last day of work of a person who has left the district's education (`WorkingQuerySet`);
        None while they work. One query."""
        left = Person.objects.dismissed().filter(pk=self.pk)
        return left.aggregate(last=Max("employment__ended_on"))["last"]

    @property
    def has_mentor(self) -> bool:
        """Is a mentee in an active pair (from the list's prefetch when there is one)."""
        mentee = getattr(self, "mentee", None) if hasattr(self, "mentee") else None
        return mentee is not None and mentee.has_mentor

    @property
    def has_consent(self) -> bool:
        """Has a processing consent in force (from the list's prefetch when there is one)."""
        if hasattr(self, "processing_consents"):
            return bool(self.processing_consents)
        return self.consents.in_force().filter(kind=ConsentKind.PROCESSING).exists()


# What a person's form edits, and what a personal data export shows besides.
EDITABLE_PERSON_FIELDS = (
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "birth_year",
    "category",
    "organization",
    "position",
    "subjects",
    "experience_start",
    "qualification",
    "is_young_appointed",
    "class_or_group",
    "email",
    "phone",
)


class ConsentKind(models.TextChoices):
    PROCESSING = "processing", _("обработка персональных данных")
    PUBLICATION = "publication", _("публикация")


class ConsentSigner(models.TextChoices):
    SELF = "self", _("сам человек")
    REPRESENTATIVE = "representative", _("законный представитель")


class ConsentQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(signed_on__lte=on) & (Q(revoked_on__isnull=True) | Q(revoked_on__gt=on)))


class Consent(models.Model):
    DISTRICT_FIELD = "person__organization__district"

    person = models.ForeignKey(
        Person, verbose_name=_("человек"), on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("вид согласия"), max_length=20, choices=ConsentKind.choices)
    signer = models.CharField(
        _("кто подписал"), max_length=20, choices=ConsentSigner.choices, default=ConsentSigner.SELF
    )
    representative_name = models.CharField(_("ФИО законного представителя"), max_length=300, blank=True)
    signed_on = models.DateField(_("дата подписания"))
    scope = models.TextField(_("объём согласия"), blank=True)
    revoked_on = models.DateField(_("дата отзыва"), null=True, blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("согласие")
        verbose_name_plural = _("согласия")
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} от {self.signed_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()


class MentorStatus(models.TextChoices):
    ACTIVE = "active", _("действующий")
    PAUSED = "paused", _("приостановлен")
    LEFT = "left", _("выбыл")


class Mentor(models.Model):
    DISTRICT_FIELD = "person__organization__district"

    person = models.OneToOneField(
        Person, verbose_name=_("человек"), on_delete=models.CASCADE, related_name="mentor"
    )
    entered_on = models.DateField(_("дата вхождения в банк"), default=timezone.localdate)
    competences = models.TextField(_("компетенции"), blank=True)
    achievements = models.TextField(_("достижения"), blank=True)
    interests = models.TextField(_("интересы"), blank=True)
    max_mentees = models.PositiveSmallIntegerField(_("наибольшее число наставляемых"), default=3)
    training = models.TextField(_("пройденное обучение наставников"), blank=True)
    # «Желаемый возраст наставляемых» of the methodology's bank of mentors; «Подобрать наставника» reads it.
    mentee_age_from = models.PositiveSmallIntegerField(
        _("желаемый возраст наставляемых: от"), null=True, blank=True
    )
    mentee_age_to = models.PositiveSmallIntegerField(
        _("желаемый возраст наставляемых: до"), null=True, blank=True
    )
    status = models.CharField(
        _("статус"), max_length=20, choices=MentorStatus.choices, default=MentorStatus.ACTIVE
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("наставник")
        verbose_name_plural = _("наставники")
        ordering = ["person__sort_name", "id"]

    def __str__(self) -> str:
        return str(self.person)

    def get_absolute_url(self) -> str:
        return reverse("registry:mentor_detail", args=[self.pk])


class MenteeStatus(models.TextChoices):
    WAITING = "waiting", _("ожидает наставника")
    ACTIVE = "active", _("в программе")
    COMPLETED = "completed", _("завершил программу")
    LEFT = "left", _("выбыл")


class Mentee(models.Model):
    DISTRICT_FIELD = "person__organization__district"

    person = models.OneToOneField(
        Person, verbose_name=_("человек"), on_delete=models.CASCADE, related_name="mentee"
    )
    entered_on = models.DateField(_("дата вхождения в программу"), default=timezone.localdate)
    main_request = models.TextField(_("основной запрос"), blank=True)
    status = models.CharField(
        _("статус"), max_length=20, choices=MenteeStatus.choices, default=MenteeStatus.WAITING
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("наставляемый")
        verbose_name_plural = _("наставляемые")
        ordering = ["person__sort_name", "id"]

    def __str__(self) -> str:
        return str(self.person)

    def get_absolute_url(self) -> str:
        return reverse("registry:mentee_detail", args=[self.pk])

    @property
    def has_mentor(self) -> bool:
        """Takes part in an active pair (from the list's prefetch when there is one)."""
        if hasattr(self, "active_pairs"):
            return bool(self.active_pairs)
        return self.pairs.filter(status=PairStatus.ACTIVE).exists()


class PairStatus(models.TextChoices):
    FORMING = "forming", _("формируется")
    ACTIVE = "active", _("действует")
    COMPLETED = "completed", _("завершена")
    TERMINATED = "terminated", _("прекращена досрочно")


# The pair's state machine: which status may follow which.
PAIR_TRANSITIONS = {
    PairStatus.FORMING: (PairStatus.ACTIVE, PairStatus.TERMINATED),
    PairStatus.ACTIVE: (PairStatus.COMPLETED, PairStatus.TERMINATED),
    PairStatus.COMPLETED: (PairStatus.ACTIVE,),  # reopening
    PairStatus.TERMINATED: (PairStatus.ACTIVE,),  # reopening
}
CLOSED_STATUSES = (PairStatus.COMPLETED, PairStatus.TERMINATED)


class PairQuerySet(models.QuerySet):
    def during(self, year):
        """Pairs that worked at some time within the school year."""
        return self.filter(started_on__lte=year.end_date).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=year.start_date)
        )


class Pair(models.Model):
    DISTRICT_FIELD = "organization__district"

    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="pairs",
    )
    form = models.ForeignKey(
        "directory.MentoringForm",
        verbose_name=_("форма наставничества"),
        on_delete=models.PROTECT,
        related_name="pairs",
    )
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("наставник"), on_delete=models.PROTECT, related_name="pairs"
    )
    mentees = models.ManyToManyField(Mentee, verbose_name=_("наставляемые"), related_name="pairs")
    started_on = models.DateField(_("дата начала"))
    planned_end_on = models.DateField(_("плановая дата окончания"), null=True, blank=True)
    ended_on = models.DateField(_("фактическая дата окончания"), null=True, blank=True)
    order_number = models.CharField(_("номер приказа о закреплении"), max_length=50, blank=True)
    order_date = models.DateField(_("дата приказа"), null=True, blank=True)
    status = models.CharField(
        _("состояние"), max_length=20, choices=PairStatus.choices, default=PairStatus.FORMING
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED, m2m_fields=[mentees])

    objects = PairQuerySet.as_manager()

    class Meta:
        verbose_name = _("наставническая пара / группа")
        verbose_name_plural = _("наставнические пары и группы")
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["organization", "status"]), models.Index(fields=["started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end_on__isnull=True) | Q(planned_end_on__gte=models.F("started_on")),
                name="pair_planned_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="pair_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} — {self.form}"

    def get_absolute_url(self) -> str:
        return reverse("registry:pair_detail", args=[self.pk])

    @property
    def heading(self) -> str:
        """«Пара: наставник — наставляемый» (or «Группа: …»), as its page names it; reads `mentees`."""
        mentees = list(self.mentees.all())
        kind = _("Группа") if len(mentees) > 1 else _("Пара")
        return f"{kind}: {self.mentor} — {', '.join(str(m) for m in mentees)}"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def next_statuses(self) -> tuple[str, ...]:
        return PAIR_TRANSITIONS[PairStatus(self.status)]


class PairTransition(StateChange):
    DISTRICT_FIELD = "pair__organization__district"

    pair = models.ForeignKey(
        Pair, verbose_name=_("пара"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("было"), max_length=20, choices=PairStatus.choices)
    to_status = models.CharField(_("стало"), max_length=20, choices=PairStatus.choices)
    reason = models.TextField(_("причина"))

    class Meta:
        verbose_name = _("смена состояния пары")
        verbose_name_plural = _("смены состояния пар")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Program(models.Model):
    """The pair's personalised mentoring program. Satisfaction is not typed in here: it is computed from the
    participants' questionnaires (`monitoring`, indicators `mentor_satisfaction`, `mentee_satisfaction`)."""

    DISTRICT_FIELD = "pair__organization__district"

    pair = models.OneToOneField(
        Pair, verbose_name=_("пара"), on_delete=models.CASCADE, related_name="program"
    )
    goals = models.TextField(_("цели"), blank=True)
    directions = models.TextField(_("направления"), blank=True)
    expected_results = models.TextField(_("ожидаемые результаты"), blank=True)
    achieved_results = models.TextField(_("достигнутые результаты"), blank=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("персонализированная программа")
        verbose_name_plural = _("персонализированные программы")

    def __str__(self) -> str:
        return f"Программа пары: {self.pair}"

    def get_absolute_url(self) -> str:
        return self.pair.get_absolute_url()


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("запланировано")
    IN_PROGRESS = "in_progress", _("в работе")
    DONE = "done", _("выполнено")
    CANCELLED = "cancelled", _("отменено")


class Activity(models.Model):
    DISTRICT_FIELD = "program__pair__organization__district"

    program = models.ForeignKey(
        Program, verbose_name=_("программа"), on_delete=models.CASCADE, related_name="activities"
    )
    position = models.PositiveSmallIntegerField(_("№"), default=0)
    title = models.CharField(_("мероприятие"), max_length=500)
    due_on = models.DateField(_("срок"), null=True, blank=True)
    status = models.CharField(
        _("статус"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    done_on = models.DateField(_("дата выполнения"), null=True, blank=True)
    evidence = models.CharField(_("подтверждение"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("мероприятие программы")
        verbose_name_plural = _("мероприятия программы")
        ordering = ["position", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ViewLog(models.Model):
    """A coordinator opened a person's card (personal data): who, whose, when."""

    DISTRICT_FIELD = "person__organization__district"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("пользователь"), null=True, on_delete=models.SET_NULL
    )
    person = models.ForeignKey(
        Person, verbose_name=_("человек"), related_name="view_logs", on_delete=models.CASCADE
    )
    viewed_at = models.DateTimeField(_("когда"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("просмотр карточки")
        verbose_name_plural = _("просмотры карточек")
        ordering = ["-viewed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} → {self.person_id} ({timezone.localtime(self.viewed_at):%d.%m.%Y %H:%M})"
