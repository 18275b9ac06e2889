"""Form pieces shared by every app."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core import validators
from django.db import connection
from django.utils.translation import gettext_lazy as _

from core.typography import quotes
from core.widgets import use_fast_select


class RuDateInput(forms.DateInput):
    """A date typed as дд.мм.гггг, the way Russian documents write it."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"placeholder": "дд.мм.гггг", "autocomplete": "off", **(attrs or {})}, format="%d.%m.%Y"
        )


# A number typed into a form that no column holds (10^30) is refused with a message, never a server error.
NUMBER_MAX = 2_147_483_647
TOO_BIG = _("Слишком большое число: введите не больше %(limit_value)s.")
TOO_SMALL = _("Слишком маленькое число: введите не меньше %(limit_value)s.")


def column_range(form, name: str) -> tuple[int | None, int | None]:
    """The database range of the model column behind a form field (smallint, integer), if there is one."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    try:
        column = model._meta.get_field(name) if model else None
    except LookupError:
        column = None
    if column is None or not column.get_internal_type().endswith("IntegerField"):
        return None, NUMBER_MAX
    return connection.ops.integer_field_range(column.get_internal_type())


def bound_numbers(form) -> None:
    """Every whole-number field gets the bounds of its column, with a Russian message and the input's max."""
    for name, field in form.fields.items():
        if not isinstance(field, forms.IntegerField) or isinstance(
            field, forms.DecimalField | forms.FloatField
        ):
            continue
        low, high = column_range(form, name)
        if field.max_value is None or field.max_value > high:
            field.max_value = high
            field.validators.append(validators.MaxValueValidator(high, message=TOO_BIG))
            field.widget.attrs["max"] = high
        if low is not None and (field.min_value is None or field.min_value < low):
            field.min_value = low
            field.validators.append(validators.MinValueValidator(low, message=TOO_SMALL))


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
        bound_numbers(self)

    def add_error(self, field, error):
        """A message naming a record in quotes gets Russian nested quotes: «МБОУ „СОШ с. Крыловка“»."""
        super().add_error(field, quotes(error) if isinstance(error, str) else error)


class CrispyModelForm(CrispyFormMixin, forms.ModelForm):
    def _get_validation_exclusions(self):
        """A record's district is set by the view, not typed: its unique constraints (a partner's name, a
        meeting's number in the district) are still checked on the form, with their Russian messages."""
        exclude = super()._get_validation_exclusions()
        if getattr(self.instance, "DISTRICT_FIELD", None) == "district":
            exclude.discard("district")
        return exclude


class CrispyForm(CrispyFormMixin, forms.Form):
    pass


class ConfirmForm(forms.Form):
    """A confirmation with nothing to type (deleting a record or a file)."""

    def __init__(self, *args, submit_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", submit_label or _("Удалить"), css_class="btn-danger"))


class StepCommentForm(forms.Form):
    """The comment of a workflow step (a practice, a school's report, a district's answer); the view says whether
    it is required, and with which words it is asked for."""

    comment = forms.CharField(
        label=_("Комментарий"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )

    def __init__(
        self, *args, comment_required=False, comment_label="", required_message="", submit_label="", **kwargs
    ):
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.required = comment_required
        if comment_label:
            field.label = comment_label
        if required_message:
            field.error_messages["required"] = required_message
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", submit_label or _("Подтвердить")))
