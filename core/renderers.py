"""Django's form renderer, with its plainest widget templates written in Python.

An input or a textarea is one line of markup, yet Django renders it through two templates (the widget
and its attributes); a person's form has fifteen of them and was the dearest page of the load run.
The output is the templates' own, byte for byte (tests/core/test_renderers.py compares them); every
other template — selects, files, crispy's layout — is rendered as before.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

INPUT_TEMPLATES = [
    "input",
    "checkbox",
    "color",
    "date",
    "datetime",
    "email",
    "file",
    "hidden",
    "number",
    "password",
    "search",
    "tel",
    "text",
    "time",
    "url",
]


def attributes(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: True is a bare name, False is left out, the rest name="value"."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def input_markup(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{conditional_escape(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value}{attributes(widget['attrs'])}>"
    )


def textarea_markup(widget: dict) -> str:
    text = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>\n{text}</textarea>'


WRITTEN_IN_PYTHON = {
    **{f"django/forms/widgets/{name}.html": input_markup for name in INPUT_TEMPLATES},
    "django/forms/widgets/textarea.html": textarea_markup,
}


class FastWidgetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        write = WRITTEN_IN_PYTHON.get(template_name)
        if write is None:
            return super().render(template_name, context, request)
        return write(context["widget"])
