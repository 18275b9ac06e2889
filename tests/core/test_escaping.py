"""Hostile names are stored as typed, escaped on pages, neutralised in XLSX and printed as text in PDF."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from registry.models import Person
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory
from tests.helpers import xlsx_rows

SCRIPT = "<script>alert(1)</script>"
SQL = "Robert'); DROP TABLE registry_person;--"
FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def hostile(school_a):
    """Three people whose surnames are the attacks, first names plain."""
    return {
        payload: PersonFactory(organization=school_a, last_name=payload, first_name="Анна", middle_name="")
        for payload in (SCRIPT, SQL, FORMULA)
    }


def test_hostile_names_stored_as_typed(hostile):
    for payload, person in hostile.items():
        assert Person.objects.get(pk=person.pk).last_name == payload
    assert Person.objects.filter(last_name=SQL).count() == 1  # the table is still there


def test_person_page_escapes_script(as_methodist, hostile):
    content = as_methodist.get(hostile[SCRIPT].get_absolute_url()).content.decode()
    assert SCRIPT not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_person_page_shows_sql_as_text(as_methodist, hostile):
    content = as_methodist.get(hostile[SQL].get_absolute_url()).content.decode()
    assert "Robert&#x27;); DROP TABLE registry_person;--" in content


def test_person_list_escapes_every_name(as_methodist, hostile):
    content = as_methodist.get(reverse("registry:person_list")).content.decode()
    assert SCRIPT not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Анна" in content
    assert "Robert&#x27;); DROP TABLE registry_person;-- Анна" in content
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;) Анна" in content


def test_person_export_neutralises_formula(as_methodist, hostile):
    rows = xlsx_rows(as_methodist.get(reverse("registry:person_export")))
    names = {row[0] for row in rows[1:]}
    assert FORMULA + " Анна" in names  # as typed, in a text cell with the style's quote prefix
    assert "'" + FORMULA + " Анна" not in names
    assert SCRIPT + " Анна" in names  # not a formula: kept exactly as typed
    assert SQL + " Анна" in names


def test_program_pdf_prints_names_as_text(as_methodist, hostile, school_a):
    mentor = MentorFactory(person=hostile[SCRIPT])
    pair = PairFactory(
        mentor=mentor, mentees=[MenteeFactory(person=hostile[SQL]), MenteeFactory(person=hostile[FORMULA])]
    )
    response = as_methodist.get(reverse("registry:program_pdf", kwargs={"pk": pair.pk}))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    for payload in (SCRIPT, SQL, FORMULA):
        assert f"{payload} Анна" in text, payload
