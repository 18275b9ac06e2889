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
    """A select holding only the chosen records, with a search box that asks `url_name` for the others."""

    url_name = ""
    placeholder = ""
    search_label = ""

    def search_url(self) -> str:
        return reverse(self.url_name)

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        final.setdefault("class", "form-select")
        if self.allow_multiple_selected:
            final.update(multiple=True, size=5)
        search_id = f"{final.get('id', name)}_search"
        return mark_safe(  # every part is escaped
            f'<div class="picker" data-url="{escape(self.search_url())}">'
            f'<input type="search" class="form-control form-control-sm mb-1 picker-search" id="{escape(search_id)}" '
            f'autocomplete="off" placeholder="{escape(str(self.placeholder))}" '
            f'aria-label="{escape(str(self.search_label))}">'
            f'<div class="list-group picker-results mb-1"></div>'
            f"<select{flatatt(final)}>{self._chosen_options(value)}</select></div>"
        )

    def _chosen_options(self, value) -> str:
        chosen = [v for v in self.format_value(value) if v]
        options = "" if self.allow_multiple_selected else '<option value="">—</option>'
        if not chosen:
            return options
        field = self.choices.field
        records = field.queryset.filter(pk__in=[v for v in chosen if str(v).isdigit()])
        return options + "".join(
            f'<option value="{record.pk}" selected>{escape(field.label_from_instance(record))}</option>'
            for record in records
        )


class PersonPicker(SearchPicker):
    url_name = "registry:person_search"
    placeholder = _("Найти: начните вводить фамилию")
    search_label = _("Найти человека")

    def __init__(self, attrs=None, *, adults: bool = False):
        super().__init__(attrs)
        self.adults = adults

    def search_url(self) -> str:
        return super().search_url() + ("?adults=1" if self.adults else "")


class OrganizationPicker(SearchPicker):
    """A region has a thousand organisations: a select of all of them weighs 50 KB on every list page."""

    url_name = "directory:organization_search"
    placeholder = _("Найти: начните вводить название")
    search_label = _("Найти организацию")


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
