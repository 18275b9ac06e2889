"""iCalendar (RFC 5545) of the open site: the feed of public events and approved meetings, and one event.

Times are Vladivostok's (`TIME_ZONE`), written with their zone (TZID and a VTIMEZONE), so a phone in
another zone shows the right hour. An entry without a time is a whole-day entry.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.models import Event
from meetings.models import Meeting

CONTENT_TYPE = "text/calendar; charset=utf-8"


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//МШН//Открытый сайт//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _when(component: CalendarEvent, starts: datetime.date, ends: datetime.date | None, time) -> None:
    """A timed one-day entry starts at its moment; otherwise whole days, DTEND the day after the last."""
    if time is not None and (ends is None or ends == starts):
        component.add("dtstart", datetime.datetime.combine(starts, time, tzinfo=zone()))
        return
    component.add("dtstart", starts)
    component.add("dtend", (ends or starts) + datetime.timedelta(days=1))


def _component(uid: str, summary: str, stamp: datetime.datetime, url: str, location: str, text: str):
    component = CalendarEvent()
    component.add("uid", uid)
    component.add("summary", summary)
    component.add("dtstamp", stamp)
    component.add("url", url)
    component.add("status", "CONFIRMED")
    if location:
        component.add("location", location)
    if text:
        component.add("description", text)
    return component


def event_component(event: Event, url: str) -> CalendarEvent:
    text = "\n".join(part for part in (event.get_kind_display().capitalize(), event.description) if part)
    component = _component(f"event-{event.pk}@mshn", event.title, event.updated_at, url, event.where, text)
    _when(component, event.starts_on, event.ends_on, event.time)
    return component


def meeting_component(meeting: Meeting, url: str) -> CalendarEvent:
    topics = "\n".join(f"{item.position}. {item.topic}" for item in meeting.agenda.all())
    summary = f"Заседание МШН № {meeting.number}"
    location = ", ".join(part for part in (meeting.place, "онлайн" if meeting.is_online else "") if part)
    component = _component(f"meeting-{meeting.pk}@mshn", summary, meeting.updated_at, url, location, topics)
    _when(component, meeting.date, None, meeting.time)
    return component


def response(calendar: Calendar, filename: str) -> HttpResponse:
    calendar.add_missing_timezones()
    answer = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    answer["Content-Disposition"] = f'inline; filename="{filename}"'
    return answer
