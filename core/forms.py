"""Form pieces shared by every app."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import use_fast_select


class RuDateInput(forms.DateInput):
    """A date typed as дд.мм.гггг, the way Russian documents write it."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"placeholder": "дд.мм.гггг", "autocomplete": "off", **(attrs or {})}, format="%d.%m.%Y"
        )


class CrispyFormMixin:
    """A form with its crispy helper and a submit button (`submit_label`, or the one passed in); dates
    typed дд.мм.гггг; selects rendered in Python (a region has a thousand organisations to choose from)."""

    submit_label = _("Сохранить")

    def __init__(self, *args, submit_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", submit_label or self.submit_label))
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = RuDateInput()
            use_fast_select(field)


class CrispyModelForm(CrispyFormMixin, forms.ModelForm):
    pass


class CrispyForm(CrispyFormMixin, forms.Form):
    pass


class ConfirmForm(forms.Form):
    """A confirmation with nothing to type (deleting a record or a file)."""

    def __init__(self, *args, submit_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", submit_label or _("Удалить"), css_class="btn-danger"))
