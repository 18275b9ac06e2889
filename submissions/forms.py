"""Forms of the campaigns; each carries its validation and its crispy helper."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyModelForm
from core.widgets import FastSelectMultiple
from directory.models import Organization
from submissions.models import Campaign, Submission
from submissions.services import save_campaign


class CampaignForm(CrispyModelForm):
    class Meta:
        model = Campaign
        fields = [
            "title",
            "year",
            "period_start",
            "period_end",
            "deadline",
            "organizations",
            "asks_registry",
            "asks_pairs",
            "asks_young",
            "asks_programs",
            "asks_practices",
            "asks_website",
            "asks_denominators",
        ]
        help_texts = {
            "organizations": _("Изначально — все действующие школы, детские сады, УДО и колледжи."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organizations"]
        field.queryset = Organization.objects.filter(is_active=True).order_by("sort_name", "id")
        field.widget = FastSelectMultiple(attrs={"size": 12}, choices=field.choices)
        if not self.instance.pk and not self.initial.get("organizations"):
            self.initial["organizations"] = list(
                Organization.objects.educational()
                .filter(district_id=self.instance.district_id)
                .values_list("pk", flat=True)
            )

    def clean(self):
        """An interim campaign covers a part of its school year: both ends inside the year, in order."""
        cleaned = super().clean()
        year, start, end = (cleaned.get(name) for name in ("year", "period_start", "period_end"))
        if year is None:
            return cleaned
        for name, day in (("period_start", start), ("period_end", end)):
            if day and not year.contains(day):
                self.add_error(name, _("Дата должна быть внутри учебного года %(year)s.") % {"year": year})
        if start and end and start > end:
            self.add_error("period_end", _("Конец периода раньше его начала."))
        return cleaned

    def save(self, commit=True):
        """Saving a campaign also gives each asked organisation its submission (a service does it)."""
        campaign = super().save(commit=False)
        if commit:
            save_campaign(campaign, self.cleaned_data["organizations"])
        return campaign


class DenominatorsForm(CrispyModelForm):
    """The organisation's own figures for the year: the denominators of the shares in reports."""

    website_section_url = forms.URLField(
        label=_("Адрес раздела «Наставничество» на сайте"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Например: https://school1.ru/nastavnichestvo"),
    )

    class Meta:
        model = Submission
        fields = ["pupils_count", "pedagogues_count", "pupils_10_18", "pupils_15_19", "website_section_url"]

    def clean(self):
        cleaned = super().clean()
        pupils = cleaned.get("pupils_count")
        for name in ("pupils_10_18", "pupils_15_19"):
            part = cleaned.get(name)
            if pupils is not None and part is not None and part > pupils:
                self.add_error(
                    name,
                    _("Не может быть больше числа обучающихся всего (%(total)s): проверьте оба числа.")
                    % {"total": pupils},
                )
        return cleaned


def _helper(label) -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("submit", label))
    return helper


class SubmitForm(forms.Form):
    confirmed = forms.BooleanField(
        label=_("Данные достоверны"),
        error_messages={
            "required": _("Подтвердите, что данные достоверны: без этого отчёт не отправляется.")
        },
    )
    comment = forms.CharField(
        label=_("Комментарий для методиста"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
    )

    def __init__(self, *args, submit_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(submit_label or _("Отправить"))


class ReturnForm(forms.Form):
    """What to fix: a comment per checked item the campaign asked for, and a general one."""

    comment = forms.CharField(
        label=_("Общий комментарий"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        required=False,
    )

    def __init__(self, *args, items: list[tuple[str, str]], submit_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for name, label in items:
            self.fields[f"item_{name}"] = forms.CharField(
                label=label, max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 1})
            )
        self.order_fields([f"item_{name}" for name, _label in items] + ["comment"])
        self.helper = _helper(submit_label or _("Вернуть на доработку"))

    def clean(self):
        cleaned = super().clean()
        if not self.text(cleaned):
            raise forms.ValidationError(
                _("Напишите, что нужно исправить: хотя бы один комментарий к пункту или общий комментарий.")
            )
        return cleaned

    def text(self, cleaned=None) -> str:
        """The comments as one text: «пункт: комментарий» per line, the general comment last."""
        cleaned = cleaned if cleaned is not None else self.cleaned_data
        lines = [
            f"{label}: {cleaned[f'item_{name}'].strip()}"
            for name, label in self.items
            if cleaned.get(f"item_{name}", "").strip()
        ]
        if cleaned.get("comment", "").strip():
            lines.append(cleaned["comment"].strip())
        return "\n".join(lines)
