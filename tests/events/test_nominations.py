"""Coordinators nominate their people for an event; the methodologist confirms or declines (issue 21)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, Nomination, NominationStatus, Participation
from home.attention import attention_for
from tests.events.factories import EventFactory, NominationFactory, ParticipationFactory
from tests.events.helpers import event_post
from tests.factories import AcademicYearFactory, PersonFactory
from tests.helpers import count_queries, xlsx_rows


@pytest.fixture
def event(db):
    today = timezone.localdate()
    year = AcademicYearFactory(start_year=today.year if today.month >= 9 else today.year - 1)
    return EventFactory(year=year, starts_on=today + datetime.timedelta(days=10), title="Семинар молодых")


@pytest.fixture
def people_a(school_a):
    return [
        PersonFactory(organization=school_a, last_name=name, first_name="Анна", middle_name="Ивановна")
        for name in ("Андреева", "Борисова", "Волкова")
    ]


def nominated(event, people, coordinator):
    return services.nominate(event, people, user=coordinator)


def test_nominate_records_the_coordinators_organisation(event, people_a, coordinator_a):
    made = nominated(event, people_a[:2], coordinator_a)
    assert {(n.person_id, n.organization_id, n.status, n.nominated_by_id) for n in made} == {
        (p.pk, coordinator_a.organization_id, NominationStatus.NOMINATED, coordinator_a.pk)
        for p in people_a[:2]
    }


def test_nominating_someone_twice_is_refused_by_name(event, people_a, coordinator_a):
    nominated(event, people_a[:1], coordinator_a)
    ParticipationFactory(event=event, person=people_a[1])
    with pytest.raises(ValidationError) as error:
        nominated(event, people_a, coordinator_a)
    assert "Андреева" in str(error.value) and "Борисова" in str(error.value)
    assert Nomination.objects.count() == 1


def test_registration_closes_at_its_day_or_the_start(event, people_a, coordinator_a):
    event.nominations_until = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="Приём заявок на мероприятие закрыт"):
        nominated(event, people_a[:1], coordinator_a)
    event.nominations_until, event.is_cancelled = None, True
    with pytest.raises(ValidationError, match="отменено"):
        nominated(event, people_a[:1], coordinator_a)


def test_confirm_makes_participants_and_records_the_step(event, people_a, coordinator_a, methodist):
    made = nominated(event, people_a, coordinator_a)
    assert services.confirm_nominations(made[:2], user=methodist, reason="Ждём") == 2
    assert set(Participation.objects.filter(event=event).values_list("person_id", flat=True)) == {
        p.pk for p in people_a[:2]
    }
    step = made[0].transitions.get()
    assert (step.from_status, step.to_status, step.by, step.comment) == (
        "nominated",
        "confirmed",
        methodist,
        "Ждём",
    )


def test_decline_keeps_the_reason_and_adds_no_participant(event, people_a, coordinator_a, methodist):
    [made] = nominated(event, people_a[:1], coordinator_a)
    services.decline_nominations([made], user=methodist, reason="Группа укомплектована")
    made.refresh_from_db()
    assert (made.status, made.reason) == ("declined", "Группа укомплектована")
    assert not Participation.objects.exists()
    with pytest.raises(ValidationError, match="«отклонён» нельзя подтвердить"):
        services.confirm_nominations([made], user=methodist)


def test_decision_mails_each_coordinator_once(
    event, people_a, coordinator_a, methodist, django_capture_on_commit_callbacks
):
    coordinator_a.email = "kurator@school.ru"
    coordinator_a.save()
    made = nominated(event, people_a[:2], coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_nominations(made, user=methodist, reason="Мест нет", notify=True)
    [message] = mail.outbox
    assert (
        message.to == ["kurator@school.ru"]
        and message.subject == "МШН: решение по заявкам на «Семинар молодых»"
    )
    assert "Андреева" in message.body and "отклонён (Мест нет)" in message.body


def test_coordinator_nominates_several_from_own_organisation(event, people_a, school_b, personas):
    outsider = PersonFactory(organization=school_b)
    url = reverse("events:nominate", args=[event.pk])
    response = personas["coord_a"].post(url, {"people": [people_a[0].pk, outsider.pk]})
    assert "people" in response.context["form"].errors  # another organisation's person is not a choice
    response = personas["coord_a"].post(url, {"people": [p.pk for p in people_a[:2]]})
    assert response.status_code == 302
    assert Nomination.objects.filter(event=event).count() == 2


def test_coordinator_sees_only_own_nominations(event, people_a, school_b, coordinator_b, personas):
    NominationFactory(event=event, person=people_a[0])
    NominationFactory(event=event, person=PersonFactory(organization=school_b, last_name="Чужая"))
    page = personas["coord_a"].get(reverse("events:event_nominations", args=[event.pk])).content.decode()
    assert "Андреева" in page and "Чужая" not in page
    page = personas["methodist"].get(reverse("events:event_nominations", args=[event.pk])).content.decode()
    assert "Андреева" in page and "Чужая" in page


def test_methodist_confirms_one_and_declines_all_others(event, people_a, coordinator_a, personas):
    made = nominated(event, people_a, coordinator_a)
    confirm = reverse("events:nominations_confirm", args=[event.pk])
    personas["methodist"].post(confirm, {"nominations": [made[0].pk], "reason": ""})
    decline = reverse("events:nominations_decline", args=[event.pk])
    response = personas["methodist"].post(
        decline, {"nominations": [n.pk for n in made[1:]], "reason": "Позже"}
    )
    assert response.status_code == 302
    states = dict(Nomination.objects.values_list("person__last_name", "status"))
    assert states == {"Андреева": "confirmed", "Борисова": "declined", "Волкова": "declined"}


def test_decision_without_a_ticked_nomination_keeps_the_reason(event, people_a, coordinator_a, personas):
    nominated(event, people_a[:1], coordinator_a)
    response = personas["methodist"].post(
        reverse("events:nominations_confirm", args=[event.pk]), {"reason": "Напишу позже"}
    )
    page = response.content.decode()
    assert "Отметьте хотя бы одну заявку." in page and "Напишу позже" in page


def test_coordinator_withdraws_own_pending_nomination(event, people_a, coordinator_a, personas):
    [made] = nominated(event, people_a[:1], coordinator_a)
    response = personas["coord_a"].post(reverse("events:nomination_withdraw", args=[made.pk]))
    assert response.status_code == 302 and not Nomination.objects.exists()


def test_attention_lists_pending_nominations_for_the_methodist(event, people_a, coordinator_a, methodist):
    made = nominated(event, people_a, coordinator_a)
    services.confirm_nominations(made[:1], user=methodist)
    [pending] = [c for c in attention_for(methodist) if c.key == "nominations_pending"]
    assert pending.count == 2
    assert [line.label for line in pending.lines] == [
        "Борисова Анна Ивановна (Школа А)",
        "Волкова Анна Ивановна (Школа А)",
    ]
    assert not [c for c in attention_for(coordinator_a) if c.key == "nominations_pending"]


def make_nominations(event, school, count):
    for _number in range(count):
        NominationFactory(event=event, person=PersonFactory(organization=school))


def test_nomination_list_query_count_does_not_grow(event, school_a, personas):
    make_nominations(event, school_a, 2)
    small = count_queries(personas["methodist"], reverse("events:nomination_list"))
    make_nominations(EventFactory(year=event.year), school_a, 12)
    assert count_queries(personas["methodist"], reverse("events:nomination_list")) == small == 5


def test_event_nominations_page_query_count_does_not_grow(event, school_a, methodist, personas):
    make_nominations(event, school_a, 2)
    url = reverse("events:event_nominations", args=[event.pk])
    small = count_queries(personas["methodist"], url)
    make_nominations(event, school_a, 10)
    services.confirm_nominations(list(event.nominations.all()[:5]), user=methodist)
    assert count_queries(personas["methodist"], url) == small


def test_nomination_export_is_scoped(event, school_a, school_b, personas):
    make_nominations(event, school_a, 2)
    make_nominations(event, school_b, 1)
    rows = xlsx_rows(personas["coord_b"].get(reverse("events:nomination_export")))
    assert [row[3] for row in rows[1:]] == ["Школа Б"]


def test_event_form_keeps_registration_before_the_start(personas):
    AcademicYearFactory(start_year=2025)
    url = reverse("events:event_create")
    response = personas["methodist"].post(url, event_post(nominations_until="20.10.2025"))
    assert "Приём заявок (до 20.10.2025) заканчивается не позже начала мероприятия (15.10.2025)." in (
        response.content.decode()
    )
    personas["methodist"].post(url, event_post(nominations_until="08.10.2025"))
    assert Event.objects.get().nominations_close_on == datetime.date(2025, 10, 8)
