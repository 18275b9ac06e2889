from __future__ import annotations

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Event, EventMaterial
from tests.events.factories import PDF, EventFactory, MaterialFactory, ParticipationFactory
from tests.events.helpers import event_post, participant
from tests.factories import AcademicYearFactory, OrganizationFactory, PersonFactory
from tests.helpers import count_queries, xlsx_rows

CREATE = reverse("events:event_create")


@pytest.fixture
def year(db):
    return AcademicYearFactory(start_year=2025)


def page_of(response) -> str:
    return response.content.decode()


def test_methodist_records_event_with_participants_and_results(as_methodist, year, school_a):
    winner, speaker = PersonFactory(organization=school_a), PersonFactory(organization=school_a)
    data = event_post(
        [participant(winner, "participant", "winner"), participant(speaker, "speaker")],
        kind="contest",
        title="Конкурс «Наставник года»",
        ends_on="17.10.2025",
    )
    response = as_methodist.post(CREATE, data)
    event = Event.objects.get(title="Конкурс «Наставник года»")
    assert response["Location"] == event.get_absolute_url()
    assert event.year == year and event.ends_on == datetime.date(2025, 10, 17)
    rows = set(event.participants.values_list("person_id", "role", "result"))
    assert rows == {(winner.pk, "participant", "winner"), (speaker.pk, "speaker", "none")}


def test_end_before_start_is_refused(as_methodist, year):
    response = as_methodist.post(CREATE, event_post(starts_on="15.10.2025", ends_on="14.10.2025"))
    assert "Дата окончания (14.10.2025) раньше даты начала (15.10.2025): исправьте даты." in page_of(response)
    assert not Event.objects.exists()


def test_chosen_year_must_contain_the_start(as_methodist, year):
    other = AcademicYearFactory(start_year=2024)
    response = as_methodist.post(CREATE, event_post(year=other.pk))
    assert "Дата начала 15.10.2025 не входит в учебный год 2024/2025" in page_of(response)
    assert not Event.objects.exists()


def test_missing_school_year_is_named(as_methodist, year):
    response = as_methodist.post(CREATE, event_post(starts_on="15.10.2030"))
    assert "Учебный год 2030/2031 (по дате 15.10.2030) ещё не заведён" in page_of(response)
    assert not Event.objects.exists()


def test_internship_needs_an_internship_site_or_base_school(as_methodist, year, school_a):
    data = event_post(kind="internship", organizer=school_a.pk)
    page = page_of(as_methodist.post(CREATE, data))
    assert "«Школа А» не отмечена в справочнике организаций ни как стажировочная площадка" in page
    assert not Event.objects.exists()
    school_a.is_internship_site = True
    school_a.save()
    as_methodist.post(CREATE, data)
    assert Event.objects.get().organizer == school_a


def test_internship_without_organiser_is_refused(as_methodist, year):
    page = page_of(as_methodist.post(CREATE, event_post(kind="internship")))
    assert "Стажировка проходит на стажировочной площадке или в базовой школе" in page
    assert not Event.objects.exists()


def test_kindergarten_consultation_needs_kindergarten_pedagogues(as_methodist, year, school_a):
    teacher = PersonFactory(organization=school_a)
    data = event_post([participant(teacher)], kind="kindergarten")
    page = page_of(as_methodist.post(CREATE, data))
    assert "Консультация для педагогов ДОУ: среди участников нет ни одного педагога детского сада." in page
    assert not Event.objects.exists()
    kindergarten = OrganizationFactory(kind="kindergarten", short_name="МБДОУ «Детский сад № 1»")
    carer = PersonFactory(organization=kindergarten, position="воспитатель")
    data = event_post([participant(teacher, "speaker"), participant(carer)], kind="kindergarten")
    as_methodist.post(CREATE, data)
    assert set(Event.objects.get().participants.values_list("person_id", flat=True)) == {teacher.pk, carer.pk}


def test_participant_added_twice_is_refused(as_methodist, year, school_a):
    person = PersonFactory(organization=school_a, last_name="Дубова", first_name="Нина")
    data = event_post([participant(person), participant(person, "speaker")])
    page = page_of(as_methodist.post(CREATE, data))
    assert f"«{person.full_name}» указан(а) в участниках дважды: оставьте одну строку." in page
    assert not Event.objects.exists()


def test_update_removes_a_participant_and_keeps_history(as_methodist, year, school_a):
    event = EventFactory(title="Семинар")
    kept, removed = ParticipationFactory(event=event), ParticipationFactory(event=event)
    url = reverse("events:event_update", args=[event.pk])
    form = as_methodist.get(url).context["form"]
    data = event_post(title="Семинар наставников")
    data.update(
        {
            "participants-TOTAL_FORMS": "2",
            "participants-INITIAL_FORMS": "2",
            "participants-0-id": kept.pk,
            **{f"participants-0-{k}": v for k, v in participant(kept.person).items()},
            "participants-1-id": removed.pk,
            **{f"participants-1-{k}": v for k, v in participant(removed.person).items()},
            "participants-1-DELETE": "on",
            "_loaded_version": form.initial["_loaded_version"],
        }
    )
    as_methodist.post(url, data)
    event.refresh_from_db()
    assert event.title == "Семинар наставников"
    assert list(event.participants.values_list("pk", flat=True)) == [kept.pk]
    page = page_of(as_methodist.get(event.get_absolute_url()))
    assert "История изменений" in page and "Семинар наставников" in page
    history = as_methodist.get(event.get_absolute_url()).context["history"]
    assert ("Участник", removed.person.full_name, "—") in [row for change in history for row in change.fields]


def test_material_file_is_checked_and_served_through_the_view(as_methodist, personas, year):
    disguised = SimpleUploadedFile("программа.pdf", b"MZ\x90\x00 executable")
    data = event_post(materials=[{"title": "Презентация", "file": disguised, "url": ""}])
    page = page_of(as_methodist.post(CREATE, data))
    assert "Файл «программа.pdf» — программа или сценарий; такие файлы не принимаются." in page
    assert not Event.objects.exists()

    pdf = SimpleUploadedFile("презентация.pdf", PDF)
    as_methodist.post(CREATE, event_post(materials=[{"title": "Презентация", "file": pdf, "url": ""}]))
    material = EventMaterial.objects.get()
    assert material.file_name == "презентация.pdf" and "презентация" not in material.file.name
    response = personas["coord_b"].get(reverse("events:material_file", args=[material.pk]))
    assert b"".join(response.streaming_content) == PDF
    assert personas["anon"].get(reverse("events:material_file", args=[material.pk])).status_code == 302


def test_material_needs_a_file_or_a_link(as_methodist, year):
    page = page_of(as_methodist.post(CREATE, event_post(materials=[{"title": "Программа", "url": ""}])))
    assert "Приложите файл или укажите ссылку на материал." in page
    assert not Event.objects.exists()


def test_department_cannot_write_events(as_department, year):
    assert as_department.post(CREATE, event_post()).status_code == 403
    assert not Event.objects.exists()


def test_coordinator_sees_names_of_own_people_only(school_a, school_b, coordinator_b, personas):
    event = EventFactory()
    ParticipationFactory(event=event, person=PersonFactory(organization=school_a, last_name="Чужакова"))
    ParticipationFactory(event=event, person=PersonFactory(organization=school_b, last_name="Своякова"))
    page = page_of(personas["coord_b"].get(event.get_absolute_url()))
    assert "Своякова" in page and "Чужакова" not in page
    assert "участник другой организации" in page
    assert "Чужакова" in page_of(personas["methodist"].get(event.get_absolute_url()))


def make_events(count: int) -> None:
    for _ in range(count):
        event = EventFactory(organizer=OrganizationFactory())
        ParticipationFactory(event=event, result="winner")
        ParticipationFactory(event=event)
        MaterialFactory(event=event)


def test_event_list_query_count_does_not_grow(as_methodist, year):
    make_events(2)
    small = count_queries(as_methodist, reverse("events:event_list"))
    make_events(8)
    assert count_queries(as_methodist, reverse("events:event_list")) == small == 6


def test_event_detail_query_count_does_not_grow(as_methodist, year):
    event = EventFactory(organizer=OrganizationFactory())
    ParticipationFactory(event=event)
    MaterialFactory(event=event)
    small = count_queries(as_methodist, event.get_absolute_url())
    for _ in range(6):
        ParticipationFactory(event=event)
        MaterialFactory(event=event)
    assert (
        count_queries(as_methodist, event.get_absolute_url()) == small == 9
    )  # with the participants' history: its rows and their names; the nominations' counts


def test_event_export_lists_filtered_events(as_department, year, school_a):
    contest = EventFactory(
        kind="contest", title="=Конкурс", organizer=school_a, ends_on=datetime.date(2025, 10, 16)
    )
    ParticipationFactory(event=contest, result="winner")
    ParticipationFactory(event=contest, result="prize_winner")
    ParticipationFactory(event=contest)
    EventFactory(kind="seminar", title="Семинар")
    rows = xlsx_rows(as_department.get(reverse("events:event_export") + "?kind=contest"))
    assert rows[0][:3] == ("Дата начала", "Дата окончания", "Название")
    assert rows[1:] == [
        (
            datetime.datetime(2025, 10, 15),
            datetime.datetime(2025, 10, 16),
            "=Конкурс",
            "конкурс",
            "2025/2026",
            "Школа А",
            "МБОУ «СОШ № 1 пгт Кировский», актовый зал",
            3,
            2,
        )
    ]


def test_methodist_deletes_an_event_with_its_participants_and_files(
    as_methodist, as_department, year, school_a, django_capture_on_commit_callbacks
):
    event = EventFactory(year=year)
    ParticipationFactory(event=event, person=PersonFactory(organization=school_a))
    material = MaterialFactory(event=event)
    stored = material.file.path
    url = reverse("events:event_delete", args=[event.pk])
    assert as_department.post(url).status_code == 403
    page = as_methodist.get(url).content.decode()
    assert "будут удалены безвозвратно" in page and 'value="Удалить"' in page
    with django_capture_on_commit_callbacks(execute=True):  # files go once the deletion commits
        response = as_methodist.post(url, follow=True)
    assert "Мероприятие удалено вместе с участниками и материалами." in response.content.decode()
    assert not Event.objects.filter(pk=event.pk).exists()
    assert not EventMaterial.objects.exists() and not os.path.exists(stored)


def test_kindergarten_consultation_of_the_speaker_alone_is_refused_once(as_methodist, year, school_a):
    speaker = PersonFactory(organization=school_a)
    page = page_of(
        as_methodist.post(CREATE, event_post([participant(speaker, "speaker")], kind="kindergarten"))
    )
    assert (
        page.count("Консультация для педагогов ДОУ: среди участников нет ни одного педагога детского сада.")
        == 1
    )
    assert not Event.objects.exists()
