"""The personalised program form: the program's text fields with its activities as an inline formset.

Kept apart from registry/forms.py: the program form owns its formset, so `is_valid()` and `save()`
cover the program and every activity row at once.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.forms import CrispyModelForm, RuDateInput, bound_numbers
from registry.models import Activity, ActivityStatus, Pair, Program


def _day(value: datetime.date) -> str:
    return f"{value:%d.%m.%Y}"


def period_of(pair: Pair) -> str:
    """The pair's period as the messages and the document write it."""
    if pair.planned_end_on:
        return _("с %(start)s по %(end)s") % {
            "start": _day(pair.started_on),
            "end": _day(pair.planned_end_on),
        }
    return _("с %(start)s") % {"start": _day(pair.started_on)}


def _in_period(day: datetime.date, pair: Pair) -> bool:
    return day >= pair.started_on and (pair.planned_end_on is None or day <= pair.planned_end_on)


class ActivityForm(forms.ModelForm):
    position = forms.IntegerField(
        label=_lazy("№"), required=False, min_value=1, widget=forms.NumberInput(attrs={"min": 1})
    )

    class Meta:
        model = Activity
        fields = ["position", "title", "due_on", "status", "done_on", "evidence"]
        widgets = {"due_on": RuDateInput(), "done_on": RuDateInput()}
        error_messages = {"title": {"required": _lazy("Укажите название мероприятия.")}}

    def __init__(self, *args, pair: Pair, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair = pair
        for name, field in self.fields.items():
            css = "form-select form-select-sm" if name == "status" else "form-control form-control-sm"
            field.widget.attrs["class"] = css
        bound_numbers(self)

    def clean_due_on(self):
        due = self.cleaned_data.get("due_on")
        if due and not _in_period(due, self.pair):
            raise ValidationError(
                _("Срок вне периода работы пары (%(period)s): укажите дату внутри этого периода.")
                % {"period": period_of(self.pair)}
            )
        return due

    def clean_done_on(self):
        done = self.cleaned_data.get("done_on")
        if done and done > timezone.localdate():
            raise ValidationError(_("Дата выполнения не может быть в будущем."))
        if done and done < self.pair.started_on:
            raise ValidationError(
                _("Дата выполнения не может быть раньше начала работы пары (%(start)s).")
                % {"start": _day(self.pair.started_on)}
            )
        return done

    def clean(self):
        data = super().clean()
        done_missing = "done_on" not in self.errors and not data.get("done_on")
        if data.get("status") == ActivityStatus.DONE and done_missing:
            self.add_error("done_on", _("Мероприятие отмечено как выполненное: укажите дату выполнения."))
        return data


ActivityFormSet = inlineformset_factory(
    Program, Activity, form=ActivityForm, extra=1, can_delete=True, max_num=200, validate_max=True
)


class ProgramForm(CrispyModelForm):
    """The program and, in `self.activities`, its activities; valid and saved together."""

    activities_prefix = "activities"

    class Meta:
        model = Program
        fields = [
            "goals",
            "directions",
            "expected_results",
            "achieved_results",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("goals", "directions", "expected_results", "achieved_results")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.inputs = []
        self.activities = ActivityFormSet(
            self.data if self.is_bound else None,
            instance=self.instance,
            prefix=self.activities_prefix,
            form_kwargs={"pair": self.instance.pair},
        )

    def clean(self):
        data = super().clean()
        if self.instance.pair.is_closed:
            raise ValidationError(closed_message())
        return data

    def is_valid(self) -> bool:
        form_valid = super().is_valid()
        return self.activities.is_valid() and form_valid

    def save(self, commit: bool = True) -> Program:
        program = super().save(commit=commit)
        if commit:
            self.activities.instance = program
            self._save_activities(program)
        return program

    def _save_activities(self, program: Program) -> None:
        next_position = (program.activities.aggregate(top=Max("position"))["top"] or 0) + 1
        for form in self.activities.forms:
            if form in self.activities.deleted_forms or not form.has_changed():
                continue
            if form.cleaned_data.get("position") is None:
                form.instance.position = next_position
                next_position += 1
        self.activities.save()
        renumber_activities(program)


def renumber_activities(program: Program) -> None:
    """Positions become 1…n in the program's order, so the printed № matches the screen."""
    activities = list(program.activities.all())
    changed = []
    for number, activity in enumerate(activities, start=1):
        if activity.position != number:
            activity.position = number
            changed.append(activity)
    Activity.objects.bulk_update(changed, ["position"])


def closed_message() -> str:
    return _("Пара завершена: чтобы изменить её программу, сначала откройте пару заново.")
