"""This capability's part of the demo district (called by `load_demo`; must be idempotent).

Last school year: a district round at entry (October) and at exit (May), answered by most participants,
so its satisfaction, growth and SWOT come from answers (and are frozen with the schools' accepted
reports, which is why this module runs before `submissions`). This year: the entry round of October,
closed, and a round of СОШ № 1 still collecting answers. Answers are written directly, with believable
scores: growth from entry to exit, satisfaction mostly 7–10. Minors without a representative's consent do
not answer (the answer page would refuse them)."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from monitoring import services
from monitoring.models import Answer, Feeds, Invitation, Moment, QuestionKind, Respondent, SurveyRound
from registry.models import Consent, ConsentKind, ConsentSigner

STRENGTHS = (
    "Регулярные встречи с наставником по расписанию",
    "Открытые уроки наставника и их разбор",
    "Поддержка в работе с родителями",
    "Совместная подготовка к конкурсу",
    "Доброжелательная атмосфера в коллективе",
)
WEAKNESSES = (
    "Не хватает времени на встречи из-за нагрузки",
    "Встречи переносились из-за болезни",
    "Мало совместных посещений уроков",
    "Наставник работает в другую смену",
)
OPPORTUNITIES = (
    "Районные семинары МШН для молодых педагогов",
    "Курсы ПК ИРО для наставников",
    "Сетевое наставничество с базовой школой",
    "Больше совместных проектов с учащимися",
)
THREATS = (
    "Уход молодых педагогов из профессии",
    "Высокая нагрузка наставников",
    "Нет доплаты наставникам",
)
EXPECTATIONS = (
    "Научиться выстраивать дисциплину",
    "Помощь в подготовке к аттестации",
    "Больше уверенности на уроке",
)
TEXTS = {
    Feeds.STRENGTH: STRENGTHS,
    Feeds.WEAKNESS: WEAKNESSES,
    Feeds.OPPORTUNITY: OPPORTUNITIES,
    Feeds.THREAT: THREATS,
    "": EXPECTATIONS,
}


def load(demo) -> str:
    """The rounds and their answers, once; a line for the console, or ""."""
    if SurveyRound.objects.exists():
        return ""
    current, previous = demo.years
    methodist = demo.users["metodist"]
    answered = 0
    for year, moment, day, share in (
        (previous, Moment.ENTRY, datetime.date(previous.start_year, 10, 10), 0.9),
        (previous, Moment.EXIT, datetime.date(previous.start_year + 1, 5, 15), 0.85),
        (current, Moment.ENTRY, datetime.date(current.start_year, 10, 10), 0.8),
    ):
        survey = _round(year, moment, day + datetime.timedelta(days=14), methodist, None)
        answered += _answer(demo, survey, day, share)
    school = demo.users["kurator1"].organization
    today = timezone.localdate()
    survey = _round(current, Moment.ENTRY, today + datetime.timedelta(days=12), demo.users["kurator1"], school,
                    title=f"Анкетирование новых пар {school.short_name}")  # fmt: skip
    answered += _answer(demo, survey, today - datetime.timedelta(days=2), 0.4)
    return f"Мониторинг: опросов {SurveyRound.objects.count()}, ответов получено {answered}."


def _round(year, moment, closes_on, user, organization, title="") -> SurveyRound:
    words = {Moment.ENTRY: "входное", Moment.EXIT: "итоговое", Moment.STAGE: "промежуточное"}
    survey = SurveyRound(
        title=title or f"{words[moment].capitalize()} анкетирование участников, {year}",
        year=year, moment=moment, organization=organization, closes_on=closes_on,
    )  # fmt: skip
    services.create_round(survey, user)
    return survey


def _answer(demo, survey: SurveyRound, day: datetime.date, share: float) -> int:
    """About `share` of the round's participants answer (minors only with a representative's consent)."""
    sent = timezone.make_aware(datetime.datetime.combine(day - datetime.timedelta(days=3), datetime.time(9)))
    invitations = list(
        _may_answer(survey).select_related("questionnaire").prefetch_related("questionnaire__questions")
    )
    Invitation.objects.filter(round=survey).exclude(email="").update(sent_at=sent)
    answers, done = [], []
    for invitation in invitations:
        roll = demo.rng.random()
        if roll < share or invitation.respondent == Respondent.COORDINATOR:  # the coordinators all answer
            answers += _answers_of(demo, invitation, survey.moment)
            done.append(invitation.pk)
        elif roll < share + 0.05:
            Invitation.objects.filter(pk=invitation.pk).update(opened_at=sent + datetime.timedelta(days=1))
    Answer.objects.bulk_create(answers)
    at = sent + datetime.timedelta(days=2, hours=demo.rng.randint(0, 8))
    Invitation.objects.filter(pk__in=done).update(opened_at=at, answered_at=at)
    return len(done)


def _may_answer(survey: SurveyRound):
    representative = Consent.objects.filter(
        person=OuterRef("person"), kind=ConsentKind.PROCESSING, signer=ConsentSigner.REPRESENTATIVE
    )
    adult_year = survey.closes_on.year - 18
    invitations = Invitation.objects.filter(round=survey).annotate(consent=Exists(representative))
    minors = invitations.filter(person__birth_year__gt=adult_year) | invitations.filter(
        person__birth_date__year__gt=adult_year
    )
    return invitations.exclude(pk__in=minors.filter(consent=False).values("pk"))


def _answers_of(demo, invitation: Invitation, moment: str) -> list[Answer]:
    found = []
    for question in invitation.questionnaire.questions.all():
        answer = Answer(invitation=invitation, question=question)
        if question.kind == QuestionKind.SCALE:
            answer.score = _score(demo.rng, question.feeds, moment)
        elif question.kind == QuestionKind.SINGLE:
            answer.text = demo.rng.choice(question.option_list()[:3])
        elif question.kind == QuestionKind.MULTIPLE:
            answer.text = "; ".join(demo.rng.sample(question.option_list(), 2))
        elif invitation.respondent == Respondent.COORDINATOR or demo.rng.random() < 0.7:
            answer.text = demo.rng.choice(TEXTS.get(question.feeds, EXPECTATIONS))
        else:
            continue
        found.append(answer)
    return found


def _score(rng, feeds: str, moment: str) -> int:
    """Satisfaction mostly 7–10; self-assessment about 5 at entry and 7 at exit."""
    if feeds == Feeds.SATISFACTION:
        centre = 8.4
    elif moment == Moment.ENTRY:
        centre = 5.2
    else:
        centre = 7.3
    return max(1, min(10, round(rng.gauss(centre, 1.3))))
