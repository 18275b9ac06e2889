"""The banks of a generated region (`load_region`): practices through their review workflow, organisations'
mentoring programs with templates, every district's normative documents. Bulk inserts, deterministic for
the region's `random.Random`."""

from __future__ import annotations

import datetime
from collections import Counter
from importlib import import_module

from banks.models import (
    DocumentKind,
    DocumentLevel,
    MentoringProgram,
    NormativeDocument,
    Practice,
    PracticeAction,
    PracticeStatus,
    PracticeTransition,
    ProgramStatus,
    ProgramTemplate,
    TemplateActivity,
)
from demo.district.banks import PRACTICES, PROGRAMS, TEMPLATES
from demo.region.batch import insert
from directory.models import MentoringForm

S = PracticeStatus
# State of a practice of a past year / of the current year → weight.
PAST_STATES = {"best": 12, S.PUBLISHED: 58, S.RETURNED: 8, S.REVIEW: 4, S.DRAFT: 18}
CURRENT_STATES = {"best": 3, S.PUBLISHED: 22, S.RETURNED: 15, S.REVIEW: 25, S.DRAFT: 35}
# The workflow steps that lead to each state: (action, from, to, by the methodologist?).
STEPS = {
    S.DRAFT: [],
    S.REVIEW: [(PracticeAction.SUBMIT, S.DRAFT, S.REVIEW, False)],
    S.RETURNED: [
        (PracticeAction.SUBMIT, S.DRAFT, S.REVIEW, False),
        (PracticeAction.RETURN, S.REVIEW, S.RETURNED, True),
    ],
    S.PUBLISHED: [
        (PracticeAction.SUBMIT, S.DRAFT, S.REVIEW, False),
        (PracticeAction.PUBLISH, S.REVIEW, S.PUBLISHED, True),
    ],
    "best": [
        (PracticeAction.SUBMIT, S.DRAFT, S.REVIEW, False),
        (PracticeAction.PUBLISH, S.REVIEW, S.PUBLISHED, True),
        (PracticeAction.MARK_BEST, S.PUBLISHED, S.PUBLISHED, True),
    ],
}
COMMENTS = {
    PracticeAction.RETURN: "Опишите результаты: что изменилось у наставляемых, в цифрах.",
    PracticeAction.PUBLISH: "Практика рекомендована к распространению.",
    PracticeAction.MARK_BEST: "По итогам заседания МШН.",
}


def generate(region, *, practices: int = 2000) -> Counter:
    """Create `practices` practices of the educational organisations and a program for most of them."""
    forms = {form.name: form for form in MentoringForm.objects.all()}
    counts = Counter()
    _documents(region, counts)
    _practices(region, practices, forms, counts)
    _programs(region, forms, counts)
    return counts


def _documents(region, counts: Counter) -> None:
    """Every district's bank holds the federal and regional documents the migrations seed and its own
    order creating the municipal school."""
    seeded = import_module("banks.migrations.0002_seed_documents").DOCUMENTS
    seeded = [row for row in seeded if row[0] != "municipal"]
    rows = []
    for school in region.schools:
        for level, kind, number, issued_on, title, issuer, url in seeded:
            rows.append(
                NormativeDocument(
                    district=school.district,
                    level=level,
                    kind=kind,
                    number=number,
                    issued_on=issued_on,
                    title=title,
                    issuer=issuer,
                    url=url,
                )
            )
        founded = region.years[0].start_date + datetime.timedelta(days=region.rng.randint(20, 200))
        rows.append(
            NormativeDocument(
                district=school.district,
                level=DocumentLevel.MUNICIPAL,
                kind=DocumentKind.ORDER,
                number=f"{region.rng.randint(40, 400)}-од",
                issued_on=founded,
                title="О создании муниципальной Школы наставничества и утверждении положения о ней",
                issuer=f"Управление образования: {school.district.name}",
            )
        )
    insert(NormativeDocument, rows, counts)


def _practices(region, total: int, forms: dict, counts: Counter) -> None:
    rng = region.rng
    rows, states = [], []
    for _ in range(total):
        org = rng.choice(region.educational)
        year = rng.choice(region.years)
        table = CURRENT_STATES if year.contains(region.today) else PAST_STATES
        state = rng.choices(list(table), list(table.values()))[0]
        title, _names, audience, description, results, tags, _state = rng.choice(PRACTICES)
        published = state in (S.PUBLISHED, "best")
        rows.append(
            Practice(
                title=title,
                organization=org,
                year=year,
                audience=audience,
                description=description,
                results=results or (description if published else ""),
                tags=tags,
                status=S.PUBLISHED if state == "best" else state,
                is_best=state == "best",
                published_on=_day_in(year, region.today, rng) if published else None,
            )
        )
        states.append(state)
    insert(Practice, rows, counts)
    _practice_links(region, rows, forms, counts)
    _practice_steps(region, rows, states, counts)


def _practice_links(region, rows: list[Practice], forms: dict, counts: Counter) -> None:
    rng = region.rng
    by_title = {row[0]: row[1] for row in PRACTICES}
    form_links, author_links = [], []
    for practice in rows:
        for name in by_title[practice.title]:
            if name in forms:
                form_links.append(Practice.forms.through(practice=practice, mentoringform=forms[name]))
        pool = region.pedagogues.get(practice.organization_id, [])
        for person_id in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
            author_links.append(Practice.authors.through(practice=practice, person_id=person_id))
    insert(Practice.forms.through, form_links, counts)
    insert(Practice.authors.through, author_links, counts)


def _practice_steps(region, rows: list[Practice], states: list[str], counts: Counter) -> None:
    transitions = []
    for practice, state in zip(rows, states, strict=True):
        when = _moment(practice.published_on or _day_in(practice.year, region.today, region.rng))
        coordinator = region.coordinators.get(practice.organization_id)
        for number, (action, before, after, by_methodist) in enumerate(STEPS[state]):
            transitions.append(
                PracticeTransition(
                    practice=practice,
                    action=action,
                    from_status=before,
                    to_status=after,
                    comment=COMMENTS.get(action, ""),
                    by=region.methodists[practice.organization.district_id] if by_methodist else coordinator,
                    at=when + datetime.timedelta(hours=number),
                )
            )
    insert(PracticeTransition, transitions, counts)


def _programs(region, forms: dict, counts: Counter) -> None:
    """Most organisations keep one program; some an archived earlier one; a few have templates."""
    rng = region.rng
    first = region.years[0].start_date
    programs, names = [], []
    for org in region.educational:
        for archived in (False, True) if rng.random() < 0.2 else (False,):
            if rng.random() < 0.15 and not archived:
                continue
            title, form_names = rng.choice(PROGRAMS)
            starts = first + datetime.timedelta(days=365 * rng.randint(0, len(region.years) - 2))
            if archived:
                starts -= datetime.timedelta(days=365 * 3)
            programs.append(
                MentoringProgram(
                    organization=org,
                    title=title,
                    starts_on=starts,
                    ends_on=starts + datetime.timedelta(days=365 * 3 - 1) if archived else None,
                    order_number=f"{rng.randint(10, 250)}-од",
                    order_date=starts - datetime.timedelta(days=rng.randint(1, 20)),
                    status=ProgramStatus.ARCHIVE if archived else ProgramStatus.ACTIVE,
                )
            )
            names.append(form_names)
    insert(MentoringProgram, programs, counts)
    links = [
        MentoringProgram.forms.through(mentoringprogram=program, mentoringform=forms[name])
        for program, form_names in zip(programs, names, strict=True)
        for name in form_names
        if name in forms
    ]
    insert(MentoringProgram.forms.through, links, counts)
    _templates(rng, [p for p in programs if p.status == ProgramStatus.ACTIVE], counts)


def _templates(rng, programs: list[MentoringProgram], counts: Counter) -> None:
    templates, rows = [], []
    for program in programs:
        if rng.random() < 0.1:
            title, goals, directions, expected, activities = rng.choice(TEMPLATES)
            templates.append(
                ProgramTemplate(
                    program=program,
                    title=title,
                    goals=goals,
                    directions=directions,
                    expected_results=expected,
                )
            )
            rows.append(activities)
    insert(ProgramTemplate, templates, counts)
    activities = [
        TemplateActivity(template=template, position=number, offset_days=offset, title=title)
        for template, plan in zip(templates, rows, strict=True)
        for number, (offset, title) in enumerate(plan, start=1)
    ]
    insert(TemplateActivity, activities, counts)


def _day_in(year, today: datetime.date, rng) -> datetime.date:
    last = min(year.end_date, today)
    return year.start_date + datetime.timedelta(days=rng.randrange(max(1, (last - year.start_date).days)))


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=datetime.UTC)
