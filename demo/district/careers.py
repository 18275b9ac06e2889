"""This capability's part of the demo district (called by `load_demo`; must be idempotent).

Careers and the law: a few young pedagogues moved to another school or left; the two demo coordinators'
schools require the agreement of art. 351.8 and hold it for most pedagogue pairs (one ended early, two
still missing); a справка issued; retention of the cohorts before the registry, as accepted by year.
Its own random generator: the other demo modules draw the same numbers as before.
"""

from __future__ import annotations

import datetime
import random

from django.db.models import Q
from django.utils import timezone

from careers.calendar import earliest_early_end
from careers.models import AcceptedRetention, Certificate, EmploymentPeriod, EndInitiator, MentorAgreement
from careers.services import dismiss_person, end_mentoring_early, issue_certificate, transfer_person
from directory.models import AcademicYear, OrganizationKind, PersonCategory, start_year_of
from registry.models import CLOSED_STATUSES, Pair, PairStatus, Person

SEED = 351_8
OPEN_STATUSES = (PairStatus.FORMING, PairStatus.ACTIVE)
CONTENTS = (
    "адаптация молодого педагога: планирование уроков, посещение и разбор уроков, работа с родителями",
    "сопровождение молодого специалиста в первый год работы: рабочая программа, классное руководство",
    "помощь в подготовке к конкурсу профессионального мастерства и к аттестации",
)
PAYMENTS = ("доплата 3 000 руб. в месяц", "доплата 2 500 руб. в месяц", "доплата 15 % оклада")
LEAVE_NOTES = ("переезд в другой регион", "перешёл на работу вне образования", "по собственному желанию")


def load(demo) -> str:
    if EmploymentPeriod.objects.exists() or MentorAgreement.objects.exists():
        return ""
    rng = random.Random(SEED)
    today = timezone.localdate()
    moved, left = _moves(demo.organizations, rng, today)
    left += _dismiss_former_mentee(demo.organizations[0], today)
    agreements = _agreements(demo.organizations, rng, today)
    certificates = _certificates(demo.organizations[:2], demo.users.get("metodist"))
    accepted = _accepted(demo.organizations, rng, today, demo.users.get("metodist"))
    return (
        f"Кадры: переведено {moved}, уволилось {left}; соглашений по ст. 351.8 — {agreements}; "
        f"справок — {certificates}; принятых цифр закрепления — {accepted}."
    )


def _moves(organizations, rng: random.Random, today: datetime.date) -> tuple[int, int]:
    """Young pedagogues of the last four cohorts: one in five moves schools, one in five leaves; and a
    pedagogue moved to the first coordinator's school a year ago (the second's staff list keeps them)."""
    schools = [org for org in organizations if org.kind == OrganizationKind.SCHOOL]
    pedagogues = Person.objects.filter(category=PersonCategory.PEDAGOGUE, experience_start__isnull=False)
    young = pedagogues.filter(
        experience_start__gte=today.replace(year=today.year - 4),
        experience_start__lte=today - datetime.timedelta(days=200),
    ).order_by("id")
    moved = left = 0
    for person in young:
        draw = rng.random()
        on = person.experience_start + datetime.timedelta(days=rng.randrange(150, 500))
        if on > today - datetime.timedelta(days=30):
            continue
        if draw < 0.2:
            transfer_person(person, rng.choice([s for s in schools if s.pk != person.organization_id]), on=on)
            moved += 1
        elif draw < 0.4:
            dismiss_person(person, on=on, note=rng.choice(LEAVE_NOTES))
            left += 1
    free = Person.objects.filter(category=PersonCategory.PEDAGOGUE, mentor__isnull=True, mentee__isnull=True)
    newcomer = (
        free.filter(organization=organizations[1]).first()
        or free.exclude(organization=organizations[0]).first()
    )
    if newcomer is not None:
        transfer_person(newcomer, organizations[0], on=today - datetime.timedelta(days=365))
        moved += 1
    return moved, left


def _dismiss_former_mentee(school, today: datetime.date) -> int:
    """A pedagogue of the first coordinator's school, in no open pair, who left two months ago: gone from
    the current lists and pickers, found with «Показать уволенных», the periods of work and history kept."""
    on = today - datetime.timedelta(days=60)
    former = (
        Person.objects.working()
        .filter(organization=school, category=PersonCategory.PEDAGOGUE)
        .exclude(mentee__pairs__status__in=OPEN_STATUSES)
        .exclude(mentor__pairs__status__in=OPEN_STATUSES)
        .filter(Q(experience_start__isnull=True) | Q(experience_start__lt=on))
        .order_by("id")
        .first()
    )
    if former is None:
        return 0
    dismiss_person(former, on=on, note="переезд в другой регион")
    return 1


def _agreements(organizations, rng: random.Random, today: datetime.date) -> int:
    """Schools require the agreement of art. 351.8; every pedagogue pair has it but the two newest open ones."""
    schools = [org for org in organizations if org.kind == OrganizationKind.SCHOOL]
    for school in schools:
        school.requires_mentor_agreement = True
        school.save(update_fields=["requires_mentor_agreement", "updated_at"])
    pairs = Pair.objects.filter(
        organization__in=schools, mentor__person__category=PersonCategory.PEDAGOGUE
    ).order_by("started_on", "id")
    missing = set(
        pairs.exclude(status__in=CLOSED_STATUSES)
        .order_by("-started_on", "-id")
        .values_list("pk", flat=True)[:2]
    )
    written = 0
    for pair in pairs:
        if pair.pk in missing:
            continue
        signed = pair.started_on - datetime.timedelta(days=rng.randrange(2, 10))
        written += 1
        MentorAgreement.objects.create(
            pair=pair,
            consent_on=signed - datetime.timedelta(days=rng.randrange(1, 5)),
            number=f"{written}-н",
            signed_on=signed,
            starts_on=pair.started_on,
            ends_on=pair.planned_end_on or pair.started_on.replace(year=pair.started_on.year + 1),
            content=rng.choice(CONTENTS),
            payment=rng.choice(PAYMENTS),
        )
    _end_one_early(today)
    return written


def _end_one_early(today: datetime.date) -> None:
    """The newest open pair's mentor asked to end early: notice 40 days ago, ended three working days later."""
    agreement = (
        MentorAgreement.objects.exclude(pair__status__in=CLOSED_STATUSES)
        .order_by("-starts_on", "-id")
        .first()
    )
    if agreement is None:
        return
    notice = max(agreement.starts_on, today - datetime.timedelta(days=40))
    agreement.ended_by, agreement.notice_on = EndInitiator.MENTOR, notice
    agreement.ended_early_on = earliest_early_end(notice)
    end_mentoring_early(agreement, user=None)


def _certificates(organizations, user) -> int:
    """A справка for a mentor of each of the coordinators' schools, over the last three years."""
    today = timezone.localdate()
    for organization in organizations:
        mentor = Person.objects.filter(
            organization=organization, mentor__pairs__isnull=False, category=PersonCategory.PEDAGOGUE
        ).first()
        if mentor is not None:
            start = today.replace(year=today.year - 3)
            issue_certificate(mentor, start=start, end=today, organization=organization, user=user)
    return Certificate.objects.count()


def _accepted(organizations, rng: random.Random, today: datetime.date, user) -> int:
    """The cohorts of three and four years ago, before the registry: typed by the methodologist from the
    yearly reports (the history of each row names her)."""
    current = start_year_of(today)
    written = 0
    for start_year in (current - 4, current - 3):
        year, _created = AcademicYear.objects.get_or_create(start_year=start_year)
        for organization in organizations:
            if organization.kind != OrganizationKind.SCHOOL:
                continue
            for with_mentor in (True, False):
                cohort = rng.randrange(0, 2)
                if not cohort:
                    continue
                keep = 0.95 if with_mentor else 0.6
                after = [cohort]
                for _year in range(3):
                    after.append(sum(rng.random() < keep for _ in range(after[-1])))
                record = AcceptedRetention(
                    cohort_year=year, organization=organization, with_mentor=with_mentor, cohort=cohort,
                    after_1=after[1], after_2=after[2], after_3=after[3],
                )  # fmt: skip
                record._history_user = user
                record.save()
                written += 1
    for start_year in (current - 2,):  # the registry's own cohort needs its year listed
        AcademicYear.objects.get_or_create(start_year=start_year)
    return written
