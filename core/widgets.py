"""Select widgets that render their options in Python.

Django renders every <option> through a template; with a region's thousand organisations or
thousands of mentors that alone costs tens of milliseconds a page.
"""

from __future__ import annotations

from html import escape  # the standard library's: the same five characters as Django's, several times faster

from django import forms
from django.forms.models import ModelChoiceField, ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

DJANGO_EMPTY_LABEL = "---------"  # what Django and django-filter offer for «nothing chosen»
EMPTY_LABEL = _("— не выбрано —")


def empty_label(label) -> str:
    """The «nothing chosen» option in words: Django's dashes say nothing to a user."""
    return str(EMPTY_LABEL) if str(label) == DJANGO_EMPTY_LABEL else str(label)


def option(key: str, label: str, selected: bool = False) -> str:
    return f'<option value="{escape(key)}"{" selected" if selected else ""}>{escape(label)}</option>'


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            final["multiple"] = True
        selected = {str(v) for v in self.format_value(value)}
        return mark_safe(f"<select{flatatt(final)}>{self._options_html(selected)}</select>")  # all escaped

    def _options_html(self, selected: set[str]) -> str:
        if isinstance(self.choices, ModelChoiceIterator):  # skip the per-option value wrappers
            return self._model_options_html(self.choices, selected)
        return "".join(option(key, label, key in selected) for key, label in self._flat_choices())

    def _flat_choices(self):
        for key, label in self.choices:
            if isinstance(label, list | tuple):  # an option group: flattened
                yield from ((str(k), str(v)) for k, v in label)
            elif key in ("", None):
                yield "", empty_label(label)
            else:
                yield str(key), str(label)

    @staticmethod
    def _model_options_html(iterator: ModelChoiceIterator, selected: set[str]) -> str:
        field = iterator.field
        head = []
        if field.empty_label is not None:
            head.append(("", empty_label(field.empty_label)))
        if getattr(field, "null_label", None) is not None:  # django-filter's «none» choice
            head.append((str(field.null_value), str(field.null_label)))
        queryset = iterator.queryset.all()
        label_field = getattr(queryset.model, "CHOICE_LABEL_FIELD", None)
        plain = type(field).label_from_instance is ModelChoiceField.label_from_instance
        # A foreign key's form field names its target's pk as `to_field_name`: still the pk.
        by_pk = field.to_field_name in (None, queryset.model._meta.pk.name)
        if label_field and plain and by_pk:  # __str__ is one column: no instances needed
            rows = queryset.values_list("pk", label_field)
            body = "".join(option(str(pk), str(label), str(pk) in selected) for pk, label in rows)
        else:  # a plain fetch: a server-side cursor (QuerySet.iterator) costs more than it saves here
            body = "".join(
                option(key, label, key in selected)
                for key, label in (
                    (str(field.prepare_value(obj)), str(field.label_from_instance(obj))) for obj in queryset
                )
            )
        return "".join(option(key, label, key in selected) for key, label in head) + body


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    allow_multiple_selected = True


FAST_TWINS = {forms.Select: FastSelect, forms.SelectMultiple: FastSelectMultiple}


def use_fast_select(field: forms.Field) -> None:
    """Swap a field's plain select widget for its fast twin, keeping the attributes the field gave it."""
    twin = FAST_TWINS.get(type(field.widget))
    if twin is not None:
        old = field.widget
        field.widget = twin(attrs=old.attrs, choices=field.choices)
        field.widget.is_required, field.widget.is_localized = old.is_required, old.is_localized
