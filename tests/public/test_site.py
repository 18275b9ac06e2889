"""The open site: nothing unpublished leaks anywhere, the calendar is valid iCalendar in Vladivostok's zone,
pages are cacheable without a session and make a fixed number of queries."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from directory.models import start_year_of
from registry.models import Consent
from tests.banks.factories import (
    NormativeDocumentFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    pdf_upload,
)
from tests.conftest import client_for
from tests.events.factories import EventFactory, ParticipationFactory
from tests.factories import AcademicYearFactory, PersonFactory
from tests.helpers import count_queries
from tests.meetings.factories import agenda_item, make_meeting, make_roadmap_item

TODAY = timezone.localdate()
SOON = TODAY + datetime.timedelta(days=10)
HIDDEN = (
    "Черновое положение",  # a document not marked public
    "Вопрос черновика",  # an agenda topic of a draft meeting
    "Отменённый семинар",  # a public event, cancelled
    "Внутреннее совещание",  # an event not marked public
    "Бессогласнова",  # an author without a publication consent
    "Несогласный",  # a roadmap's responsible person without a consent
    "Присутствующая",  # present at an approved meeting: attendance is never published
    "Суровцева",  # the chair of the approved meeting
    "Скрытая практика",  # a practice on review
)


def public_urls(data) -> list[str]:
    return [
        reverse("public:home"),
        reverse("public:documents"),
        reverse("public:roadmap"),
        reverse("public:decisions"),
        reverse("public:calendar"),
        reverse("public:event_detail", args=[data["event"].pk]),
        reverse("public:event_ics", args=[data["event"].pk]),
        reverse("public:meeting_ics", args=[data["meeting"].pk]),
        reverse("public:calendar_feed"),
        reverse("public:feed_rss"),
        reverse("public:feed_atom"),
        reverse("public:sitemap"),
        reverse("banks:showcase"),
        reverse("banks:showcase_detail", args=[data["practice"].pk]),
    ]


@pytest.fixture
def site(school_a):
    """The current year with one of each thing public and one of each thing that must stay hidden."""
    year = AcademicYearFactory(
        start_year=start_year_of(TODAY),
        direction="Наставничество как ресурс профессионального роста молодого педагога",
        direction_document="Приказ МКУ «ИМЦ» от 28.08.2025 № 45-од",
    )
    consented = PersonFactory(organization=school_a, last_name="Согласнова")
    Consent.objects.create(
        person=consented, kind="publication", signed_on=TODAY - datetime.timedelta(days=30)
    )
    without = PersonFactory(organization=school_a, last_name="Бессогласнова")
    practice = PublishedPracticeFactory(
        organization=school_a,
        year=year,
        title="Клуб молодых педагогов",
        authors=[consented, without],
        is_best=True,
    )
    PracticeFactory(organization=school_a, year=year, title="Скрытая практика", status="review")
    NormativeDocumentFactory(title="Положение о Школе наставничества", is_public=True, file=pdf_upload())
    NormativeDocumentFactory(title="Черновое положение", is_public=False)
    present = PersonFactory(last_name="Присутствующая")
    meeting = make_meeting(
        year,
        date=TODAY - datetime.timedelta(days=5),
        time=datetime.time(15, 30),
        present=[present],
        agenda=[agenda_item(topic="О плане на год", decisions="Принять план работы.\nПровести семинар.")],
        approved=True,
    )
    make_meeting(
        year, date=TODAY - datetime.timedelta(days=1), agenda=[agenda_item(topic="Вопрос черновика")]
    )
    event = EventFactory(
        year=year, title="Семинар наставников", starts_on=SOON, time=datetime.time(14, 0), is_public=True
    )
    ParticipationFactory(event=event, person=present)
    EventFactory(year=year, title="Отменённый семинар", starts_on=SOON, is_public=True, is_cancelled=True)
    EventFactory(year=year, title="Внутреннее совещание", starts_on=SOON, is_public=False)
    make_roadmap_item(
        year, activity="Методический семинар", responsible_person=PersonFactory(last_name="Несогласный")
    )
    make_roadmap_item(year, activity="Конкурс наставников", responsible_person=consented)
    make_roadmap_item(year, activity="Отменённый пункт", status="cancelled")
    return {"year": year, "practice": practice, "meeting": meeting, "event": event}


def body(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def test_nothing_unpublished_appears_on_any_public_page_or_feed(site):
    anon = client_for(None)
    pages = {url: anon.get(url) for url in public_urls(site)}
    assert {url: r.status_code for url, r in pages.items() if r.status_code != 200} == {}
    leaks = {url: [word for word in HIDDEN if word in body(r)] for url, r in pages.items()}
    assert {url: words for url, words in leaks.items() if words} == {}
    everything = "".join(body(r) for r in pages.values())
    for shown in (
        "Положение о Школе наставничества",
        "Принять план работы.",
        "Семинар наставников",
        "Согласнова",
    ):
        assert shown in everything
    assert "Отменённый пункт" not in body(pages[reverse("public:roadmap")])


def test_hidden_records_are_404_not_403(site, school_a):
    cancelled = EventFactory(year=site["year"], starts_on=SOON, is_public=True, is_cancelled=True)
    private = EventFactory(year=site["year"], starts_on=SOON)
    draft = make_meeting(site["year"], date=TODAY - datetime.timedelta(days=2), agenda=[agenda_item()])
    document = NormativeDocumentFactory(is_public=False, file=pdf_upload())
    anon = client_for(None)
    answers = [
        anon.get(reverse("public:event_detail", args=[cancelled.pk])).status_code,
        anon.get(reverse("public:event_ics", args=[private.pk])).status_code,
        anon.get(reverse("public:meeting_ics", args=[draft.pk])).status_code,
        anon.get(reverse("public:document_file", args=[document.pk])).status_code,
        anon.get(reverse("public:decisions_of_year", args=[1999])).status_code,
    ]
    assert answers == [404] * 5


def test_calendar_feed_is_valid_icalendar_in_vladivostok_time(site):
    response = client_for(None).get(reverse("public:calendar_feed"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["X-WR-TIMEZONE"] == "Asia/Vladivostok"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Vladivostok"]
    entries = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {"Семинар наставников", f"Заседание МШН № {site['meeting'].number}"}
    start = entries["Семинар наставников"].decoded("DTSTART")
    assert start.tzinfo.key == "Asia/Vladivostok" and (start.date(), start.hour, start.minute) == (
        SOON,
        14,
        0,
    )
    assert start.utcoffset() == datetime.timedelta(hours=10)
    meeting = entries[f"Заседание МШН № {site['meeting'].number}"]
    assert meeting.decoded("DTSTART").hour == 15 and "1. О плане на год" in str(meeting["DESCRIPTION"])
    assert b"TZID=Asia/Vladivostok" in response.content


def test_event_ics_of_a_day_long_event_is_a_whole_day(site):
    event = EventFactory(
        year=site["year"],
        starts_on=SOON,
        ends_on=SOON + datetime.timedelta(days=2),
        is_public=True,
        kind="contest",
    )
    response = client_for(None).get(reverse("public:event_ics", args=[event.pk]))
    (entry,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert entry.decoded("DTSTART") == SOON and entry.decoded("DTEND") == SOON + datetime.timedelta(days=3)
    assert str(entry["UID"]) == f"event-{event.pk}@mshn"
    assert str(entry["URL"]).endswith(reverse("public:event_detail", args=[event.pk]))


def test_feeds_list_new_practices_and_public_documents(site):
    anon = client_for(None)
    rss = ET.fromstring(anon.get(reverse("public:feed_rss")).content)
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert "Практика: Клуб молодых педагогов" in titles
    assert any(t.startswith("Документ: ") and "Положение о Школе наставничества" in t for t in titles)
    assert not any("Черновое" in t or "Скрытая" in t for t in titles)
    atom = ET.fromstring(anon.get(reverse("public:feed_atom")).content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == len(titles)


def test_sitemap_lists_public_pages_practices_and_events(site):
    xml = ET.fromstring(client_for(None).get(reverse("public:sitemap")).content)
    locations = [e.text for e in xml.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    paths = {location.split("testserver", 1)[1] for location in locations}
    assert reverse("public:home") in paths and reverse("banks:showcase") in paths
    assert site["practice"].get_public_url() in paths
    assert reverse("public:event_detail", args=[site["event"].pk]) in paths
    assert len(paths) == 8  # six pages, one practice, one event: the cancelled and private ones are not there
    robots = client_for(None).get(reverse("public:robots")).content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots and "Disallow: /\n" in robots


def test_pages_are_cacheable_and_never_read_the_session(site, methodist):
    signed_in = client_for(methodist)
    for url in public_urls(site):
        response = signed_in.get(url)
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"], url
        assert "Cookie" not in response.get("Vary", ""), url
        assert not response.cookies, url
    assert signed_in.head(reverse("public:home")).status_code == 200  # link previews ask with HEAD
    page = signed_in.get(reverse("public:home")).content.decode()
    assert 'data-testid="menu"' not in page and "Суровцева" not in page  # the same page as for a guest


def test_pages_carry_open_graph_title_and_the_years_direction(site):
    page = client_for(None).get(reverse("public:roadmap")).content.decode()
    title = f"Дорожная карта на {site['year']} учебный год"
    assert f'<meta property="og:title" content="{title}">' in page
    assert '<meta property="og:url" content="http://testserver/school/roadmap/">' in page
    assert "Наставничество как ресурс профессионального роста молодого педагога" in page
    assert "Приказ МКУ «ИМЦ» от 28.08.2025 № 45-од" in page
    home = client_for(None).get(reverse("public:home")).content.decode()
    assert "Наставничество как ресурс" in home and 'property="og:description"' in home


def grow(site, school_a, times: int) -> None:
    """More of everything the pages list."""
    year = site["year"]
    for n in range(times):
        author = PersonFactory(organization=school_a)
        PublishedPracticeFactory(organization=school_a, year=year, authors=[author], is_best=True)
        NormativeDocumentFactory(is_public=True)
        EventFactory(year=year, starts_on=SOON + datetime.timedelta(days=n), is_public=True)
        make_roadmap_item(year, responsible_person=author)
        make_meeting(
            year,
            date=TODAY - datetime.timedelta(days=20 + n),
            agenda=[agenda_item(), agenda_item(topic=f"Вопрос {n}")],
            approved=True,
        )


def test_public_pages_make_a_fixed_number_of_queries(site, school_a):
    anon = client_for(None)
    urls = [url for url in public_urls(site) if "showcase" not in url]
    small = {url: count_queries(anon, url) for url in urls}
    grow(site, school_a, 4)
    large = {url: count_queries(anon, url) for url in urls}
    assert large == small
    assert small == {
        reverse("public:home"): 9,
        reverse("public:documents"): 1,
        reverse("public:roadmap"): 2,
        reverse("public:decisions"): 4,
        reverse("public:calendar"): 2,
        reverse("public:event_detail", args=[site["event"].pk]): 1,
        reverse("public:event_ics", args=[site["event"].pk]): 1,
        reverse("public:meeting_ics", args=[site["meeting"].pk]): 3,
        reverse("public:calendar_feed"): 3,
        reverse("public:feed_rss"): 2,
        reverse("public:feed_atom"): 2,
        reverse("public:sitemap"): 4,  # a count and a page for each list
    }


def test_the_school_head_set_by_the_methodologist_is_on_the_open_site(client, db, settings):
    from directory.models import DocumentRequisites
    from tests.factories import DistrictFactory

    settings.MSHN_CONTACT_PHONE = "+7 (42354) 2-11-00"
    requisites = DocumentRequisites.current(DistrictFactory().pk)  # the first district's: the open site's
    requisites.head_position, requisites.head_name = "Руководитель МШН", "О. А. Суровцева"
    requisites.save()
    page = client.get(reverse("public:home")).content.decode()
    assert "Руководитель МШН" in page and "О. А. Суровцева" in page and "+7 (42354) 2-11-00" in page
    assert "Электронная почта" not in page  # a line not set is left out
