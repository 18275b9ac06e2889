"""Questionnaires edited in the browser and versioned once answered; rounds created by each role in its
scope, mailed, reminded, printed with QR codes, their progress by organisation and answers' XLSX."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Invitation, Moment, Question, Questionnaire, Respondent, SurveyRound
from registry.models import Consent
from tests.factories import AcademicYearFactory, OrganizationFactory
from tests.helpers import count_queries, xlsx_rows
from tests.monitoring.factories import answer_all, make_pairs, make_round, seeded

pytestmark = pytest.mark.django_db


def test_methodology_questionnaires_are_seeded_with_indicators(db):
    assert (
        Questionnaire.objects.count() == 17
    )  # 3 forms and any other × 2 roles × 2 moments, and the coordinator
    mentee_exit = seeded(Respondent.MENTEE, Moment.EXIT)
    feeds = set(mentee_exit.questions.values_list("feeds", flat=True))
    assert {"satisfaction", "competence", "motivation", "professional", "strength", "weakness"} <= feeds
    coordinator = seeded(Respondent.COORDINATOR, Moment.EXIT, form=None)
    assert set(coordinator.questions.exclude(feeds="").values_list("feeds", flat=True)) == {
        "strength", "weakness", "opportunity", "threat",
    }  # fmt: skip


def questionnaire_post(**fields) -> dict:
    data = {
        "title": "Анкета наставляемого: адаптация", "respondent": "mentee", "moment": "stage", "form": "",
        "introduction": "", "is_active": "on",
        "q-TOTAL_FORMS": "2", "q-INITIAL_FORMS": "0", "q-MIN_NUM_FORMS": "0", "q-MAX_NUM_FORMS": "1000",
        "q-0-position": "1", "q-0-section": "Адаптация", "q-0-text": "Насколько вам комфортно в коллективе?",
        "q-0-kind": "scale", "q-0-feeds": "satisfaction", "q-0-required": "on",
        "q-1-position": "2", "q-1-section": "Адаптация", "q-1-text": "Что мешает?", "q-1-kind": "single",
        "q-1-options": "Нагрузка", "q-1-feeds": "",
    }  # fmt: skip
    return {**data, **fields}


def test_methodist_creates_a_questionnaire_with_questions(as_methodist):
    response = as_methodist.post(reverse("monitoring:questionnaire_create"), questionnaire_post())
    assert "Для вопроса с выбором укажите не меньше двух вариантов" in response.content.decode()
    assert not Questionnaire.objects.filter(title__contains="адаптация").exists()
    as_methodist.post(
        reverse("monitoring:questionnaire_create"), questionnaire_post(**{"q-1-options": "Нагрузка\nВремя"})
    )
    questionnaire = Questionnaire.objects.get(title="Анкета наставляемого: адаптация")
    assert list(questionnaire.questions.values_list("text", "kind", "feeds")) == [
        ("Насколько вам комфортно в коллективе?", "scale", "satisfaction"),
        ("Что мешает?", "single", ""),
    ]


def test_answered_questionnaire_is_versioned_not_changed(as_methodist, school_a):
    make_pairs(school_a, 1)
    survey = make_round(school_a)
    invitation = survey.invitations.get(respondent=Respondent.MENTOR)
    answer_all(invitation, 7)
    old = invitation.questionnaire
    response = as_methodist.get(reverse("monitoring:questionnaire_update", args=[old.pk]), follow=True)
    assert "На эту анкету уже отвечали" in response.content.decode()
    as_methodist.post(reverse("monitoring:questionnaire_version", args=[old.pk]))
    new = Questionnaire.objects.get(previous=old)
    old.refresh_from_db()
    assert (new.version, new.is_active, old.is_active) == (2, True, False)
    assert list(new.questions.values_list("text", flat=True)) == list(
        old.questions.values_list("text", flat=True)
    )
    assert as_methodist.get(reverse("monitoring:questionnaire_update", args=[new.pk])).status_code == 200
    again = make_round(school_a, title="Второй опрос")
    assert again.invitations.get(respondent=Respondent.MENTOR).questionnaire == new
    assert invitation.answers.filter(question__questionnaire=old).count() == old.questions.count()


def test_copy_makes_a_new_editable_template(as_methodist):
    original = seeded(Respondent.MENTEE, Moment.ENTRY)
    url = reverse("monitoring:questionnaire_copy", args=[original.pk])
    assert as_methodist.get(url).context["form"].initial["title"] == f"{original.title} (копия)"
    as_methodist.post(url, {"title": "Анкета наставляемого на входе: молодые педагоги"})
    copy = Questionnaire.objects.get(title="Анкета наставляемого на входе: молодые педагоги")
    assert copy.questions.count() == original.questions.count() and original.is_active


def round_post(year, organization="", **fields) -> dict:
    closes = timezone.localdate() + datetime.timedelta(days=10)
    return {
        "title": "Итоговое анкетирование", "year": year.pk, "moment": "exit", "organization": organization,
        "pair": "", "closes_on": f"{closes:%d.%m.%Y}", "include_coordinators": "on", **fields,
    }  # fmt: skip


def test_coordinator_creates_a_round_of_own_organisation_only(
    as_coordinator_a, coordinator_a, school_a, school_b
):
    year = AcademicYearFactory(start_year=2025)
    make_pairs(school_a, 2, mentees_per_pair=2)
    make_pairs(school_b, 1)
    response = as_coordinator_a.post(reverse("monitoring:round_create"), round_post(year, school_b.pk))
    assert response.status_code == 200 and not SurveyRound.objects.exists()
    as_coordinator_a.post(reverse("monitoring:round_create"), round_post(year, school_a.pk))
    survey = SurveyRound.objects.get()
    invited = list(survey.invitations.values_list("organization", "respondent"))
    assert sorted(invited) == sorted(
        [(school_a.pk, "mentor")] * 2 + [(school_a.pk, "mentee")] * 4 + [(school_a.pk, "coordinator")]
    )
    assert survey.created_by == coordinator_a


def test_invitations_are_mailed_once_with_personal_links(
    as_methodist, school_a, django_capture_on_commit_callbacks
):
    pairs = make_pairs(school_a, 2)
    pairs[0].mentor.person.email = "mentor@school.ru"
    pairs[0].mentor.person.save()
    survey = make_round(school_a)
    with django_capture_on_commit_callbacks(execute=True):
        as_methodist.post(reverse("monitoring:round_send", args=[survey.pk]))
    (message,) = mail.outbox
    invitation = survey.invitations.get(email="mentor@school.ru")
    assert message.to == ["mentor@school.ru"]
    assert f"http://testserver{invitation.get_answer_url()}" in message.body
    assert f"до {survey.closes_on:%d.%m.%Y}" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        as_methodist.post(reverse("monitoring:round_send", args=[survey.pk]))
    assert len(mail.outbox) == 1  # already mailed


def test_reminder_goes_to_those_who_have_not_answered(
    as_coordinator_a, school_a, django_capture_on_commit_callbacks
):
    pairs = make_pairs(school_a, 2)
    for number, pair in enumerate(pairs):
        pair.mentor.person.email = f"m{number}@school.ru"
        pair.mentor.person.save()
    survey = make_round(school_a)
    answer_all(survey.invitations.get(email="m0@school.ru"), 8)
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator_a.post(reverse("monitoring:round_remind", args=[survey.pk]))
    assert [m.to for m in mail.outbox] == [["m1@school.ru"]]
    assert mail.outbox[0].subject.startswith("Напоминание")


def test_closed_round_sends_no_reminders(as_methodist, school_a):
    make_pairs(school_a, 1)
    survey = make_round(school_a)
    SurveyRound.objects.filter(pk=survey.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    response = as_methodist.post(reverse("monitoring:round_remind", args=[survey.pk]))
    assert "Опрос закрыт" in response.content.decode()


def test_round_page_shows_progress_by_organisation(as_methodist, school_a, school_b):
    make_pairs(school_a, 2)
    make_pairs(school_b, 1)
    survey = make_round(None)
    a_invitations = survey.invitations.filter(organization=school_a)
    answer_all(a_invitations.first(), 8)
    Invitation.objects.filter(pk=a_invitations.last().pk).update(opened_at=timezone.now())
    page = as_methodist.get(survey.get_absolute_url()).content.decode()
    table = page.split('data-testid="round-progress"')[1].split("</table>")[0].split("<tbody>")[1]
    rows = [" ".join(re.sub("<[^>]+>", " ", row).split()) for row in table.split("</tr>")[:-1]]
    assert rows == ["Школа А 4 0 2 1", "Школа Б 2 0 0 0"]


def test_round_page_query_count_does_not_grow(as_methodist, school_a):
    make_pairs(school_a, 1)
    survey = make_round(None)
    url = survey.get_absolute_url()
    small = count_queries(as_methodist, url)
    for _ in range(3):
        make_pairs(OrganizationFactory(), 2, mentees_per_pair=2)
    bigger = make_round(None, title="Больший опрос")
    for invitation in bigger.invitations.all()[:5]:
        answer_all(invitation, 6)
    assert bigger.invitations.count() > 4 * survey.invitations.count()
    assert count_queries(as_methodist, bigger.get_absolute_url()) == small == 8


def test_round_list_query_count_does_not_grow(as_methodist, school_a):
    make_pairs(school_a, 1)
    make_round(school_a)
    url = reverse("monitoring:round_list")
    small = count_queries(as_methodist, url)
    for number in range(4):
        make_round(school_a, title=f"Опрос {number}")
    assert count_queries(as_methodist, url) == small


def test_answers_export_has_no_names_unless_asked_and_consented(as_methodist, as_coordinator_a, school_a):
    pairs = make_pairs(school_a, 2)
    consenting = pairs[0].mentor.person
    Consent.objects.create(person=consenting, kind="processing", signed_on="2025-09-01")
    survey = make_round(school_a, include_coordinators=False)
    for invitation in survey.invitations.filter(respondent=Respondent.MENTOR):
        answer_all(invitation, 8, text="Больше времени на встречи")
    rows = xlsx_rows(as_coordinator_a.get(reverse("monitoring:round_answers", args=[survey.pk])))
    header, body = rows[0], rows[1:]
    assert header[:4] == ("Анкета", "Организация", "Кто отвечает", "Участник")
    assert {row[3] for row in body} == {"участник № 1", "участник № 2"}
    mentor_questionnaire = survey.invitations.filter(respondent=Respondent.MENTOR).first().questionnaire
    questions = Question.objects.filter(questionnaire=mentor_questionnaire).count()
    assert len(body) == 2 * questions
    assert (
        "Насколько вы удовлетворены участием в программе наставничества?",
        "удовлетворённость",
        8,
        None,
    ) in {row[6:] for row in body}
    named = xlsx_rows(as_methodist.get(reverse("monitoring:round_answers_named", args=[survey.pk])))[1:]
    names = {row[3] for row in named}
    assert len(names) == 2 and consenting.full_name in names
    assert {name for name in names if name.startswith("участник № ")}  # the other has no consent: no name
    assert (
        as_coordinator_a.get(reverse("monitoring:round_answers_named", args=[survey.pk])).status_code == 403
    )


def test_sheets_print_each_unanswered_link_with_its_qr_code(as_coordinator_a, school_a):
    make_pairs(school_a, 1)
    survey = make_round(school_a, include_coordinators=False)
    mentor, mentee = survey.invitations.order_by("respondent")
    answer_all(mentee, 5)
    page = as_coordinator_a.get(reverse("monitoring:round_sheets", args=[survey.pk])).content.decode()
    assert page.count('data-testid="qr-sheet"') == 1
    assert f"http://testserver{mentor.get_answer_url()}" in page and "<svg" in page
    assert mentee.token not in page


def test_pair_page_lists_its_questionnaires_without_figures(as_coordinator_a, school_a):
    (pair,) = make_pairs(school_a, 1)
    survey = make_round(school_a, include_coordinators=False)
    answer_all(survey.invitations.get(respondent=Respondent.MENTOR), 9)
    page = as_coordinator_a.get(reverse("monitoring:pair_surveys", args=[pair.pk])).content.decode()
    assert "Ответили 1 из 2" in page and "недостаточно ответов" in page
    assert "ответ получен" in page and "не открыта" in page


def test_swot_summary_needs_five_respondents(as_methodist, school_a):
    make_pairs(school_a, 2)
    survey = make_round(school_a, include_coordinators=False)
    invitations = list(survey.invitations.order_by("id"))
    for invitation in invitations[:4]:
        answer_all(invitation, 7, text="Поддержка опытного коллеги")
    url = reverse("monitoring:swot") + f"?year={survey.year.pk}&organization={school_a.pk}"
    assert "Недостаточно ответов: ответили 4" in as_methodist.get(url).content.decode()
    make_pairs(school_a, 1)
    extra = make_round(school_a, include_coordinators=False, title="Ещё")
    answer_all(extra.invitations.first(), 7, text="Мало времени")
    page = as_methodist.get(url).content.decode()
    swot = page.split('data-testid="swot"')[1]
    assert "Сильные стороны" in swot and "Поддержка опытного коллеги" in swot and "Мало времени" in swot


def test_a_round_of_one_pair_is_started_from_its_page(as_coordinator_a, school_a):
    first, second = make_pairs(school_a, 2)
    year = AcademicYearFactory(start_year=2025)
    page = as_coordinator_a.get(reverse("monitoring:pair_surveys", args=[first.pk])).content.decode()
    assert f"/monitoring/rounds/new/?pair={first.pk}" in page
    url = reverse("monitoring:round_create") + f"?pair={first.pk}"
    form = as_coordinator_a.get(url).context["form"]
    assert list(form.fields["pair"].queryset) == [first]
    as_coordinator_a.post(url, round_post(year, school_a.pk, pair=first.pk, include_coordinators=""))
    invited = SurveyRound.objects.get().invitations
    assert set(invited.values_list("pair", flat=True)) == {first.pk} and invited.count() == 2
    assert "pair" not in as_coordinator_a.get(reverse("monitoring:round_create")).context["form"].fields


def test_department_reads_the_progress_but_no_names_or_answers(as_department, school_a):
    (pair,) = make_pairs(school_a, 1)
    survey = make_round(school_a)
    page = as_department.get(survey.get_absolute_url()).content.decode()
    assert "Школа А" in page and 'data-testid="round-progress"' in page
    assert pair.mentor.person.last_name not in page and "Участники" not in page
    assert as_department.get(reverse("monitoring:round_answers", args=[survey.pk])).status_code == 403


def test_round_without_a_coordinators_questionnaire_for_its_moment_says_so(coordinator_a, school_a):
    make_pairs(school_a, 1)
    survey = make_round(school_a, moment=Moment.ENTRY)  # the methodology asks coordinators at exit only
    survey.refresh_from_db()
    assert not survey.include_coordinators
    assert not survey.invitations.filter(respondent=Respondent.COORDINATOR).exists()
    assert (
        make_round(school_a, moment=Moment.EXIT).invitations.filter(respondent=Respondent.COORDINATOR).count()
        == 1
    )
