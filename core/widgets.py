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


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            final["multiple"] = True
        selected = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if key in selected else ""}>{escape(label)}</option>'
            for key, label in self._options()
        )
        return mark_safe(f"<select{flatatt(final)}>{options}</select>")  # every part is escaped

    def _options(self):
        if isinstance(self.choices, ModelChoiceIterator):  # skip the per-option value wrappers
            yield from self._model_options(self.choices)
            return
        for key, label in self.choices:
            if isinstance(label, list | tuple):  # an option group: flattened
                yield from ((str(k), str(v)) for k, v in label)
            else:
                yield ("" if key is None else str(key)), str(label)

    @staticmethod
    def _model_options(iterator: ModelChoiceIterator):
        field = iterator.field
        if field.empty_label is not None:
            yield "", str(field.empty_label)
        if getattr(field, "null_label", None) is not None:  # django-filter's «none» choice
            yield str(field.null_value), str(field.null_label)
        queryset = iterator.queryset.all()
        label_field = getattr(queryset.model, "CHOICE_LABEL_FIELD", None)
        plain = type(field).label_from_instance is ModelChoiceField.label_from_instance
        if label_field and plain and not field.to_field_name:  # __str__ is one column: no instances needed
            yield from ((str(pk), str(label)) for pk, label in queryset.values_list("pk", label_field))
            return
        # A plain fetch: a server-side cursor (QuerySet.iterator) costs more than it saves for a thousand rows.
        for obj in queryset:
            yield str(field.prepare_value(obj)), str(field.label_from_instance(obj))


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    allow_multiple_selected = True
