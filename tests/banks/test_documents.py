from __future__ import annotations

import datetime

from django.urls import reverse

from banks.models import NormativeDocument
from tests.banks.factories import NormativeDocumentFactory, pdf_upload
from tests.helpers import count_queries, xlsx_rows


def test_seeded_documents_are_there(db):
    numbers = set(NormativeDocument.objects.values_list("number", flat=True))
    assert {"273-ФЗ", "Р-145", "МР-42/02", "789-а", "125", "АЗ-1128/08"} <= numbers
    order = NormativeDocument.objects.get(number="789-а")
    assert (order.level, order.kind, order.issued_on) == ("regional", "order", datetime.date(2020, 7, 23))
    assert str(order) == "Приказ от 23.07.2020 № 789-а"


def test_methodist_adds_document_with_file(as_methodist):
    data = {
        "level": "local",
        "kind": "regulation",
        "number": "15-од",
        "issued_on": "02.09.2024",
        "title": "Положение о наставничестве",
        "file": pdf_upload("положение.pdf"),
    }
    response = as_methodist.post(reverse("banks:document_create"), data)
    document = NormativeDocument.objects.get(number="15-од")
    assert response["Location"] == document.get_absolute_url()
    assert document.issued_on == datetime.date(2024, 9, 2) and document.file_name == "положение.pdf"


def test_coordinator_and_department_read_but_cannot_add(as_coordinator_a, as_department):
    for client in (as_coordinator_a, as_department):
        assert client.get(reverse("banks:document_list")).status_code == 200
        response = client.post(reverse("banks:document_create"), {"title": "x", "level": "local"})
        assert response.status_code == 403
    assert not NormativeDocument.objects.filter(title="x").exists()


def test_document_file_readable_by_all_and_removed_on_delete(
    as_coordinator_a, as_methodist, django_capture_on_commit_callbacks
):
    document = NormativeDocumentFactory(file=pdf_upload())
    name, storage = document.file.name, document.file.storage
    served = as_coordinator_a.get(reverse("banks:document_file", args=[document.pk]))
    assert b"".join(served.streaming_content).startswith(b"%PDF")
    with django_capture_on_commit_callbacks(execute=True):
        as_methodist.post(reverse("banks:document_delete", args=[document.pk]))
    assert not NormativeDocument.objects.filter(pk=document.pk).exists() and not storage.exists(name)


def test_document_export_parses_back(as_department):
    rows = xlsx_rows(as_department.get(reverse("banks:document_export"), {"level": "regional"}))
    assert rows[0][:4] == ("Документ", "Название", "Уровень", "Вид")
    assert [row[0] for row in rows[1:]] == ["Приказ от 23.07.2020 № 789-а"]
    assert rows[1][2:6] == ("региональный", "приказ", "789-а", datetime.datetime(2020, 7, 23))


def test_document_list_query_count_is_fixed(as_department):
    small = count_queries(as_department, reverse("banks:document_list"))
    NormativeDocumentFactory.create_batch(15)
    assert count_queries(as_department, reverse("banks:document_list")) == small
