from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from events.models import Interaction, Partner
from tests.events.factories import EventFactory, InteractionFactory, PartnerFactory
from tests.factories import AcademicYearFactory
from tests.helpers import count_queries, xlsx_rows


@pytest.fixture
def year(db):
    return AcademicYearFactory(start_year=2025)


def test_methodist_adds_partner_and_interaction(as_methodist, year):
    as_methodist.post(
        reverse("events:partner_create"),
        {"name": "ГАУ ДПО ПК ИРО", "kind": "methodological", "contact_person": "Белова И. О."},
    )
    partner = Partner.objects.get()
    event = EventFactory(title="Встреча с ПК ИРО")
    data = {
        "date": "12.11.2025",
        "kind": "meeting",
        "topic": "План сопровождения наставников",
        "result": "План согласован",
        "event": event.pk,
    }
    response = as_methodist.post(reverse("events:interaction_create", args=[partner.pk]), data)
    assert response["Location"] == partner.get_absolute_url()
    interaction = Interaction.objects.get()
    assert (interaction.partner, interaction.event, interaction.date) == (
        partner,
        event,
        datetime.date(2025, 11, 12),
    )
    page = as_methodist.get(partner.get_absolute_url()).content.decode()
    assert "План сопровождения наставников" in page and "Встреча с ПК ИРО" in page


def test_partner_name_is_unique_with_a_russian_message(as_methodist):
    PartnerFactory(name="ПК ИРО")
    page = as_methodist.post(
        reverse("events:partner_create"), {"name": "ПК ИРО", "kind": "other"}
    ).content.decode()
    assert "Партнёр с таким наименованием уже есть." in page
    assert Partner.objects.count() == 1


def test_coordinator_and_department_read_partners_but_cannot_write(personas):
    partner = PartnerFactory()
    for persona in ("coord_a", "department"):
        client = personas[persona]
        assert partner.name in client.get(partner.get_absolute_url()).content.decode()
        url = reverse("events:interaction_create", args=[partner.pk])
        assert client.post(url, {"date": "12.11.2025", "kind": "meeting", "topic": "x"}).status_code == 403
    assert not Interaction.objects.exists()


def test_interaction_edit_is_in_its_history(as_methodist, year):
    interaction = InteractionFactory(topic="Консультация")
    url = reverse("events:interaction_update", args=[interaction.pk])
    version = as_methodist.get(url).context["form"].initial["_loaded_version"]
    data = {"date": "12.11.2025", "kind": "consultation", "topic": "Консультация по мониторингу"}
    as_methodist.post(url, {**data, "_loaded_version": version})
    history = as_methodist.get(interaction.get_absolute_url()).context["history"]
    assert ("тема", "Консультация", "Консультация по мониторингу") in history[0].fields


def make_partners(count: int) -> None:
    for _ in range(count):
        partner = PartnerFactory()
        InteractionFactory(partner=partner)
        InteractionFactory(partner=partner, date=datetime.date(2026, 2, 3))


def test_partner_list_query_count_does_not_grow(as_methodist, year):
    make_partners(2)
    small = count_queries(as_methodist, reverse("events:partner_list"))
    make_partners(8)
    assert count_queries(as_methodist, reverse("events:partner_list")) == small == 4


def test_partner_detail_query_count_does_not_grow(as_methodist, year):
    partner = PartnerFactory()
    InteractionFactory(partner=partner, event=EventFactory())
    small = count_queries(as_methodist, partner.get_absolute_url())
    for _ in range(5):
        InteractionFactory(partner=partner, event=EventFactory())
    assert count_queries(as_methodist, partner.get_absolute_url()) == small == 5


def test_partner_export_counts_interactions(as_department, year):
    make_partners(1)
    partner = Partner.objects.get()
    rows = xlsx_rows(as_department.get(reverse("events:partner_export")))
    assert rows[1] == (
        partner.name,
        "методический центр",
        None,
        "Белова Ирина Олеговна",
        2,
        datetime.datetime(2026, 2, 3),
    )
