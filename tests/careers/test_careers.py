"""Moves between organisations, the agreement of art. 351.8 and its three working days, drafts of
documents read back, справки and their public verification page."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from careers.calendar import add_working_days, earliest_early_end, is_working_day
from careers.models import Certificate, EmploymentPeriod, LeaveReason
from careers.services import issue_certificate, transfer_person
from events.models import Participation
from registry.models import PairStatus
from registry.services import change_pair_status
from tests.careers.factories import agreement_for, certificate_for
from tests.events.factories import EventFactory, TrainingFactory
from tests.factories import AcademicYearFactory, MenteeFactory, MentorFactory, PairFactory, PersonFactory
from tests.helpers import count_queries, xlsx_rows

D = datetime.date


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content)
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


# The calendar of working days ----------------------------------------------------------------------------


def test_three_working_days_skip_the_new_year_holidays():
    # Notice on Monday 29.12.2025: 30.12 works, 31.12.2025 and 1–11.01.2026 are days off.
    assert earliest_early_end(D(2025, 12, 29)) == D(2026, 1, 13)
    assert add_working_days(D(2025, 12, 30), 1) == D(2026, 1, 12)


def test_working_saturday_and_moved_holiday_are_known():
    assert is_working_day(D(2025, 11, 1))  # a Saturday worked instead of Monday 03.11.2025
    assert not is_working_day(D(2025, 11, 3))
    assert not is_working_day(D(2026, 3, 9))  # 8 March 2026 is a Sunday
    assert earliest_early_end(D(2026, 3, 5)) == D(2026, 3, 11)  # Fri 6; weekend and Mon 9 off; Tue 10, Wed 11


def test_early_end_within_three_working_days_is_refused(personas, school_a):
    pair = PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=[MenteeFactory()])
    agreement_for(pair)
    url = reverse("careers:early_end", args=[pair.pk])
    data = {"ended_by": "mentor", "notice_on": "29.12.2025", "ended_early_on": "12.01.2026"}
    response = personas["coord_a"].post(url, data)
    assert "не раньше 13.01.2026" in response.content.decode()
    pair.agreement.refresh_from_db()
    assert pair.agreement.ended_early_on is None
    response = personas["coord_a"].post(url, {**data, "ended_early_on": "13.01.2026"})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert (pair.status, pair.ended_on) == (PairStatus.TERMINATED, D(2026, 1, 13))


# Moves --------------------------------------------------------------------------------------------------


def test_coordinator_transfers_a_pedagogue_and_pairs_keep_their_school(personas, school_a, school_b):
    person = PersonFactory(organization=school_a, experience_start=D(2023, 9, 1))
    pair = PairFactory(mentor=MentorFactory(person=person), mentees=[MenteeFactory()])
    url = reverse("careers:transfer", args=[person.pk])
    response = personas["coord_a"].post(
        url, {"organization": school_b.pk, "on": "01.02.2026", "position": ""}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    pair.refresh_from_db()
    assert person.organization == school_b and pair.organization == school_a
    periods = list(
        person.employment.order_by("started_on").values_list("organization", "started_on", "ended_on")
    )
    assert periods == [(school_a.pk, D(2023, 9, 1), D(2026, 1, 31)), (school_b.pk, D(2026, 2, 1), None)]
    # School A's coordinator still sees the period the pedagogue worked there, and only that one.
    page = personas["coord_a"].get(reverse("careers:person_career", args=[person.pk])).content.decode()
    assert "31.01.2026" in page and "Школа Б" not in page
    assert personas["coord_a"].get(reverse("registry:person_detail", args=[person.pk])).status_code == 404


def test_dismissal_closes_the_period(personas, school_a):
    person = PersonFactory(organization=school_a, experience_start=D(2024, 9, 2))
    response = personas["methodist"].post(
        reverse("careers:dismiss", args=[person.pk]), {"on": "30.06.2026", "note": "переезд"}
    )
    assert response.status_code == 302
    period = EmploymentPeriod.objects.get(person=person)
    assert (period.ended_on, period.leave_reason) == (D(2026, 6, 30), LeaveReason.LEFT)


def test_move_is_refused_to_department_and_other_school(personas, school_a, school_b):
    person = PersonFactory(organization=school_a)
    url = reverse("careers:transfer", args=[person.pk])
    data = {"organization": school_b.pk, "on": "01.02.2026"}
    assert personas["department"].post(url, data).status_code == 403
    assert personas["coord_b"].post(url, data).status_code == 404
    assert not EmploymentPeriod.objects.exists()


def test_staff_list_queries_do_not_grow(personas, school_a, school_b):
    def add(n):
        for _ in range(n):
            person = PersonFactory(organization=school_a, experience_start=D(2022, 9, 1))
            transfer_person(person, school_b, on=D(2025, 9, 1))

    add(2)
    url = reverse("careers:staff")
    first = count_queries(personas["coord_a"], url)
    add(8)
    assert count_queries(personas["coord_a"], url) == first
    rows = xlsx_rows(personas["coord_a"].get(reverse("careers:staff_export")))
    assert len(rows) == 11 and {row[1] for row in rows[1:]} == {"Школа А"}


# The agreement gate --------------------------------------------------------------------------------------


def test_pair_cannot_become_active_without_agreement_where_required(school_a, methodist):
    school_a.requires_mentor_agreement = True
    school_a.save()
    pair = PairFactory(
        mentor=MentorFactory(person__organization=school_a), mentees=[MenteeFactory()], status="forming"
    )
    with pytest.raises(ValidationError, match="351.8"):
        change_pair_status(pair, PairStatus.ACTIVE, user=methodist, reason="старт")
    agreement_for(pair)
    change_pair_status(pair, PairStatus.ACTIVE, user=methodist, reason="старт")
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE


def test_missing_agreements_list_shows_open_pedagogue_pairs_without_one(personas, school_a):
    without = PairFactory(
        mentor=MentorFactory(person__organization=school_a, person__last_name="Безсоглашения")
    )
    agreement_for(
        PairFactory(mentor=MentorFactory(person__organization=school_a, person__last_name="Соглашенцева"))
    )
    page = personas["coord_a"].get(reverse("careers:missing_agreements")).content.decode()
    assert without.mentor.person.last_name in page and "Соглашенцева" not in page


# Drafts of documents, read back ------------------------------------------------------------------------------


def test_supplementary_agreement_pdf_states_the_terms(personas, signed_pair):
    pair, agreement = signed_pair
    text = pdf_text(personas["coord_a"].get(reverse("careers:agreement_document", args=[pair.pk])))
    for expected in ("ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ", "№ 12", "03.09.2025", "от 01.09.2025", "Опытнова",
                     "Молодцова", "доплата 3 000 руб. в месяц", "15.09.2025 по 31.05.2026", "три рабочих дня"):  # fmt: skip
        assert expected in text, expected


def test_early_end_order_pdf(personas, signed_pair):
    pair, _agreement = signed_pair
    text = pdf_text(personas["coord_a"].get(reverse("careers:early_end_order", args=[pair.pk])))
    assert "О досрочном прекращении наставничества" in text
    assert "с 09.02.2026" in text and "решения работодателя" in text and "02.02.2026" in text
    assert "обязанностей наставника Опытновой Дарьи Александровны по" in text


def test_assignment_order_lists_the_pairs_of_the_period(personas, signed_pair, school_a):
    PairFactory(mentor=MentorFactory(person__organization=school_a, person__last_name="Позднева"),
                started_on=D(2026, 3, 1))  # fmt: skip
    query = {"organization": school_a.pk, "start": "01.09.2025", "end": "31.12.2025"}
    response = personas["coord_a"].get(reverse("careers:assignment_order"), query)
    text = pdf_text(response)
    assert "О закреплении наставников и наставляемых" in text
    assert "Опытнова" in text and "Молодцова" in text and "Позднева" not in text
    assert "О. С. Кирова" in text and "Л. В. Руднева" in text


def test_contest_order_lists_winners_a_coordinator_may_see(personas, school_a, school_b):
    event = EventFactory(kind="contest", title="Педагогический дебют")
    Participation.objects.create(event=event, person=PersonFactory(organization=school_a, last_name="Победова"),
                                 result="winner")  # fmt: skip
    Participation.objects.create(event=event, person=PersonFactory(organization=school_b, last_name="Чужова"),
                                 result="prize_winner")  # fmt: skip
    url = reverse("careers:contest_order", args=[event.pk])
    methodist_text = pdf_text(personas["methodist"].get(url))
    assert "Об итогах мероприятия «Педагогический дебют»" in methodist_text
    assert "Победова" in methodist_text and "Чужова" in methodist_text and "призёр" in methodist_text
    coordinator_text = pdf_text(personas["coord_a"].get(url))
    assert "Победова" in coordinator_text and "Чужова" not in coordinator_text


# Справки ------------------------------------------------------------------------------------------------


def test_issued_certificate_pdf_holds_the_mentoring_and_a_verification_link(personas, signed_pair):
    pair, _agreement = signed_pair
    person = pair.mentor.person
    TrainingFactory(person=person, title="Наставник молодого педагога", hours=36,
                    starts_on=D(2025, 10, 1), ends_on=D(2025, 10, 20))  # fmt: skip
    response = personas["coord_a"].post(
        reverse("careers:certificate_issue", args=[person.pk]), {"start": "01.09.2025", "end": "31.05.2026"}
    )
    certificate = Certificate.objects.get(person=person)
    assert response["Location"] == certificate.get_absolute_url()
    assert certificate.number.startswith("СН-") and certificate.content["training_hours"] == 36
    text = pdf_text(personas["coord_a"].get(reverse("careers:certificate_pdf", args=[certificate.pk])))
    for expected in ("СПРАВКА", certificate.number, "о наставнической деятельности",
                     "Наставник молодого педагога", "36", "№ 196", certificate.code):  # fmt: skip
        assert expected in text, expected
    assert "Выдана Опытновой Дарье Александровне в том" in text
    register = xlsx_rows(personas["methodist"].get(reverse("careers:certificate_export")))
    assert register[1][0] == certificate.number and register[1][2] == person.full_name


def test_verification_page_shows_only_its_four_fields(client, school_a):
    person = PersonFactory(organization=school_a, email="secret@example.ru", phone="+7 900 000-00-00",
                           position="учитель физики")  # fmt: skip
    certificate = certificate_for(
        person, content={"pairs": [["педагог – педагог", "Школа А", "…", 1, "", "Тайна"]]}
    )
    page = client.get(reverse("careers:verify", args=[certificate.code])).content.decode()
    for shown in (certificate.number, "02.03.2026", person.full_name, school_a.full_name, "действительна"):
        assert shown in page
    for hidden in (
        "secret@example.ru",
        "+7 900",
        "учитель физики",
        "Тайна",
        "01.09.2023",
        "педагог – педагог",
    ):
        assert hidden not in page


def test_verification_of_unknown_code_is_404_and_revoked_says_so(client, personas, school_a):
    assert client.get(reverse("careers:verify", args=["no-such-code"])).status_code == 404
    certificate = certificate_for(PersonFactory(organization=school_a))
    personas["coord_a"].post(
        reverse("careers:certificate_revoke", args=[certificate.pk]), {"reason": "ошибка в периоде"}
    )
    page = client.get(reverse("careers:verify", args=[certificate.code])).content.decode()
    assert "отозвана" in page and "ошибка в периоде" not in page


def test_certificate_numbers_run_within_the_year(school_a, methodist):
    person = PersonFactory(organization=school_a)
    first = issue_certificate(
        person, start=D(2025, 9, 1), end=D(2026, 5, 31), organization=school_a, user=methodist
    )
    second = issue_certificate(
        person, start=D(2024, 9, 1), end=D(2025, 5, 31), organization=school_a, user=methodist
    )
    assert int(second.number[-4:]) == int(first.number[-4:]) + 1


def test_certificate_register_queries_do_not_grow(personas, school_a):
    def add(n):
        for index in range(n):
            certificate_for(
                PersonFactory(organization=school_a), number=f"T-{Certificate.objects.count()}-{index}"
            )

    add(2)
    url = reverse("careers:certificate_list")
    first = count_queries(personas["coord_a"], url)
    add(8)
    assert count_queries(personas["coord_a"], url) == first


def test_documents_decline_names_by_the_registry():
    person = PersonFactory.build(last_name="Петров", first_name="Иван", middle_name="Сергеевич")
    mentor = PersonFactory.build(last_name="Иванова", first_name="Мария", middle_name="Петровна")
    assert person.name_in("dative") == "Петрову Ивану Сергеевичу"  # «Выдана Петрову Ивану Сергеевичу»
    assert mentor.name_in("genitive") == "Ивановой Марии Петровны"  # «обязанностей наставника Ивановой …»


def test_completeness_check_counts_pairs_without_agreement_where_required(school_a, personas):
    from submissions.selectors import completeness_of
    from tests.submissions.factories import CampaignFactory, SubmissionFactory

    school_a.requires_mentor_agreement = True
    school_a.save()
    signed = PairFactory(mentor=MentorFactory(person__organization=school_a))
    agreement_for(signed)
    PairFactory(mentor=MentorFactory(person__organization=school_a))
    submission = SubmissionFactory(organization=school_a, campaign=CampaignFactory())
    gaps = {gap.key: gap.count for gap in completeness_of(submission)}
    assert gaps["pairs_without_agreement"] == 1


def moves_file(rows) -> SimpleUploadedFile:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Фамилия", "Имя", "Отчество", "Организация", "Действие", "Дата", "Новая организация"])
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return SimpleUploadedFile("moves.xlsx", stream.getvalue())


def test_moves_import_records_transfers_and_dismissals(personas, school_a, school_b):
    mover = PersonFactory(organization=school_a, last_name="Переходова", first_name="Анна", middle_name="")
    leaver = PersonFactory(organization=school_a, last_name="Уходов", first_name="Пётр", middle_name="")
    rows = [["Переходова", "Анна", "", "", "перевод", "01.09.2026", "Школа Б"],
            ["Уходов", "Пётр", "", "", "уволился", "31.08.2026", ""]]  # fmt: skip
    response = personas["coord_a"].post(reverse("careers:moves_import"), {"file": moves_file(rows)})
    assert response.status_code == 302
    mover.refresh_from_db()
    assert mover.organization == school_b
    assert EmploymentPeriod.objects.get(person=leaver).ended_on == D(2026, 8, 31)


def test_moves_import_with_one_bad_row_records_nothing(personas, school_a):
    PersonFactory(organization=school_a, last_name="Переходова", first_name="Анна", middle_name="")
    rows = [["Переходова", "Анна", "", "", "перевод", "01.09.2026", "Школа Б"],
            ["Неизвестных", "Иван", "", "", "уволился", "31.08.2026", ""]]  # fmt: skip
    page = (
        personas["coord_a"].post(reverse("careers:moves_import"), {"file": moves_file(rows)}).content.decode()
    )
    assert "нет человека «Неизвестных Иван»" in page
    assert not EmploymentPeriod.objects.exists()


def test_missing_agreements_and_retention_pages_queries_do_not_grow(personas, school_a):
    def add(n):
        for _ in range(n):
            PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=[MenteeFactory()])
            PersonFactory(organization=school_a, experience_start=D(2024, 10, 1))

    AcademicYearFactory(start_year=2024)  # the cohort of the added pedagogues is counted
    add(2)
    urls = [reverse("careers:missing_agreements"), reverse("reports:retention")]
    first = [count_queries(personas["coord_a"], url) for url in urls]
    add(6)
    assert [count_queries(personas["coord_a"], url) for url in urls] == first


def test_a_name_the_methodologist_corrected_is_used_in_the_next_справка(personas, school_a):
    """The rules decline «Заяц» as «Заяцу»; corrected on «Склонение ФИО», the next document says «Зайцу»."""
    person = PersonFactory(organization=school_a, last_name="Заяц", first_name="Пётр", middle_name="Ильич")
    assert person.name_in("dative") == "Заяцу Петру Ильичу"
    response = personas["methodist"].post(
        reverse("registry:person_name_forms", args=[person.pk]),
        {"gender": "", "name_dative": "Зайцу Петру Ильичу"},
    )
    assert response.status_code == 302
    personas["coord_a"].post(
        reverse("careers:certificate_issue", args=[person.pk]), {"start": "01.09.2025", "end": "31.05.2026"}
    )
    certificate = Certificate.objects.get(person=person)
    text = pdf_text(personas["coord_a"].get(reverse("careers:certificate_pdf", args=[certificate.pk])))
    assert "Выдана Зайцу Петру Ильичу в том" in text
