"""Monitoring of mentoring programs as the federal methodology (Р-145) prescribes it: questionnaires of
mentors, mentees and coordinators (data, edited in the browser, versioned once answered), survey rounds
that send each participant a personal link, and the answers the figures of the year are computed from."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory.models import district_field

HISTORY_EXCLUDED = ["updated_at"]
# Results are shown for groups of at least this many respondents (below it, «недостаточно ответов»).
MIN_RESPONDENTS = 5
SCALE = range(1, 11)


class Respondent(models.TextChoices):
    MENTOR = "mentor", _("наставник")
    MENTEE = "mentee", _("наставляемый")
    COORDINATOR = "coordinator", _("куратор")


class Moment(models.TextChoices):
    ENTRY = "entry", _("на входе в программу")
    STAGE = "stage", _("после этапа")
    EXIT = "exit", _("на выходе из программы")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("шкала 1–10")
    SINGLE = "single", _("один вариант")
    MULTIPLE = "multiple", _("несколько вариантов")
    TEXT = "text", _("свободный ответ")


class Feeds(models.TextChoices):
    """The indicator (or part of the SWOT summary) a question's answers feed."""

    NONE = "", _("— ни в какой —")
    SATISFACTION = "satisfaction", _("удовлетворённость")
    MOTIVATION = "motivation", _("рост: мотивация и личностный рост")
    COMPETENCE = "competence", _("рост: компетенции")
    PROFESSIONAL = "professional", _("рост: профессиональный")
    STRENGTH = "strength", _("SWOT: сильные стороны")
    WEAKNESS = "weakness", _("SWOT: слабые стороны")
    OPPORTUNITY = "opportunity", _("SWOT: возможности")
    THREAT = "threat", _("SWOT: угрозы")


GROWTH = (Feeds.MOTIVATION, Feeds.COMPETENCE, Feeds.PROFESSIONAL)
SWOT = (Feeds.STRENGTH, Feeds.WEAKNESS, Feeds.OPPORTUNITY, Feeds.THREAT)


class Questionnaire(models.Model):
    title = models.CharField(_("название"), max_length=300)
    respondent = models.CharField(_("кто отвечает"), max_length=20, choices=Respondent.choices)
    moment = models.CharField(_("когда"), max_length=20, choices=Moment.choices)
    form = models.ForeignKey(
        "directory.MentoringForm",
        verbose_name=_("форма наставничества"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionnaires",
        help_text=_("Пусто — для любой формы (анкета куратора)."),
    )
    introduction = models.TextField(_("вступление"), blank=True)
    version = models.PositiveSmallIntegerField(_("версия"), default=1)
    previous = models.ForeignKey(
        "self", verbose_name=_("предыдущая версия"), null=True, blank=True, on_delete=models.SET_NULL
    )
    is_active = models.BooleanField(
        _("используется"), default=True, help_text=_("Новые опросы рассылают только используемые анкеты.")
    )
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("анкета")
        verbose_name_plural = _("анкеты")
        ordering = ["respondent", "moment", "form__position", "-version", "id"]

    def __str__(self) -> str:
        return f"{self.title} (версия {self.version})"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:questionnaire_detail", args=[self.pk])

    @property
    def has_answers(self) -> bool:
        return Answer.objects.filter(question__questionnaire=self).exists()


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("анкета"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("№"), default=0)
    section = models.CharField(_("раздел"), max_length=200, blank=True)
    text = models.CharField(_("вопрос"), max_length=500)
    kind = models.CharField(_("вид ответа"), max_length=20, choices=QuestionKind.choices)
    options = models.TextField(
        _("варианты ответа"), blank=True, help_text=_("Для выбора: каждый вариант с новой строки.")
    )
    feeds = models.CharField(_("показатель"), max_length=20, choices=Feeds.choices, blank=True)
    required = models.BooleanField(_("обязательный"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("вопрос анкеты")
        verbose_name_plural = _("вопросы анкеты")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class SurveyRound(models.Model):
    """One collection of answers: the pairs of an organisation (or of every organisation, or one pair)."""

    DISTRICT_FIELD = "district"

    district = district_field()

    title = models.CharField(_("название"), max_length=300)
    year = models.ForeignKey(
        "directory.AcademicYear", verbose_name=_("учебный год"), on_delete=models.PROTECT
    )
    moment = models.CharField(_("когда"), max_length=20, choices=Moment.choices)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_rounds",
        help_text=_("Пусто — все организации района (только методист)."),
    )
    pair = models.ForeignKey(
        "registry.Pair",
        verbose_name=_("пара или группа"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_rounds",
    )
    closes_on = models.DateField(_("принимает ответы до"))
    include_coordinators = models.BooleanField(_("анкета куратора"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("создал"), null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("опрос")
        verbose_name_plural = _("опросы")
        ordering = ["-closes_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:round_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return timezone.localdate() <= self.closes_on


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A participant's personal link to one questionnaire of a round: one response, changeable until closing."""

    DISTRICT_FIELD = "round__district"

    round = models.ForeignKey(
        SurveyRound, verbose_name=_("опрос"), on_delete=models.CASCADE, related_name="invitations"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("анкета"), on_delete=models.PROTECT, related_name="invitations"
    )
    organization = models.ForeignKey(
        "directory.Organization", verbose_name=_("организация"), on_delete=models.PROTECT, related_name="+"
    )
    pair = models.ForeignKey(
        "registry.Pair",
        verbose_name=_("пара"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("участник"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    respondent = models.CharField(_("кто отвечает"), max_length=20, choices=Respondent.choices)
    name = models.CharField(_("кому"), max_length=300)
    email = models.EmailField(_("e-mail"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(_("письмо отправлено"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("напоминание"), null=True, blank=True)
    opened_at = models.DateTimeField(_("открыта"), null=True, blank=True)
    answered_at = models.DateTimeField(_("ответ получен"), null=True, blank=True)

    class Meta:
        verbose_name = _("приглашение к анкете")
        verbose_name_plural = _("приглашения к анкетам")
        ordering = ["organization__sort_name", "name", "id"]
        indexes = [models.Index(fields=["round", "organization"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.questionnaire.title}"

    def get_absolute_url(self) -> str:
        return self.round.get_absolute_url()

    @property
    def expires_on(self) -> datetime.date:
        return self.round.closes_on

    def get_answer_url(self) -> str:
        return reverse("monitoring:answer", args=[self.token])

    @property
    def status(self) -> str:
        if self.answered_at:
            return _("ответ получен")
        return _("открыта, ответа нет") if self.opened_at else _("не открыта")


class Answer(models.Model):
    invitation = models.ForeignKey(
        Invitation, verbose_name=_("приглашение"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("вопрос"), on_delete=models.PROTECT, related_name="answers"
    )
    score = models.PositiveSmallIntegerField(_("оценка"), null=True, blank=True)
    text = models.TextField(_("ответ"), blank=True)

    class Meta:
        verbose_name = _("ответ")
        verbose_name_plural = _("ответы")
        constraints = [
            models.UniqueConstraint(fields=["invitation", "question"], name="answer_once_per_question"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=10),
                name="answer_score_1_10",
            ),
        ]

    def __str__(self) -> str:
        return str(self.score) if self.score is not None else self.text[:50]
