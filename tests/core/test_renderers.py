"""Inputs and textareas written in Python are the markup Django's own widget templates give."""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from core.forms import RuDateInput
from core.renderers import FastWidgetRenderer

HOSTILE = "\"><script>alert(1)</script> & 'ё'"

WIDGETS = [
    (forms.TextInput(), "Иванова"),
    (forms.TextInput(attrs={"placeholder": HOSTILE, "required": True, "disabled": False}), HOSTILE),
    (forms.TextInput(), None),
    (forms.TextInput(attrs={"data-none": None}), ""),
    (forms.NumberInput(attrs={"min": 0, "step": "any"}), 12),
    (forms.EmailInput(), "a@b.ru"),
    (forms.URLInput(), "https://ш.рф/?a=1&b=2"),
    (forms.PasswordInput(render_value=True), "секрет"),
    (forms.HiddenInput(), "2026-12-01T10:00:00+10:00"),
    (RuDateInput(), datetime.date(2026, 12, 1)),
    (forms.DateTimeInput(), datetime.datetime(2026, 12, 1, 9, 30)),
    (forms.TimeInput(), datetime.time(9, 30)),
    (forms.CheckboxInput(), True),
    (forms.CheckboxInput(), False),
    (forms.Textarea(attrs={"rows": 3}), "строка 1\nстрока 2 <b>&</b>"),
    (forms.Textarea(), ""),
    (forms.Textarea(), None),
    (forms.TextInput(), mark_safe("<b>уже безопасно</b>")),
]


@pytest.mark.parametrize(("widget", "value"), WIDGETS, ids=lambda w: type(w).__name__)
def test_fast_markup_is_the_templates_markup(widget, value):
    attrs = {"id": "id_field", "class": "form-control"}
    ours = widget.render("field", value, attrs=attrs, renderer=FastWidgetRenderer())
    django = widget.render("field", value, attrs=attrs, renderer=DjangoTemplates())
    assert ours == django


def test_other_widgets_still_use_their_templates():
    widget = forms.RadioSelect(choices=[("a", "А"), ("b", "Б")])
    ours = widget.render("choice", "b", renderer=FastWidgetRenderer())
    assert ours == widget.render("choice", "b", renderer=DjangoTemplates())
    assert 'value="b"' in ours and "checked" in ours
