"""Person pickers: a select that holds only the chosen people, with a search box that finds the others.

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
from django.utils.translation import gettext as _


def person_label(person) -> str:
    """How a picker names a person: full name and organisation (namesakes are common)."""
    return f"{person.full_name} ({person.organization})" if person.organization_id else person.full_name


class PersonPicker(forms.Select):
    def __init__(self, attrs=None, *, adults: bool = False):
        super().__init__(attrs)
        self.adults = adults

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        final.setdefault("class", "form-select")
        if self.allow_multiple_selected:
            final.update(multiple=True, size=5)
        url = reverse("registry:person_search") + ("?adults=1" if self.adults else "")
        search_id = f"{final.get('id', name)}_search"
        return mark_safe(  # every part is escaped
            f'<div class="person-picker" data-url="{escape(url)}">'
            f'<input type="search" class="form-control form-control-sm mb-1 picker-search" id="{escape(search_id)}" '
            f'autocomplete="off" placeholder="{escape(_("Найти: начните вводить фамилию"))}" '
            f'aria-label="{escape(_("Найти человека"))}">'
            f'<div class="list-group picker-results mb-1"></div>'
            f"<select{flatatt(final)}>{self._chosen_options(value)}</select></div>"
        )

    def _chosen_options(self, value) -> str:
        chosen = [v for v in self.format_value(value) if v]
        options = "" if self.allow_multiple_selected else '<option value="">—</option>'
        if not chosen:
            return options
        field = self.choices.field
        people = field.queryset.filter(pk__in=[v for v in chosen if str(v).isdigit()])
        return options + "".join(
            f'<option value="{person.pk}" selected>{escape(field.label_from_instance(person))}</option>'
            for person in people
        )


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
