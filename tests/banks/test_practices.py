from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from banks import selectors, services
from banks.models import Practice, PracticeAction, PracticeFile, PracticeStatus, PracticeTransition
from banks.views.practices import REVIEW_BUTTONS
from core.workflow import offered
from directory.models import MentoringForm
from tests.banks.factories import PracticeFactory, PracticeFileFactory, PublishedPracticeFactory, pdf_upload
from tests.factories import AcademicYearFactory, PersonFactory
from tests.helpers import count_queries, xlsx_rows


def practice_data(**extra) -> dict:
    return {
        "title": "Школа молодого педагога",
        "forms": [MentoringForm.objects.get(name="педагог – педагог").pk],
        "year": AcademicYearFactory(start_year=2025).pk,
        "audience": "молодые педагоги",
        "description": "Наставник посещает уроки молодого учителя.",
        "results": "Все остались в профессии.",
        "links": "https://school1.ru/nastavnik",
        "tags": "адаптация,  молодые педагоги ,",
        **extra,
    }


def test_coordinator_drafts_practice_with_file_in_own_organization(as_coordinator_a, school_a, school_b):
    data = practice_data(organization=school_b.pk, new_files=[pdf_upload("план.pdf"), pdf_upload("фото.pdf")])
    response = as_coordinator_a.post(reverse("banks:practice_create"), data)
    practice = Practice.objects.get()
    assert response["Location"] == practice.get_absolute_url()
    assert practice.organization == school_a and practice.status == PracticeStatus.DRAFT
    assert practice.tags == "адаптация, молодые педагоги"
    assert sorted(practice.files.values_list("name", flat=True)) == ["план.pdf", "фото.pdf"]
    stored = practice.files.first().file
    assert stored.name.startswith("practices/") and stored.storage.exists(stored.name)


def test_disguised_executable_is_refused_with_message(as_coordinator_a):
    exe = SimpleUploadedFile("отчёт.pdf", b"MZ\x90\x00" + b"\0" * 200)
    response = as_coordinator_a.post(reverse("banks:practice_create"), practice_data(new_files=[exe]))
    assert response.status_code == 200
    assert (
        "Файл «отчёт.pdf» — программа или сценарий; такие файлы не принимаются." in response.content.decode()
    )
    assert not Practice.objects.exists() and not PracticeFile.objects.exists()


def test_bad_link_is_refused_with_message(as_coordinator_a):
    response = as_coordinator_a.post(reverse("banks:practice_create"), practice_data(links="school1 ru"))
    assert "«school1 ru» — не адрес сайта" in response.content.decode()
    assert not Practice.objects.exists()


def test_full_workflow_records_who_when_comment(methodist, coordinator_a, school_a):
    practice = PracticeFactory(organization=school_a)
    services.submit_practice(practice, user=coordinator_a)
    services.return_practice(practice, user=methodist, comment="Добавьте результаты в цифрах")
    services.submit_practice(practice, user=coordinator_a, comment="Добавили")
    services.publish_practice(practice, user=methodist)
    services.mark_best(practice, user=methodist, comment="Лучшая в районе")
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED and practice.is_best and practice.published_on
    log = list(
        PracticeTransition.objects.filter(practice=practice).values_list(
            "action", "to_status", "by", "comment"
        )
    )
    assert log == [
        (PracticeAction.SUBMIT, "review", coordinator_a.pk, ""),
        (PracticeAction.RETURN, "returned", methodist.pk, "Добавьте результаты в цифрах"),
        (PracticeAction.SUBMIT, "review", coordinator_a.pk, "Добавили"),
        (PracticeAction.PUBLISH, "published", methodist.pk, ""),
        (PracticeAction.MARK_BEST, "published", methodist.pk, "Лучшая в районе"),
    ]


def test_returning_published_practice_takes_it_off_showcase_and_best(methodist, school_a):
    practice = PublishedPracticeFactory(organization=school_a, is_best=True)
    services.return_practice(practice, user=methodist, comment="Отозвано согласие автора")
    practice.refresh_from_db()
    assert (practice.status, practice.is_best, practice.published_on) == ("returned", False, None)


@pytest.mark.parametrize(
    ("status", "step"),
    [
        ("published", lambda p, u: services.publish_practice(p, user=u)),
        ("published", lambda p, u: services.submit_practice(p, user=u)),
        ("draft", lambda p, u: services.mark_best(p, user=u)),
        ("returned", lambda p, u: services.return_practice(p, user=u, comment="x")),
    ],
)
def test_wrong_transitions_are_refused(methodist, school_a, status, step):
    practice = PracticeFactory(organization=school_a, status=status)
    with pytest.raises(services.ValidationError, match="нельзя"):
        step(practice, methodist)
    assert not PracticeTransition.objects.exists()


def test_return_needs_comment(as_methodist, school_a):
    practice = PracticeFactory(organization=school_a, status=PracticeStatus.REVIEW)
    response = as_methodist.post(reverse("banks:practice_return", args=[practice.pk]), {"comment": " "})
    assert "Напишите, что нужно исправить" in response.content.decode()
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.REVIEW


def test_coordinator_sees_return_comment_and_resubmits(as_methodist, as_coordinator_a, school_a):
    practice = PracticeFactory(organization=school_a, status=PracticeStatus.REVIEW)
    as_methodist.post(reverse("banks:practice_return", args=[practice.pk]), {"comment": "Уточните аудиторию"})
    page = as_coordinator_a.get(practice.get_absolute_url()).content.decode()
    assert "Уточните аудиторию" in page and 'data-testid="return-comment"' in page
    response = as_coordinator_a.post(reverse("banks:practice_submit", args=[practice.pk]), {"comment": ""})
    assert response["Location"] == practice.get_absolute_url()
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.REVIEW


@pytest.mark.parametrize("status", ["review", "published"])
def test_coordinator_cannot_edit_practice_out_of_their_hands(as_coordinator_a, school_a, status):
    practice = PracticeFactory(organization=school_a, status=status)
    response = as_coordinator_a.post(reverse("banks:practice_update", args=[practice.pk]), practice_data())
    assert response.status_code == 403
    practice.refresh_from_db()
    assert practice.title != "Школа молодого педагога"


def test_coordinator_edits_returned_practice(as_coordinator_a, school_a):
    practice = PracticeFactory(organization=school_a, status=PracticeStatus.RETURNED)
    response = as_coordinator_a.post(reverse("banks:practice_update", args=[practice.pk]), practice_data())
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Школа молодого педагога" and practice.status == PracticeStatus.RETURNED


def test_coordinator_cannot_publish_or_mark_best(as_coordinator_a, as_department, school_a):
    practice = PracticeFactory(organization=school_a, status=PracticeStatus.REVIEW)
    for client in (as_coordinator_a, as_department):
        assert client.post(reverse("banks:practice_publish", args=[practice.pk])).status_code == 403
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.REVIEW


def test_department_reads_but_cannot_submit(as_department, school_a):
    practice = PracticeFactory(organization=school_a)
    assert as_department.get(practice.get_absolute_url()).status_code == 200
    assert as_department.post(reverse("banks:practice_submit", args=[practice.pk])).status_code == 403
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.DRAFT


def test_other_school_gets_404_on_draft_and_its_file(personas, school_a):
    attachment = PracticeFileFactory(practice=PracticeFactory(organization=school_a))
    client = personas["coord_b"]
    assert client.get(attachment.practice.get_absolute_url()).status_code == 404
    assert client.get(reverse("banks:practice_file", args=[attachment.pk])).status_code == 404
    assert client.post(reverse("banks:practice_submit", args=[attachment.practice.pk])).status_code == 404
    own = personas["coord_a"].get(reverse("banks:practice_file", args=[attachment.pk]))
    assert own.status_code == 200 and b"".join(own.streaming_content).startswith(b"%PDF")
    assert own["X-Content-Type-Options"] == "nosniff"


def test_other_school_reads_published_practice_without_unconsented_names(as_coordinator_a, school_b):
    hidden = PersonFactory(organization=school_b, last_name="Скрытова")
    practice = PublishedPracticeFactory(organization=school_b, authors=[hidden])
    page = as_coordinator_a.get(practice.get_absolute_url()).content.decode()
    assert "Скрытова" not in page and "согласие на публикацию не дано" in page


def test_deleting_practice_removes_its_files_from_storage(
    as_coordinator_a, school_a, django_capture_on_commit_callbacks
):
    attachment = PracticeFileFactory(practice=PracticeFactory(organization=school_a))
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_coordinator_a.post(reverse("banks:practice_delete", args=[attachment.practice.pk]))
    assert response["Location"] == reverse("banks:practice_list")
    assert not Practice.objects.exists() and not storage.exists(name)


def test_deleting_one_file_removes_it_from_storage(
    as_coordinator_a, school_a, django_capture_on_commit_callbacks
):
    attachment = PracticeFileFactory(practice=PracticeFactory(organization=school_a))
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator_a.post(reverse("banks:practice_file_delete", args=[attachment.pk]))
    assert not PracticeFile.objects.exists() and not storage.exists(name)
    assert Practice.objects.filter(pk=attachment.practice_id).exists()


def test_get_on_action_shows_form_and_changes_nothing(as_methodist, school_a):
    practice = PracticeFactory(organization=school_a, status=PracticeStatus.REVIEW)
    response = as_methodist.get(reverse("banks:practice_publish", args=[practice.pk]))
    assert "Опубликовать" in response.content.decode()
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.REVIEW


def test_detail_shows_transitions_and_history(as_methodist, methodist, coordinator_a, school_a):
    practice = PracticeFactory(organization=school_a)
    services.submit_practice(practice, user=coordinator_a, comment="Готово к рассмотрению")
    page = as_methodist.get(practice.get_absolute_url()).content.decode()
    assert "Готово к рассмотрению" in page and "отправлена на рассмотрение" in page
    assert "История изменений" in page


def test_export_parses_back_with_scope(as_coordinator_a, school_a, school_b):
    own = PracticeFactory(organization=school_a, title="Своя практика", tags="адаптация")
    PracticeFactory(organization=school_b, title="Чужой черновик")
    PublishedPracticeFactory(organization=school_b, title="Чужая опубликованная")
    rows = xlsx_rows(as_coordinator_a.get(reverse("banks:practice_export")))
    assert rows[0][:5] == ("Название", "Формы наставничества", "Организация", "Учебный год", "Авторы")
    titles = sorted(row[0] for row in rows[1:])
    assert titles == ["Своя практика", "Чужая опубликованная"]
    own_row = next(row for row in rows if row[0] == own.title)
    assert own_row[1] == "педагог – педагог" and own_row[2] == "Школа А" and own_row[3] == "2025/2026"


def test_filters_by_status_and_form(as_methodist, school_a):
    pupils = MentoringForm.objects.get(name="учащийся – учащийся")
    PracticeFactory(organization=school_a, title="Ученическая", forms=[pupils])
    PracticeFactory(organization=school_a, title="Педагогическая", status=PracticeStatus.REVIEW)
    page = as_methodist.get(reverse("banks:practice_list"), {"form": pupils.pk}).content.decode()
    assert "Ученическая" in page and "Педагогическая" not in page
    page = as_methodist.get(reverse("banks:practice_list"), {"status": "review"}).content.decode()
    assert "Педагогическая" in page and "Ученическая" not in page


def test_russian_search_finds_word_forms(school_a):
    PracticeFactory(organization=school_a, title="Опыт", description="Роль наставник в адаптации педагогов")
    PracticeFactory(organization=school_a, title="Другое", description="Спортивные секции")
    found = selectors.search_practices(Practice.objects.all(), "наставника")
    assert list(found.values_list("title", flat=True)) == ["Опыт"]


def test_search_finds_substring_everywhere(school_a):
    PracticeFactory(organization=school_a, title="Клуб наставников", description="Встречи")
    PracticeFactory(organization=school_a, title="Другое", description="Спортивные секции")
    found = selectors.search_practices(Practice.objects.all(), "наставник")
    assert list(found.values_list("title", flat=True)) == ["Клуб наставников"]


def add_practices(count: int, school) -> None:
    for _ in range(count):
        practice = PublishedPracticeFactory(organization=school, authors=[PersonFactory(organization=school)])
        PracticeFileFactory(practice=practice)


@pytest.mark.parametrize("url_name", ["banks:practice_list", "banks:showcase"])
def test_practice_list_query_count_is_fixed(as_coordinator_a, school_a, school_b, url_name):
    add_practices(2, school_b)
    small = count_queries(as_coordinator_a, reverse(url_name))
    add_practices(12, school_b)
    assert count_queries(as_coordinator_a, reverse(url_name)) == small


@pytest.mark.parametrize(
    ("status", "best", "offered_labels"),
    [
        ("draft", False, ["Опубликовать"]),  # the methodologist publishes a draft, never sends it to herself
        ("review", False, ["Опубликовать", "Вернуть на доработку"]),
        ("published", False, ["Отметить как лучшую", "Снять с публикации и вернуть"]),
        ("published", True, ["Снять отметку «лучшая»", "Снять с публикации и вернуть"]),
        ("returned", False, ["Опубликовать"]),
    ],
)
def test_review_buttons_are_the_steps_the_state_allows(as_methodist, school_a, status, best, offered_labels):
    """The page offers exactly the steps the service would accept: both read the same declared steps."""
    practice = PracticeFactory(organization=school_a, status=status, is_best=best)
    page = as_methodist.get(practice.get_absolute_url()).content.decode()
    labels = [label for label in REVIEW_LABELS if f">{label}</a>" in page]
    assert labels == offered_labels
    for label, url, _style in offered(REVIEW_BUTTONS, practice):
        assert f'href="{url}">{label}</a>' in page


REVIEW_LABELS = [
    "Опубликовать",
    "Вернуть на доработку",
    "Отметить как лучшую",
    "Снять отметку «лучшая»",
    "Снять с публикации и вернуть",
]


def test_review_buttons_are_not_offered_to_a_coordinator(as_coordinator_a, school_a):
    practice = PracticeFactory(organization=school_a, status="review")
    page = as_coordinator_a.get(practice.get_absolute_url()).content.decode()
    assert not [label for label in REVIEW_LABELS if f">{label}</a>" in page]
