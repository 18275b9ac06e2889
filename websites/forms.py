"""Forms of the website checks; each carries its validation and its crispy helper."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyForm, CrispyModelForm
from websites.models import ChecklistItem, CheckRound
from websites.services import save_round


class ChecklistItemForm(CrispyModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["position", "title", "keywords", "is_section", "is_active"]
        widgets = {"keywords": forms.Textarea(attrs={"rows": 2})}


class CheckRoundForm(CrispyModelForm):
    class Meta:
        model = CheckRound
        fields = ["title", "deadline"]

    def save(self, commit=True):
        """Saving a round also gives each asked organisation its check (a service does it)."""
        round_ = super().save(commit=False)
        if commit:
            save_round(round_)
        return round_


class ResultsForm(CrispyForm):
    """The methodologist's answer per checklist item: found or not, and where."""

    submit_label = _("Подтвердить результаты")

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for item, result in rows:
            self.fields[f"found_{item.pk}"] = forms.BooleanField(
                label=item.title, required=False, initial=bool(result and result.found)
            )
            self.fields[f"url_{item.pk}"] = forms.URLField(
                label=_("Адрес: %(item)s") % {"item": item.title},
                required=False,
                max_length=1000,
                assume_scheme="https",
                initial=result.url if result else "",
            )

    def answers(self) -> dict:
        return {
            item: (self.cleaned_data[f"found_{item.pk}"], self.cleaned_data[f"url_{item.pk}"])
            for item, _result in self.rows
        }
