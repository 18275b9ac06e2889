"""What needs the methodologist's or a coordinator's attention in the registry (core/attention.py)."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core import access
from core.attention import Concern, Line, concern
from registry import selectors
from registry.models import (
    Activity,
    ActivityStatus,
    Consent,
    ConsentKind,
    MenteeStatus,
    MentorStatus,
    PairStatus,
    Person,
    Program,
)

ACTIVITY_ORG = "program__pair__organization"
OPEN_ACTIVITY_STATUSES = (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS)


def _pair_line(pair) -> Line:
    return Line(f"{pair} ({pair.organization.short_name})", pair.get_absolute_url())


def _person_line(person) -> Line:
    return Line(f"{person.full_name} ({person.organization.short_name})", person.get_absolute_url())


def pairs_past_end(user, today: datetime.date) -> Concern:
    pairs = selectors.pairs_for(user).filter(status=PairStatus.ACTIVE, planned_end_on__lt=today)
    return concern(
        "pairs_past_end",
        _("Пары после плановой даты окончания всё ещё «действует»"),
        pairs.prefetch_related(None).order_by("planned_end_on", "id"),
        lambda p: Line(
            f"{p} ({p.organization.short_name})",
            p.get_absolute_url(),
            _("окончание по плану %(date)s") % {"date": f"{p.planned_end_on:%d.%m.%Y}"},
        ),
    )


def activities_overdue(user, today: datetime.date) -> Concern:
    activities = access.scope(
        user,
        Activity.objects.select_related(
            "program__pair__mentor__person", "program__pair__form", "program__pair__organization"
        ),
        ACTIVITY_ORG,
    ).filter(
        status__in=OPEN_ACTIVITY_STATUSES,
        due_on__lt=today,
        program__pair__status__in=selectors.OPEN_PAIR_STATUSES,
    )
    return concern(
        "activities_overdue",
        _("Просроченные мероприятия персонализированных программ"),
        activities.order_by("due_on", "id"),
        lambda a: Line(
            f"{a.title} — {a.program.pair}",
            a.program.pair.get_absolute_url(),
            _("срок %(date)s") % {"date": f"{a.due_on:%d.%m.%Y}"},
        ),
    )


def pairs_without_program_or_order(user, today: datetime.date) -> Concern:
    has_program = Exists(Program.objects.filter(pair=OuterRef("pk")))
    pairs = (
        selectors.pairs_for(user)
        .prefetch_related(None)
        .filter(status__in=selectors.OPEN_PAIR_STATUSES)
        .filter(Q(order_number="") | ~has_program)
    )
    return concern(
        "pairs_without_program_or_order",
        _("Пары без персонализированной программы или без приказа о закреплении"),
        pairs.order_by("started_on", "id"),
        _pair_line,
        reverse("registry:pair_list") + "?status=active",
    )


def participants_without_consent(user, today: datetime.date) -> Concern:
    consent = Consent.objects.in_force(today).filter(person=OuterRef("pk"), kind=ConsentKind.PROCESSING)
    people = (
        selectors.people_for(user)
        .filter(is_anonymised=False)
        .working(today)
        .filter(
            Q(mentor__status=MentorStatus.ACTIVE)
            | Q(mentee__status__in=(MenteeStatus.WAITING, MenteeStatus.ACTIVE))
        )
        .exclude(Exists(consent))
    )
    return concern(
        "without_consent",
        _("Наставники и наставляемые без действующего согласия на обработку персональных данных"),
        people.order_by("organization__short_name", "last_name", "first_name", "id"),
        _person_line,
    )


def young_without_mentor(user, today: datetime.date) -> Concern:
    people = selectors.people_for(user).young(today).exclude(Exists(Person.objects.active_mentee_pairs()))
    return concern(
        "young_without_mentor",
        _("Молодые педагоги без наставника"),
        people.order_by("organization__short_name", "last_name", "first_name", "id"),
        lambda p: Line(
            f"{p.full_name} ({p.organization.short_name})",
            reverse("registry:mentor_match", args=[p.pk]),
            _("подобрать наставника"),
        ),
        reverse("registry:young"),
    )


def attention_for(user, today: datetime.date) -> list[Concern]:
    checks = (
        pairs_past_end,
        activities_overdue,
        pairs_without_program_or_order,
        participants_without_consent,
        young_without_mentor,
    )
    return [check(user, today) for check in checks]
