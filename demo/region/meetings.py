"""Meetings and roadmaps of a generated region (`load_region`): every district's school meets two to four
times a school year (numbered 1… in the district and the year, its counter set), with agenda and decisions
(approved by the district's methodologist once held, a draft while ahead), and keeps the roadmap of the
regulation, some items done, some overdue. Bulk inserts, deterministic for the region's random."""

from __future__ import annotations

import datetime
from collections import Counter

from demo.district.meetings import AGENDAS, ROADMAP, roadmap_item
from demo.region.batch import insert
from meetings.models import (
    AgendaItem,
    Meeting,
    MeetingCounter,
    MeetingStatus,
    MeetingTransition,
    RoadmapItem,
)
from registry.models import Person

SEASON_MONTHS = {"autumn": (10, 11), "spring": (3, 4)}
PLACES = ["актовый зал", "конференц-зал", "методический кабинет", "библиотека"]


def generate(region) -> Counter:
    counts = Counter()
    heads = _heads(region)
    meetings = _meetings(region, heads, counts)
    _agenda(meetings, counts)
    _roadmap(region, heads, counts)
    return counts


def _heads(region) -> dict[int, Person]:
    """The head of each district's school: a pedagogue of its first organisation."""
    chosen = {
        s.district.pk: region.rng.choice(region.pedagogues[s.educational[0].pk]) for s in region.schools
    }
    people = Person.objects.in_bulk(chosen.values())
    return {district_id: people[pk] for district_id, pk in chosen.items()}


def _meetings(region, heads: dict[int, Person], counts: Counter) -> list[Meeting]:
    rng = region.rng
    meetings, present, counters = [], [], []
    for school in region.schools:
        head = heads[school.district.pk]
        for year in region.years:
            seasons = ["autumn", "spring"] + rng.sample(["autumn", "spring"], rng.randint(0, 2))
            days = sorted({_meeting_day(year, season, rng) for season in seasons})  # never two a day
            for number, day in enumerate(days, start=1):
                pool = school.all_pedagogues
                people = rng.sample(pool, min(len(pool), rng.randint(8, 40)))
                meeting = Meeting(
                    district=school.district,
                    year=year,
                    number=number,
                    date=day,
                    time=datetime.time(14, 30),
                    place=f"{school.educational[0].short_name}, {rng.choice(PLACES)}",
                    is_online=rng.random() < 0.15,
                    chair=head,
                    secretary_id=people[0],
                    guests="Специалист отдела образования",
                    status=MeetingStatus.APPROVED if day < region.today else MeetingStatus.DRAFT,
                )
                meeting.season = "autumn" if day.month >= 9 or day.month < 2 else "spring"
                meeting.approver = school.methodist
                meetings.append(meeting)
                present.append({head.pk, *people})
            counters.append(MeetingCounter(district=school.district, year=year, last_number=len(days)))
    insert(MeetingCounter, counters, counts)
    insert(Meeting, meetings, counts)
    links = [
        Meeting.present.through(meeting=meeting, person_id=person_id)
        for meeting, people in zip(meetings, present, strict=True)
        for person_id in sorted(people)
    ]
    insert(Meeting.present.through, links, counts)
    transitions = [
        MeetingTransition(
            meeting=meeting,
            from_status=MeetingStatus.DRAFT,
            to_status=MeetingStatus.APPROVED,
            by=meeting.approver,
            at=datetime.datetime.combine(
                meeting.date + datetime.timedelta(days=3), datetime.time(9), tzinfo=datetime.UTC
            ),
        )
        for meeting in meetings
        if meeting.status == MeetingStatus.APPROVED
    ]
    insert(MeetingTransition, transitions, counts)
    return meetings


def _meeting_day(year, season: str, rng) -> datetime.date:
    month = rng.choice(SEASON_MONTHS[season])
    calendar_year = year.start_year if month >= 9 else year.start_year + 1
    return datetime.date(calendar_year, month, rng.randint(1, 28))


def _agenda(meetings: list[Meeting], counts: Counter) -> None:
    items = [
        AgendaItem(
            meeting=meeting,
            position=position,
            topic=topic % {"year": meeting.year},
            speakers=speakers,
            heard=heard,
            spoke=spoke,
            decisions=decisions % {"year": meeting.year},
        )
        for meeting in meetings
        for position, (topic, speakers, heard, spoke, decisions) in enumerate(
            AGENDAS[meeting.season], start=1
        )
    ]
    insert(AgendaItem, items, counts)


def _roadmap(region, heads: dict[int, Person], counts: Counter) -> None:
    items = []
    for school in region.schools:
        # the roadmap names organisations by their index in the demo's list: a small district repeats its own
        organizations = school.educational * (len(ROADMAP) // len(school.educational) + 1)
        for year in region.years:
            for position in range(1, len(ROADMAP) + 1):
                open_index = _open_index(position, region.rng)
                item = roadmap_item(
                    year, position, organizations, heads[school.district.pk], region.today, open_index
                )
                item.district = school.district
                items.append(item)
    insert(RoadmapItem, items, counts)


def _open_index(position: int, rng) -> int:
    """The demo's item indexes decide what stays open; shuffle them a little from year to year."""
    return position - 1 if rng.random() < 0.8 else rng.randrange(len(ROADMAP))
