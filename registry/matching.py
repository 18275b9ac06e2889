"""«Подобрать наставника»: mentors of the bank ranked for one young pedagogue or mentee.

A candidate is an active mentor with free places (limit minus mentees of forming and active pairs) for
whom a form of mentoring fits both people; the ranking weighs, in this order, a shared subject, the same
organisation (or a base school / internship site when a form admits other organisations), training done
and the mentor's wished age of mentees. Two queries, whatever the size of the bank."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils.translation import gettext as _

from directory.models import MentoringForm
from registry import selectors
from registry.models import Mentor, MentorStatus, Pair, Person

SHOWN = 20
WEIGHTS = {"subject": 8, "same_org": 4, "base": 2, "trained": 2, "age": 1}


@dataclass
class Candidate:
    mentor: Mentor
    form: MentoringForm
    free: int
    score: int
    reasons: list[str] = field(default_factory=list)


def subject_words(subjects: str) -> list[str]:
    """«математика, физика» → the words a mentor's subjects are searched for (short words skipped)."""
    return [w for w in re.split(r"[,;/\s]+", subjects.lower()) if len(w) >= 4]


def form_for(forms: list[MentoringForm], mentor: Mentor, person: Person) -> MentoringForm | None:
    """The first active form (by its order) whose categories fit both and that admits the mentor's organisation."""
    same_org = mentor.person.organization_id == person.organization_id
    for form in forms:
        if form.mentor_category and form.mentor_category != mentor.person.category:
            continue
        if form.mentee_category and form.mentee_category != person.category:
            continue
        if same_org or form.allows_other_organizations:
            return form
    return None


def _trained():
    """A course recorded for the mentor's person (events' trainings, read through the relation's name)."""
    trainings = Person._meta.get_field("trainings").related_model
    return Exists(trainings.objects.filter(person=OuterRef("person")))


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def candidates_for(user, person: Person, today: datetime.date | None = None) -> list[Candidate]:
    """The best SHOWN candidates for `person`, best first; each with why it was ranked so."""
    forms = list(MentoringForm.objects.filter(is_active=True).order_by("position", "name"))
    wide = any(f.allows_other_organizations for f in forms)
    words = subject_words(person.subjects)
    age = person.age_on(today or datetime.date.today())
    where = Q(person__organization_id=person.organization_id)
    if wide:
        where |= Q(person__organization__is_base_school=True) | Q(
            person__organization__is_internship_site=True
        )
    subject = Q()
    for word in words:
        subject |= Q(person__subjects__icontains=word)
    age_fits = (
        Q(pk__in=[])
        if age is None
        else (
            (Q(mentee_age_from__isnull=True) | Q(mentee_age_from__lte=age))
            & (Q(mentee_age_to__isnull=True) | Q(mentee_age_to__gte=age))
            & ~Q(mentee_age_from__isnull=True, mentee_age_to__isnull=True)
        )
    )
    already_paired = Pair.objects.filter(
        mentor=OuterRef("pk"), mentees__person=person, status__in=selectors.OPEN_PAIR_STATUSES
    )
    mentors = (
        selectors.mentors_for(user)
        .working()
        .filter(where, status=MentorStatus.ACTIVE)
        .exclude(person=person)
        .exclude(Exists(already_paired))
        .annotate(
            free=F("max_mentees") - F("load"),
            by_subject=_flag(subject) if words else Value(0),
            by_org=_flag(Q(person__organization_id=person.organization_id)),
            trained=_flag(~Q(training="") | _trained()),
            by_age=_flag(age_fits),
        )
        .filter(free__gt=0)
        .annotate(
            score=F("by_subject") * WEIGHTS["subject"]
            + F("by_org") * WEIGHTS["same_org"]
            + (1 - F("by_org")) * WEIGHTS["base"]
            + F("trained") * WEIGHTS["trained"]
            + F("by_age") * WEIGHTS["age"]
        )
        .order_by("-score", "-free", "person__last_name", "person__first_name", "id")
    )
    candidates = []
    for mentor in mentors[: SHOWN * 2]:
        form = form_for(forms, mentor, person)
        if form is not None:
            candidates.append(Candidate(mentor, form, mentor.free, mentor.score, reasons_for(mentor)))
    return candidates[:SHOWN]


def reasons_for(mentor: Mentor) -> list[str]:
    reasons = [_("общий предмет")] if mentor.by_subject else []
    if mentor.by_org:
        reasons.append(_("та же организация"))
    else:
        reasons.append(_("базовая школа / стажировочная площадка"))
    if mentor.trained:
        reasons.append(_("обучение наставников пройдено"))
    if mentor.by_age:
        reasons.append(_("подходит по желаемому возрасту наставляемых"))
    reasons.append(_("свободных мест: %(free)s") % {"free": mentor.free})
    return reasons
