"""Meetings and roadmaps of a generated region (`load_region`): every school year has two to four
meetings with agenda and decisions (approved once held, a draft while ahead) and the roadmap of the
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
    head = Person.objects.get(pk=region.rng.choice(region.pedagogues[region.educational[0].pk]))
    meetings = _meetings(region, head, counts)
    _agenda(meetings, counts)
    _roadmap(region, head, counts)
    return counts


def _meetings(region, head: Person, counts: Counter) -> list[Meeting]:
    rng = region.rng
    meetings, present, transitions = [], [], []
    for year in region.years:
        seasons = ["autumn", "spring"] + rng.sample(["autumn", "spring"], rng.randint(0, 2))
        days = sorted(_meeting_day(year, season, rng) for season in seasons)
        for number, day in enumerate(days, start=1):
            people = rng.sample(region.all_pedagogues, rng.randint(8, 40))
            held = day < region.today
            meeting = Meeting(
                year=year,
                number=number,
                date=day,
                time=datetime.time(14, 30),
                place=f"{region.educational[0].short_name}, {rng.choice(PLACES)}",
                is_online=rng.random() < 0.15,
                chair=head,
                secretary_id=people[0],
                guests="Специалист отдела образования",
                status=MeetingStatus.APPROVED if held else MeetingStatus.DRAFT,
            )
            meeting.season = "autumn" if day.month >= 9 or day.month < 2 else "spring"
            meetings.append(meeting)
            present.append({head.pk, *people})
        MeetingCounter.objects.create(year=year, last_number=len(days))
    insert(Meeting, meetings, counts)
    links = [
        Meeting.present.through(meeting=meeting, person_id=person_id)
        for meeting, people in zip(meetings, present, strict=True)
        for person_id in sorted(people)
    ]
    insert(Meeting.present.through, links, counts)
    for meeting in meetings:
        if meeting.status == MeetingStatus.APPROVED:
            transitions.append(
                MeetingTransition(
                    meeting=meeting,
                    from_status=MeetingStatus.DRAFT,
                    to_status=MeetingStatus.APPROVED,
                    by=region.methodist,
                    at=datetime.datetime.combine(
                        meeting.date + datetime.timedelta(days=3), datetime.time(9), tzinfo=datetime.UTC
                    ),
                )
            )
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


def _roadmap(region, head: Person, counts: Counter) -> None:
    items = []
    for year in region.years:
        for position in range(1, len(ROADMAP) + 1):
            open_index = _open_index(position, region.rng)
            items.append(roadmap_item(year, position, region.educational, head, region.today, open_index))
    insert(RoadmapItem, items, counts)


def _open_index(position: int, rng) -> int:
    """The demo's item indexes decide what stays open; shuffle them a little from year to year."""
    return position - 1 if rng.random() < 0.8 else rng.randrange(len(ROADMAP))
