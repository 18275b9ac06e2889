"""Russian typography in templates: `{{ text|typo }}` (documents), `{{ message|quotes }}` (page messages:
nested quotes only, the rest of a page keeps its text as typed), `{{ day|date_words }}`, `{{ share|decimal }}`."""

from __future__ import annotations

from django import template

from core import typography

register = template.Library()

register.filter("typo", typography.typograph_html, is_safe=True)
register.filter("quotes", typography.quotes_html, is_safe=True)
register.filter("date_words", typography.date_words)
register.filter("decimal", typography.decimal)
