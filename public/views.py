"""The open site of the school (no login): what the district's website links to.

Every view is a `core.public.public_page`: the same page for every visitor, cacheable, no session read.
Anything not public and approved is a 404, never a 403: the open site does not say what exists.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.files import file_response
from core.public import public_page
from directory.models import AcademicYear, DocumentRequisites
from public import calendar, selectors
from public.sitemaps import SITEMAPS


def contacts() -> list[tuple[str, str]]:
    """Whom visitors reach: the head of the school as the methodologist set it («Реквизиты документов»), the
    phone, e-mail and address from the settings (`MSHN_CONTACT_*`); a line not set is left out."""
    requisites = DocumentRequisites.current()
    lines = [
        (requisites.head_position, requisites.head_name),
        ("Телефон", settings.MSHN_CONTACT_PHONE),
        ("Электронная почта", settings.MSHN_CONTACT_EMAIL),
        ("Адрес", settings.MSHN_CONTACT_ADDRESS),
    ]
    return [(label, value) for label, value in lines if value]


def _page(request, template: str, section: str, title: str, description: str, **context):
    context.update(section=section, title=title, description=description)
    return render(request, f"public/{template}", context)


@require_safe
@public_page
def home(request):
    today = timezone.localdate()
    year = AcademicYear.objects.current()
    meetings = (
        selectors.approved_meetings().filter(year=year).order_by("-date", "-number")[:1] if year else []
    )
    return _page(
        request,
        "home.html",
        "home",
        settings.MSHN_ORGANIZATION_NAME,
        "Направление работы года, документы, дорожная карта, решения заседаний, календарь и лучшие "
        "практики наставничества района.",
        year=year,
        contacts=contacts(),
        events=list(selectors.coming_events(today)[: selectors.HOME_ROWS]),
        last_meeting=next(iter(meetings), None),
        documents=list(selectors.public_documents()[: selectors.HOME_ROWS]),
        practices=list(selectors.best_practices().filter(is_best=True)[: selectors.HOME_ROWS]),
    )


@require_safe
@public_page
def documents(request):
    return _page(
        request,
        "documents.html",
        "documents",
        "Нормативные документы",
        "Положение о Школе наставничества, распоряжение о её создании и другие документы.",
        documents=list(selectors.public_documents()),
    )


@require_safe
@public_page
def document_file(request, pk: int):
    document = get_object_or_404(selectors.public_documents(), pk=pk)
    if not document.file or not document.file.storage.exists(document.file.name):
        raise Http404
    return file_response(document.file, document.file_name or document.file.name.rsplit("/", 1)[-1])


@require_safe
@public_page
def roadmap(request):
    year = AcademicYear.objects.current()
    items = list(selectors.roadmap_of(year)) if year else []
    for item in items:
        item.public_responsible = selectors.public_responsible(item)
    return _page(
        request,
        "roadmap.html",
        "roadmap",
        f"Дорожная карта на {year} учебный год" if year else "Дорожная карта",
        "План работы муниципальной Школы наставничества на текущий учебный год.",
        year=year,
        items=items,
        today=timezone.localdate(),
    )


@require_safe
@public_page
def decisions(request, start_year: int | None = None):
    years = selectors.years_with_decisions()
    if start_year is None:
        year = AcademicYear.objects.current() or next(iter(years), None)
    else:
        year = next((found for found in years if found.start_year == start_year), None)
        if year is None:
            raise Http404
    meetings = list(selectors.approved_meetings().filter(year=year)) if year else []
    return _page(
        request,
        "decisions.html",
        "decisions",
        f"Решения заседаний МШН за {year} учебный год" if year else "Решения заседаний МШН",
        "Повестка и решения утверждённых протоколов заседаний Школы наставничества.",
        year=year,
        years=years,
        meetings=meetings,
    )


@require_safe
@public_page
def calendar_page(request):
    page = Paginator(selectors.coming_events(timezone.localdate()), settings.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return _page(
        request,
        "calendar.html",
        "calendar",
        "Календарь мероприятий",
        "Семинары, конкурсы, стажировки и консультации для педагогов района.",
        page_obj=page,
        paginator=page.paginator,
        is_paginated=page.has_other_pages(),
        events=page.object_list,
    )


@require_safe
@public_page
def event_detail(request, pk: int):
    event = get_object_or_404(selectors.public_events(), pk=pk)
    return _page(
        request,
        "event_detail.html",
        "calendar",
        event.title,
        f"{event.get_kind_display().capitalize()}, {event.starts_on:%d.%m.%Y}. {event.where}".strip(),
        event=event,
    )


@require_safe
@public_page
def event_ics(request, pk: int):
    event = get_object_or_404(selectors.public_events(), pk=pk)
    url = request.build_absolute_uri(reverse("public:event_detail", args=[pk]))
    entries = calendar.new_calendar(event.title)
    entries.add_component(calendar.event_component(event, url))
    return calendar.response(entries, f"event-{pk}.ics")


@require_safe
@public_page
def meeting_ics(request, pk: int):
    meeting = get_object_or_404(selectors.approved_meetings(), pk=pk)
    url = request.build_absolute_uri(reverse("public:decisions_of_year", args=[meeting.year.start_year]))
    entries = calendar.new_calendar(f"Заседание МШН № {meeting.number}")
    entries.add_component(calendar.meeting_component(meeting, f"{url}#meeting-{pk}"))
    return calendar.response(entries, f"meeting-{pk}.ics")


@require_safe
@public_page
def calendar_feed(request):
    events, meetings = selectors.calendar_entries(timezone.localdate())
    entries = calendar.new_calendar("МШН: мероприятия и заседания")
    for event in events:
        url = request.build_absolute_uri(reverse("public:event_detail", args=[event.pk]))
        entries.add_component(calendar.event_component(event, url))
    decisions_url = request.build_absolute_uri(reverse("public:decisions"))
    for meeting in meetings:
        entries.add_component(calendar.meeting_component(meeting, f"{decisions_url}#meeting-{meeting.pk}"))
    return calendar.response(entries, "mshn.ics")


@require_safe
@public_page
def sitemap(request):
    return sitemap_view(request, sitemaps=SITEMAPS)


ROBOTS = """User-agent: *
Allow: /school/
Allow: /banks/showcase/
Disallow: /
Sitemap: {sitemap}
"""


@require_safe
@public_page
def robots(request):
    text = ROBOTS.format(sitemap=request.build_absolute_uri(reverse("public:sitemap")))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
