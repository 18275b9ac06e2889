from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from banks import services
from banks.models import MentoringProgram, ProgramTemplate, TemplateActivity
from directory.models import MentoringForm
from registry.models import Activity
from tests.banks.factories import MentoringProgramFactory, ProgramTemplateFactory, pdf_upload
from tests.factories import MenteeFactory, MentorFactory, PairFactory
from tests.helpers import count_queries, xlsx_rows


@pytest.fixture
def pair_a(school_a):
    mentor = MentorFactory(person__organization=school_a)
    mentee = MenteeFactory(person__organization=school_a)
    return PairFactory(mentor=mentor, mentees=[mentee], started_on=datetime.date(2025, 9, 15))


def program_data(**extra) -> dict:
    return {
        "title": "Программа наставничества «Вместе»",
        "forms": [MentoringForm.objects.get(name="педагог – педагог").pk],
        "starts_on": "01.09.2024",
        "ends_on": "31.08.2027",
        "order_number": "45-од",
        "order_date": "25.08.2024",
        "status": "active",
        **extra,
    }


def test_coordinator_creates_program_with_document_in_own_school(as_coordinator_a, school_a, school_b):
    data = program_data(organization=school_b.pk, document=pdf_upload("программа.pdf"))
    response = as_coordinator_a.post(reverse("banks:program_create"), data)
    program = MentoringProgram.objects.get()
    assert response["Location"] == program.get_absolute_url()
    assert program.organization == school_a and program.order == "№ 45-од от 25.08.2024"
    assert program.document_name == "программа.pdf" and program.document.storage.exists(program.document.name)
    served = as_coordinator_a.get(reverse("banks:program_document", args=[program.pk]))
    assert b"".join(served.streaming_content).startswith(b"%PDF")


def test_program_document_disguised_executable_refused(as_methodist, school_a):
    exe = SimpleUploadedFile("программа.docx", b"\x7fELF" + b"\0" * 100)
    response = as_methodist.post(
        reverse("banks:program_create"), program_data(organization=school_a.pk, document=exe)
    )
    assert "программа или сценарий" in response.content.decode()
    assert not MentoringProgram.objects.exists()


def test_program_end_before_start_refused(as_methodist, school_a):
    response = as_methodist.post(
        reverse("banks:program_create"), program_data(organization=school_a.pk, ends_on="01.01.2024")
    )
    assert "Окончание не может быть раньше начала (01.09.2024)" in response.content.decode()


def test_replacing_document_removes_old_file(as_methodist, school_a, django_capture_on_commit_callbacks):
    program = MentoringProgramFactory(organization=school_a, document=pdf_upload("старая.pdf"))
    old_name, storage = program.document.name, program.document.storage
    data = program_data(organization=school_a.pk, document=pdf_upload("новая.pdf"))
    data["_loaded_version"] = program.updated_at.isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        as_methodist.post(reverse("banks:program_update", args=[program.pk]), data)
    program.refresh_from_db()
    assert program.document_name == "новая.pdf" and not storage.exists(old_name)


def test_replaced_document_stays_when_the_change_rolls_back(school_a):
    """The old file goes only after commit: a replacement whose transaction fails keeps it."""
    program = MentoringProgramFactory(organization=school_a, document=pdf_upload("старая.pdf"))
    old_name, storage = program.document.name, program.document.storage
    with pytest.raises(IntegrityError), transaction.atomic():
        program.document = pdf_upload("новая.pdf")
        program.save()
        MentoringProgram.objects.create(organization=None)  # fails: the transaction rolls back
    assert storage.exists(old_name)
    program.refresh_from_db()
    assert program.document.name == old_name


def test_deleting_program_removes_document(as_coordinator_a, school_a, django_capture_on_commit_callbacks):
    program = MentoringProgramFactory(organization=school_a, document=pdf_upload())
    name, storage = program.document.name, program.document.storage
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator_a.post(reverse("banks:program_delete", args=[program.pk]))
    assert not MentoringProgram.objects.exists() and not storage.exists(name)


def test_department_cannot_change_program(as_department, school_a):
    program = MentoringProgramFactory(organization=school_a)
    response = as_department.post(reverse("banks:program_update", args=[program.pk]), program_data())
    assert response.status_code == 403
    program.refresh_from_db()
    assert program.title != "Программа наставничества «Вместе»"


def test_template_saved_from_lines(as_coordinator_a, school_a):
    program = MentoringProgramFactory(organization=school_a)
    data = {
        "title": "Адаптация",
        "goals": "Освоиться",
        "activities_text": "7; Знакомство\n\n30; Открытый урок\n",
    }
    response = as_coordinator_a.post(reverse("banks:template_create", args=[program.pk]), data)
    template = ProgramTemplate.objects.get()
    assert response["Location"] == template.get_absolute_url() and template.program == program
    assert list(template.activities.values_list("position", "offset_days", "title")) == [
        (1, 7, "Знакомство"),
        (2, 30, "Открытый урок"),
    ]


def test_template_bad_line_is_explained(as_methodist, school_a):
    program = MentoringProgramFactory(organization=school_a)
    data = {"title": "Адаптация", "activities_text": "7; Знакомство\nчерез месяц открытый урок"}
    response = as_methodist.post(reverse("banks:template_create", args=[program.pk]), data)
    assert "Строка 2: напишите число дней от начала" in response.content.decode()
    assert not TemplateActivity.objects.exists()


def test_apply_template_dates_count_from_pair_start(methodist, school_a, pair_a):
    template = ProgramTemplateFactory(program__organization=school_a)
    program = services.apply_template(template, pair_a, methodist)
    assert (
        program.goals == "Освоиться в профессии"
        and program.expected_results == "Самостоятельно проводит уроки"
    )
    assert list(program.activities.values_list("position", "title", "due_on", "status")) == [
        (1, "Знакомство и план", datetime.date(2025, 9, 22), "planned"),
        (2, "Открытый урок", datetime.date(2025, 10, 15), "planned"),
    ]


def test_apply_template_refuses_over_existing_activities_unless_confirmed(methodist, school_a, pair_a):
    Activity.objects.create(program=pair_a.program, title="Своё мероприятие")
    template = ProgramTemplateFactory(program__organization=school_a)
    with pytest.raises(ValidationError, match=r"уже есть мероприятия \(1\)"):
        services.apply_template(template, pair_a, methodist)
    assert list(pair_a.program.activities.values_list("title", flat=True)) == ["Своё мероприятие"]
    services.apply_template(template, pair_a, methodist, replace=True)
    assert list(pair_a.program.activities.values_list("title", flat=True)) == [
        "Знакомство и план",
        "Открытый урок",
    ]


def test_apply_template_page_shows_refusal_then_replaces(as_coordinator_a, school_a, pair_a):
    Activity.objects.create(program=pair_a.program, title="Своё мероприятие")
    template = ProgramTemplateFactory(program__organization=school_a)
    url = reverse("banks:apply_template", args=[pair_a.pk])
    page = as_coordinator_a.post(url, {"template": template.pk}).content.decode()
    assert "В программе пары уже есть мероприятия (1)" in page
    response = as_coordinator_a.post(url, {"template": template.pk, "replace": "on"})
    assert response["Location"] == pair_a.get_absolute_url()
    assert pair_a.program.activities.count() == 2


def test_pair_page_links_to_apply_template(as_coordinator_a, pair_a):
    page = as_coordinator_a.get(pair_a.get_absolute_url()).content.decode()
    assert reverse("banks:apply_template", args=[pair_a.pk]) in page


def test_other_school_cannot_apply_template_to_pair(personas, school_a, pair_a):
    template = ProgramTemplateFactory(program__organization=school_a)
    response = personas["coord_b"].post(
        reverse("banks:apply_template", args=[pair_a.pk]), {"template": template.pk}
    )
    assert response.status_code == 404
    assert not pair_a.program.activities.exists()


def test_program_export_parses_back(as_methodist, school_a):
    program = MentoringProgramFactory(organization=school_a, title="Вместе")
    ProgramTemplateFactory(program=program)
    rows = xlsx_rows(as_methodist.get(reverse("banks:program_export")))
    assert rows[0] == (
        "Название",
        "Организация",
        "Формы наставничества",
        "Действует с",
        "Действует по",
        "Приказ об утверждении",
        "Статус",
        "Шаблонов программ",
    )
    assert rows[1][:3] == ("Вместе", "Школа А", "педагог – педагог")
    assert rows[1][3].date() == datetime.date(2024, 9, 1) and rows[1][5:] == (
        "№ 12-од от 25.08.2024",
        "действует",
        1,
    )


def test_program_list_query_count_is_fixed(as_methodist, school_a):
    MentoringProgramFactory.create_batch(2, organization=school_a)
    small = count_queries(as_methodist, reverse("banks:program_list"))
    for program in MentoringProgramFactory.create_batch(10, organization=school_a):
        ProgramTemplateFactory(program=program)
    assert count_queries(as_methodist, reverse("banks:program_list")) == small
