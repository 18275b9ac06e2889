"""Events, mentors' training and partners of a generated region (`load_region`): each district's school
holds its own events (its pedagogues take part) and keeps its own partners. Bulk inserts,
deterministic for the region's random; each event keeps the rules the form checks (an internship at an
internship site or base school, a kindergarten consultation with a kindergarten pedagogue)."""

from __future__ import annotations

import datetime
from collections import Counter

from demo.district.events import COURSES, EVENT_TITLES, PARTNERS, PLACES, TOPICS, event_day
from demo.region.batch import insert, spread
from directory.models import OrganizationKind
from events.models import (
    Event,
    EventKind,
    Interaction,
    InteractionKind,
    ParticipantResult,
    ParticipantRole,
    Participation,
    Partner,
    PartnerKind,
    Training,
)
from registry.models import Mentor, MentorStatus


def generate(region, *, events_per_year: int = 60) -> Counter:
    counts = Counter()
    events = _events(region, events_per_year, counts)
    _participants(region, events, counts)
    _trainings(region, counts)
    _partners(region, events, counts)
    return counts


def _events(region, per_year: int, counts: Counter) -> list[Event]:
    """About `per_year` events a year, each of a district's school (as many as its size asks, one at least)."""
    rng = region.rng
    kinds = list(EVENT_TITLES)
    events = []
    for school, per_school in spread(per_year, region.schools):
        sites = [o for o in school.educational if o.is_internship_site or o.is_base_school]
        kindergartens = [o for o in school.educational if o.kind == OrganizationKind.KINDERGARTEN]
        organizers = {EventKind.INTERNSHIP: sites, EventKind.KINDERGARTEN_CONSULTATION: kindergartens}
        possible = [kind for kind in kinds if organizers.get(kind, True)]
        for year in region.years:
            for _ in range(per_school):
                kind = rng.choice(possible)
                organizer = rng.choice(organizers.get(kind) or [None, None, *sites[:20]])
                title = rng.choice(EVENT_TITLES[kind])
                starts = event_day(
                    title, year, year.start_date + datetime.timedelta(days=rng.randint(10, 330))
                )
                events.append(
                    Event(
                        district=school.district,
                        kind=kind,
                        title=title,
                        year=year,
                        starts_on=starts,
                        ends_on=starts + datetime.timedelta(days=rng.choice((0, 0, 0, 1, 2))),
                        organizer=organizer,
                        place=f"{organizer or 'МШН'}, {rng.choice(PLACES)}",
                        is_online=kind == EventKind.CENTRE_MEETING or rng.random() < 0.1,
                    )
                )
                events[-1].school = school
    insert(Event, events, counts)
    return events


def _participants(region, events: list[Event], counts: Counter) -> None:
    """The district's pedagogues take part in its events (a consultation: its kindergarten's first)."""
    rng = region.rng
    rows = []
    for event in events:
        school = event.school
        if event.kind == EventKind.KINDERGARTEN_CONSULTATION:
            pool = region.pedagogues.get(event.organizer_id) or school.kindergarten_pedagogues
        else:
            pool = school.all_pedagogues
        people = rng.sample(pool, min(len(pool), rng.randint(5, 40)))
        if event.kind == EventKind.KINDERGARTEN_CONSULTATION and school.kindergarten_pedagogues:
            people = list(dict.fromkeys([rng.choice(school.kindergarten_pedagogues), *people]))
        contest = event.kind == EventKind.CONTEST
        for position, person_id in enumerate(people):
            role, result = ParticipantRole.PARTICIPANT, ParticipantResult.NONE
            if contest:
                result = [ParticipantResult.WINNER, ParticipantResult.PRIZE_WINNER][min(position, 1)]
                result = result if position < 3 else ParticipantResult.PARTICIPANT
            elif position == 0:
                role = ParticipantRole.SPEAKER
            rows.append(Participation(event=event, person_id=person_id, role=role, result=result))
    insert(Participation, rows, counts)


def _trainings(region, counts: Counter) -> None:
    """Most active mentors took a course or two in the ten years."""
    rng = region.rng
    by_start = {year.start_year: year for year in region.years}
    mentors = (
        Mentor.objects.exclude(status=MentorStatus.LEFT).order_by("pk").values_list("person_id", flat=True)
    )
    rows = []
    for person_id in mentors:
        for _ in range(rng.choice((0, 1, 1, 2))):
            title, provider, hours = rng.choice(COURSES)
            year = rng.choice(region.years)
            ends = min(year.start_date + datetime.timedelta(days=rng.randint(20, 330)), region.today)
            start_year = ends.year if ends.month >= 9 else ends.year - 1
            rows.append(
                Training(
                    person_id=person_id,
                    title=title,
                    provider=provider,
                    hours=hours,
                    starts_on=ends - datetime.timedelta(days=max(3, hours // 4)),
                    ends_on=ends,
                    year=by_start[start_year],
                )
            )
    insert(Training, rows, counts)


def _partners(region, events: list[Event], counts: Counter) -> None:
    """Each district's school works with a few of the region's institutions and its own employers; a joint
    event of an interaction is one of the district's centre meetings."""
    rng = region.rng
    partners = []
    for school in region.schools:
        regional = rng.sample(PARTNERS, min(len(PARTNERS), rng.randint(2, 4)))
        partners += [Partner(district=school.district, name=name, kind=kind) for name, kind, _org in regional]
        partners += [
            Partner(
                district=school.district,
                name=org.short_name,
                kind=PartnerKind.EMPLOYER,
                organization=org,
                website=org.website,
            )
            for org in school.organizations
            if org.kind == OrganizationKind.PARTNER
        ]
    insert(Partner, partners, counts)
    joint: dict[int, list[Event]] = {}
    for event in events:
        if event.kind == EventKind.CENTRE_MEETING:
            joint.setdefault(event.district_id, []).append(event)
    rows = []
    for partner in partners:
        own = joint.get(partner.district_id, [])
        for interaction_kind, topic, result in rng.sample(TOPICS, rng.randint(1, len(TOPICS))):
            year = rng.choice(region.years)
            rows.append(
                Interaction(
                    partner=partner,
                    date=min(year.start_date + datetime.timedelta(days=rng.randint(10, 330)), region.today),
                    kind=interaction_kind,
                    topic=topic,
                    result=result,
                    event=rng.choice(own)
                    if interaction_kind == InteractionKind.JOINT_EVENT and own
                    else None,
                )
            )
    insert(Interaction, rows, counts)
