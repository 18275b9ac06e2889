"""Every PDF we generate is tagged and names its language, so that screen readers read it (ГОСТ Р 52872-2019)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.test_permissions import permission_data

GENERATED = {  # url name: kwargs from the permission walk's data
    "registry:program_pdf": lambda d: {"pk": d["pair_a"].pk},
    "meetings:meeting_protocol": lambda d: {"pk": d["meeting"].pk},
    "meetings:roadmap_pdf": lambda d: {},
    "reports:annual_file": lambda d: {"fmt": "pdf"},
}


def structure(content: bytes) -> tuple:
    root = PdfReader(io.BytesIO(content)).trailer["/Root"]
    return bool(root.get("/MarkInfo", {}).get("/Marked")), "/StructTreeRoot" in root, root.get("/Lang")


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_pdf_is_tagged_in_russian(name, as_methodist, school_a, school_b):
    data = permission_data(school_a, school_b)
    response = as_methodist.get(reverse(name, kwargs=GENERATED[name](data)))
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert structure(content) == (True, True, "ru")
