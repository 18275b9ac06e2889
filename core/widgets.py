"""Select widgets that render their options in Python.

Django renders every <option> through a template; with a region's thousand organisations or
thousands of mentors that alone costs tens of milliseconds a page.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
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
        for key, label in self.choices:
            if isinstance(label, list | tuple):  # an option group: flattened
                yield from ((str(k), str(v)) for k, v in label)
            else:
                yield ("" if key is None else str(key)), str(label)


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    allow_multiple_selected = True
