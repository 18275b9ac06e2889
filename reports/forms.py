"""The dashboard's filters and the methodologist's form of a year's target."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyForm
from core.generic import version_of
from directory.forms import YearFilterForm
from directory.models import AcademicYear
from indicators.definitions import CHOICES
from reports.models import AnnualText, IndicatorTarget


class DashboardFilterForm(YearFilterForm):
    offers_district = True

    def default_year(self) -> AcademicYear | None:
        return latest_year()


def latest_year() -> AcademicYear | None:
    """The current school year, or the latest one in the reference list."""
    return AcademicYear.objects.current() or AcademicYear.objects.order_by("-start_year").first()


class TargetForm(forms.Form):
    """Sets (or changes) the target of one indicator for one school year."""

    year = forms.ModelChoiceField(
        label=_("Учебный год"), queryset=AcademicYear.objects.all(), empty_label=None
    )
    code = forms.ChoiceField(label=_("Показатель"), choices=CHOICES)
    target = forms.DecimalField(
        label=_("Целевое значение"),
        max_digits=10,
        decimal_places=1,
        min_value=0,
        help_text=_("Для долей и удовлетворённости — в процентах (от 0 до 100)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Сохранить")))

    def clean(self):
        cleaned = super().clean()
        code, target = cleaned.get("code"), cleaned.get("target")
        if code and target is not None and code.endswith(("_share", "_satisfaction")) and target > 100:
            self.add_error("target", _("Доля не может быть больше 100 %: укажите значение от 0 до 100."))
        return cleaned

    def save(self, district_id: int) -> IndicatorTarget:
        target, _created = IndicatorTarget.objects.update_or_create(
            district_id=district_id,
            year=self.cleaned_data["year"],
            code=self.cleaned_data["code"],
            defaults={"target": self.cleaned_data["target"]},
        )
        return target


class AnnualFilterForm(DashboardFilterForm):
    """The year and, for those who read everything, one organisation or (empty) the whole district."""

    offers_district = False  # the region reads each district's approved analysis in the archive

    def __init__(self, data, *, user):
        super().__init__(data, user=user)
        self.fields.pop("kind", None)
        if "organization" in self.fields:
            self.fields["organization"].empty_label = _("весь район")


class AnnualTextForm(forms.ModelForm):
    """The methodologist's conclusions and plan; saved only over the version that was loaded."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AnnualText
        fields = ["conclusions", "plan", "signer_position", "signer_name"]
        widgets = {
            "conclusions": forms.Textarea(attrs={"rows": 10}),
            "plan": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = version_of(self.instance)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Сохранить")))


class ApproveForm(CrispyForm):
    """Approving makes a version that never changes: the methodologist confirms she has read what it holds."""

    submit_label = _("Утвердить отчёт")
    confirm = forms.BooleanField(
        label=_("Отчёт проверен: утвердить его как неизменяемую версию"),
        error_messages={"required": _("Отметьте подтверждение: утверждённую версию изменить нельзя.")},
    )
