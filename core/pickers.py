"""Pickers: a select that holds only the chosen people (or organisations), with a search box that finds the others.

A region has 50,000 people; a select of all of them would weigh megabytes on every form. The search box
asks `registry:person_search` (the user's scope only) as the user types; `static/js/picker.js` adds the
chosen person to the select. The form validates against the field's queryset as before.
"""

from __future__ import annotations

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


def person_label(person) -> str:
    """How a picker names a person: full name and organisation (namesakes are common)."""
    return f"{person.full_name} ({person.organization})" if person.organization_id else person.full_name


class SearchPicker(forms.Select):
    """A select holding only the chosen records, with a search box that asks `url_name` for the others.

    The search box is an ARIA 1.2 combobox (`static/js/picker.js`): the field's label names it (its `for`
    points at the box), the results are a listbox, the count is announced by a status region. Several
    chosen records are checkboxes (Tab and Space take one off), not a multiple select: an arrow key in a
    multiple select would deselect all the others.
    """

    url_name = ""
    placeholder = ""

    def search_url(self) -> str:
        return reverse(self.url_name)

    def id_for_label(self, id_):
        return f"{id_}_search" if id_ else id_

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        base = escape(final.get("id", name))
        search = self._search_box(base, final)
        chosen = (
            self._chosen_boxes(base, final, value)
            if self.allow_multiple_selected
            else self._select(final, value)
        )
        return mark_safe(  # every part is escaped
            f'<div class="picker" data-url="{escape(self.search_url())}">{search}'
            f'<ul class="list-group picker-results mb-1" role="listbox" id="{base}_listbox" hidden></ul>'
            f'<div class="form-text picker-status mt-0 mb-1" role="status" id="{base}_status"></div>'
            f"{chosen}</div>"
        )

    def _search_box(self, base: str, final: dict) -> str:
        described = (
            f' aria-describedby="{escape(final["aria-describedby"])}"' if "aria-describedby" in final else ""
        )
        invalid = ' aria-invalid="true"' if final.get("aria-invalid") else ""
        return (
            f'<input type="text" role="combobox" class="form-control picker-search mb-1{" is-invalid" if invalid else ""}" '
            f'id="{base}_search" '
            f'autocomplete="off" aria-autocomplete="list" aria-expanded="false" aria-controls="{base}_listbox" '
            f'placeholder="{escape(str(self.placeholder))}"{described}{invalid}>'
        )

    def _select(self, final: dict, value) -> str:
        final = {k: v for k, v in final.items() if k not in ("aria-describedby", "aria-invalid")}
        final.setdefault("class", "form-select")
        final["aria-label"] = _("Выбрано")
        options = '<option value="">—</option>' + "".join(
            f'<option value="{pk}" selected>{escape(label)}</option>' for pk, label in self._chosen(value)
        )
        return f"<select{flatatt(final)}>{options}</select>"

    def _chosen_boxes(self, base: str, final: dict, value) -> str:
        boxes = "".join(
            f'<div class="form-check"><input class="form-check-input" type="checkbox" name="{escape(final["name"])}" '
            f'value="{pk}" id="{base}_{pk}" checked><label class="form-check-label" for="{base}_{pk}">'
            f"{escape(label)}</label></div>"
            for pk, label in self._chosen(value)
        )
        return (
            f'<div class="picker-chosen" role="group" aria-label="{escape(str(_("Выбранные")))}" '
            f'data-name="{escape(final["name"])}" id="{base}">{boxes}</div>'
        )

    def _chosen(self, value) -> list[tuple[int, str]]:
        chosen = [v for v in self.format_value(value) if v and str(v).isdigit()]
        if not chosen:
            return []
        field = self.choices.field
        return [
            (record.pk, field.label_from_instance(record)) for record in field.queryset.filter(pk__in=chosen)
        ]


class PersonPicker(SearchPicker):
    url_name = "registry:person_search"
    placeholder = _("Начните вводить фамилию")

    def __init__(self, attrs=None, *, adults: bool = False):
        super().__init__(attrs)
        self.adults = adults

    def search_url(self) -> str:
        return super().search_url() + ("?adults=1" if self.adults else "")


class OrganizationPicker(SearchPicker):
    """A region has a thousand organisations: a select of all of them weighs 50 KB on every list page."""

    url_name = "directory:organization_search"
    placeholder = _("Начните вводить название")


class PeoplePicker(PersonPicker, forms.SelectMultiple):
    allow_multiple_selected = True


def pick_people(form, *names: str, adults: bool = False) -> None:
    """Give the form's person fields a picker in place of a select of everyone in scope."""
    for name in names:
        field = form.fields[name]
        field.label_from_instance = person_label
        widget = PeoplePicker if isinstance(field, forms.ModelMultipleChoiceField) else PersonPicker
        field.widget = widget(attrs=field.widget.attrs, adults=adults)
        field.widget.choices = field.choices
