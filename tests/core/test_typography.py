"""Russian typography: quotes, non-breaking spaces, dashes, dates and numbers in words."""

from __future__ import annotations

import datetime

import pytest

from core.typography import (
    NBSP,
    date_words,
    decimal,
    initials_name,
    number_words,
    quotes,
    typograph,
    typograph_html,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "Организация «МБОУ «СОШ с. Крыловка»» сохранена.",
            "Организация «МБОУ „СОШ с. Крыловка“» сохранена.",
        ),
        ('"Школа "Успех""', "«Школа „Успех“»"),
        ("МБОУ «СОШ № 1»", "МБОУ «СОШ № 1»"),
        ("МБОУ «СОШ № 1", "МБОУ «СОШ № 1"),  # unbalanced: left as typed
    ],
)
def test_quotes_are_yolochki_outside_and_lapki_inside(typed, expected):
    assert quotes(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("О.А. Суровцева", f"О.{NBSP}А.{NBSP}Суровцева"),
        ("Суровцева О. А.", f"Суровцева{NBSP}О.{NBSP}А."),
        ("протокол № 5", f"протокол №{NBSP}5"),
        ("в 2026 г. в с. Крыловка", f"в 2026{NBSP}г. в с.{NBSP}Крыловка"),
        ("36 ч, 35 %, 10 МБ", f"36{NBSP}ч, 35{NBSP}%, 10{NBSP}МБ"),
        ("Председатель - О. А. Суровцева", f"Председатель{NBSP}– О.{NBSP}А.{NBSP}Суровцева"),
        ("обучающиеся 10-18 лет", f"обучающиеся 10–18{NBSP}лет"),
        ("+7 (42354) 2-11-00", "+7 (42354) 2-11-00"),  # a telephone is not a range
    ],
)
def test_typograph_binds_what_must_not_break(typed, expected):
    assert typograph(typed) == expected


def test_codes_stay_on_one_line_and_html_is_escaped():
    html = typograph_html("письмо № АЗ-1128/08 и 273-ФЗ <b>")
    assert '<span class="nobr">АЗ-1128/08</span>' in html
    assert '<span class="nobr">273-ФЗ</span>' in html
    assert "&lt;b&gt;" in html


def test_names_dates_and_numbers_in_words():
    assert initials_name("Суровцева", "Ольга", "Алексеевна") == f"О.{NBSP}А.{NBSP}Суровцева"
    assert date_words(datetime.date(2026, 6, 5)) == f"5{NBSP}июня 2026{NBSP}г."
    assert number_words(21) == "двадцать один"
    assert number_words(2, gender="f") == "две"
    assert decimal(35.7) == "35,7"
    assert decimal(12.0) == "12"


def test_form_errors_and_messages_nest_quotes(db):
    from django import forms

    from core.forms import CrispyForm

    class OrganizerForm(CrispyForm):
        name = forms.CharField()

    form = OrganizerForm(data={"name": "x"})
    form.is_valid()
    organizer = "МБОУ «СОШ с. Крыловка»"
    form.add_error("name", f"«{organizer}» не отмечена как стажировочная площадка.")
    assert form.errors["name"] == ["«МБОУ „СОШ с. Крыловка“» не отмечена как стажировочная площадка."]


def test_page_messages_nest_quotes_and_documents_get_full_typography():
    from django.template import Context, Template

    context = Context({"text": "Вы вышли из «МБОУ «СОШ № 1»» <b>"})
    assert Template("{% load typography %}{{ text|quotes }}").render(context) == (
        "Вы вышли из «МБОУ „СОШ № 1“» &lt;b&gt;"
    )
    assert Template("{% load typography %}{{ text|typo }}").render(context) == (
        "Вы вышли из «МБОУ „СОШ №\u00a01“» &lt;b&gt;"
    )
