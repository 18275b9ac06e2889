"""Meetings, agenda items and roadmap items for the tests; numbers come from the service, as in the app."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from directory.models import start_year_of
from meetings import services
from meetings.models import AgendaItem, Attachment, Meeting, PlanDirection, PlanItem, RoadmapItem, SupportPlan
from tests.factories import AcademicYearFactory, DistrictFactory, PersonFactory


def chair_person(organization=None):
    return (
        PersonFactory(
            last_name="Суровцева", first_name="Ольга", middle_name="Алексеевна", organization=organization
        )
        if organization
        else PersonFactory(last_name="Суровцева", first_name="Ольга", middle_name="Алексеевна")
    )


def make_meeting(
    year=None,
    *,
    date=datetime.date(2025, 10, 15),
    chair=None,
    secretary=None,
    present=(),
    agenda=(),
    approved=False,
    user=None,
    **fields,
) -> Meeting:
    """A meeting with its chair and secretary present; `agenda` is a list of dicts of AgendaItem fields."""
    year = year or AcademicYearFactory(start_year=2025)
    chair = chair or chair_person()
    secretary = secretary or PersonFactory(last_name="Секретарёва", first_name="Анна", middle_name="Ивановна")
    meeting = Meeting(year=year, date=date, chair=chair, secretary=secretary, place="МКУ «ЦОМОУ»", **fields)
    services.create_meeting(meeting, {chair, secretary, *present})
    for position, item in enumerate(agenda, start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, **item)
    if approved:
        services.approve_meeting(meeting, user=user)
        meeting.refresh_from_db()
    return meeting


def agenda_item(
    topic="Об утверждении дорожной карты", decisions="Утвердить дорожную карту.", **fields
) -> dict:
    return {
        "topic": topic,
        "speakers": "О.А. Суровцева",
        "heard": "о проекте дорожной карты",
        "decisions": decisions,
        **fields,
    }


def make_roadmap_item(year=None, **fields) -> RoadmapItem:
    year = year or AcademicYearFactory(start_year=2025)
    defaults = {
        "activity": "Семинар для наставников",
        "stage": "Методическое сопровождение",
        "due_on": datetime.date(2025, 11, 20),
        "responsible_text": "Кураторы ОО",
        "expected_result": "Материалы семинара",
    }
    defaults.update(fields)
    if not defaults.get("position"):
        defaults["position"] = services.next_roadmap_position(year, DistrictFactory().pk)
    return RoadmapItem.objects.create(year=year, **defaults)


def meetings_data(school_a, school_b) -> dict:
    """Objects of meetings for the permission rows: a draft meeting with a file and a decision."""
    year = AcademicYearFactory(start_year=2025)
    meeting = make_meeting(year, chair=chair_person(school_a), agenda=[agenda_item()])
    attachment = Attachment.objects.create(
        meeting=meeting,
        title="Презентация",
        original_name="презентация.pdf",
        file=ContentFile(b"%PDF-1.4 test", name="presentation.pdf"),
    )
    item = make_roadmap_item(year)
    item.evidence_file.save("evidence.pdf", ContentFile(b"%PDF-1.4 evidence"))
    plan = make_plan()
    return {
        "current_year": AcademicYearFactory(start_year=start_year_of(timezone.localdate())),
        "plan": plan,
        "plan_direction": plan.directions.get(),
        "plan_item": PlanItem.objects.get(direction__plan=plan),
        "meeting": meeting,
        "agenda_item": meeting.agenda.get(),
        "meeting_attachment": attachment,
        "roadmap_item": item,
    }


def make_plan(from_year=2024, to_year=2027, items=(("Семинары для наставников", 2024, 2026),)) -> SupportPlan:
    """A plan with one direction and its items: (activity, first school year, last school year)."""
    plan = SupportPlan.objects.create(
        from_year=from_year, to_year=to_year, basis="распоряжение от 05.04.2024 № 125, п. 4.1"
    )
    direction = PlanDirection.objects.create(
        plan=plan, position=1, title="Повышение мастерства наставников", goal="Наставники обучены"
    )
    for position, (activity, first, last) in enumerate(items, start=1):
        PlanItem.objects.create(
            direction=direction,
            position=position,
            activity=activity,
            expected_result="Материалы семинаров",
            first_year=first,
            last_year=last,
        )
    return plan
