"""Forms of meetings and the roadmap; every rule's message says what to fix."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.forms import inlineformset_factory
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.files import validate_upload
from core.forms import CrispyForm, CrispyModelForm, bound_numbers
from core.pickers import pick_people
from directory.models import AcademicYear, Organization, PersonCategory
from meetings import services
from meetings.models import (
    AgendaItem,
    Attachment,
    Meeting,
    PlanDirection,
    PlanItem,
    RoadmapItem,
    RoadmapStatus,
    SupportPlan,
    school_year_title,
)
from registry.models import Person


def _day(value) -> str:
    return f"{value:%d.%m.%Y}"


def adults():
    """Who may chair, keep the minutes, attend or answer for a roadmap item: adults of the registry."""
    return (
        Person.objects.filter(is_anonymised=False)
        .exclude(category=PersonCategory.PUPIL)
        .select_related("organization")
    )


def out_of_year_message(day, year: AcademicYear) -> str:
    return _(
        "Дата %(date)s вне %(year)s учебного года (%(start)s – %(end)s): исправьте дату "
        "или выберите другой учебный год."
    ) % {"date": _day(day), "year": year, "start": _day(year.start_date), "end": _day(year.end_date)}


class AgendaItemForm(forms.ModelForm):
    position = forms.IntegerField(
        label=_lazy("№"), required=False, min_value=1, widget=forms.NumberInput(attrs={"min": 1})
    )

    class Meta:
        model = AgendaItem
        fields = ["position", "topic", "speakers", "heard", "spoke", "decisions"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in ("heard", "spoke", "decisions")}
        error_messages = {"topic": {"required": _lazy("Укажите вопрос повестки.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control form-control-sm"
        bound_numbers(self)


AgendaFormSet = inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, extra=1, can_delete=True, max_num=50, validate_max=True
)


class MeetingForm(CrispyModelForm):
    """The meeting and, in `self.agenda`, its agenda items; valid and saved together."""

    agenda_prefix = "agenda"
    number = forms.IntegerField(
        label=_lazy("Номер"),
        required=False,
        min_value=1,
        help_text=_lazy("Пусто — следующий номер учебного года."),
    )
    link = forms.URLField(label=_lazy("Ссылка на онлайн-встречу"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = [
            "year",
            "number",
            "date",
            "time",
            "place",
            "is_online",
            "link",
            "chair",
            "secretary",
            "present",
            "guests",
        ]
        widgets = {
            "time": forms.TimeInput(attrs={"placeholder": "чч:мм"}, format="%H:%M"),
            "present": forms.SelectMultiple(attrs={"size": 10}),
            "guests": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "present": _lazy(
                "Найдите человека по фамилии и выберите его (стрелками и Enter или щелчком); "
                "чтобы убрать человека, снимите отметку."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.inputs = []
        if self.instance.pk:
            del self.fields["year"]  # the number belongs to its year
        for name in ("chair", "secretary", "present"):
            self.fields[name].queryset = adults()
        pick_people(self, "chair", "secretary", "present", adults=True)
        self.agenda = AgendaFormSet(
            self.data if self.is_bound else None, instance=self.instance, prefix=self.agenda_prefix
        )

    @property
    def year(self) -> AcademicYear | None:
        return self.instance.year if self.instance.pk else self.cleaned_data.get("year")

    def clean_number(self):
        number = self.cleaned_data.get("number")
        if self.instance.pk and number is None:
            return self.instance.number
        return number

    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.is_approved:
            raise ValidationError(services.closed_message())
        self._check_number(data.get("number"))
        self._check_date(data.get("date"))
        self._check_order(data.get("number"), data.get("date"))
        self._check_place(data)
        self._check_present(data)
        return data

    def district_meetings(self):
        """The other meetings of this meeting's district: numbers are counted per district."""
        return Meeting.objects.filter(district_id=self.instance.district_id).exclude(pk=self.instance.pk)

    def _check_number(self, number) -> None:
        year = self.year
        if not number or year is None:
            return
        others = self.district_meetings().filter(year=year, number=number)
        if others.exists():
            self.add_error("number", services.duplicate_number_message(number, year))

    def _check_order(self, number, day) -> None:
        """Numbers of a year follow the dates: № 3 on 01.12 and № 2 on 25.03 next year is a slip."""
        year = self.year
        if not day or year is None or self.has_error("number") or self.has_error("date"):
            return
        others = self.district_meetings().filter(year=year)
        # A new meeting without a number takes the next one: every other meeting must be earlier.
        out_of_order = (
            Q(date__gt=day)
            if not number
            else Q(number__lt=number, date__gt=day) | Q(number__gt=number, date__lt=day)
        )
        clash = others.filter(out_of_order).order_by("date", "number").first()
        if clash is not None:
            self.add_error("number", services.out_of_order_message(number, day, clash))

    def _check_date(self, day) -> None:
        year = self.year
        if day and year and not year.contains(day):
            self.add_error("date", out_of_year_message(day, year))

    def _check_place(self, data) -> None:
        if data.get("is_online") and not data.get("link"):
            self.add_error("link", _("Заседание онлайн: укажите ссылку на встречу."))
        if not data.get("is_online") and not data.get("place"):
            self.add_error("place", _("Укажите место проведения или отметьте «онлайн» и дайте ссылку."))

    def _check_present(self, data) -> None:
        present = set(data.get("present") or [])
        for role in ("chair", "secretary"):
            person = data.get(role)
            if person and person not in present:
                self.add_error(role, self._absent_message(role, person))

    def _absent_message(self, role: str, person: Person) -> str:
        if role == "chair":
            return _("Председатель %(name)s не отмечен среди присутствовавших: отметьте его в списке.") % {
                "name": person.short_name
            }
        return _("Секретарь %(name)s не отмечен среди присутствовавших: отметьте его в списке.") % {
            "name": person.short_name
        }

    def is_valid(self) -> bool:
        form_valid = super().is_valid()
        return self.agenda.is_valid() and form_valid

    def save(self, commit: bool = True) -> Meeting:
        """A new meeting takes its number from the year's counter; the agenda is saved with it."""
        meeting = super().save(commit=False)
        if meeting.pk is None:
            services.create_meeting(meeting, self.cleaned_data["present"], self.cleaned_data.get("number"))
        else:
            meeting.save()
            self.save_m2m()
        self.save_agenda(meeting)
        return meeting

    def save_agenda(self, meeting: Meeting) -> None:
        self.agenda.instance = meeting
        next_position = (meeting.agenda.aggregate(top=Max("position"))["top"] or 0) + 1
        for form in self.agenda.forms:
            if form in self.agenda.deleted_forms or not form.has_changed():
                continue
            if form.cleaned_data.get("position") is None:
                form.instance.position = next_position
                next_position += 1
        self.agenda.save()
        services.renumber_agenda(meeting)


class TransitionForm(CrispyForm):
    reason = forms.CharField(
        label=_lazy("Причина"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, reason_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if not reason_required:
            self.fields["reason"].label = _lazy("Примечание")
        self.fields["reason"].error_messages["required"] = _lazy(
            "Укажите причину, по которой протокол открывается заново."
        )


class AttachmentForm(CrispyModelForm):
    """A file of a meeting; on the meeting's page (`meeting` given) it posts to the upload address."""

    submit_label = _lazy("Загрузить")

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None:
            self.helper.form_action = reverse("meetings:attachment_create", args=[meeting.pk])

    class Meta:
        model = Attachment
        fields = ["title", "file"]
        error_messages = {
            "title": {"required": _lazy("Назовите файл, например «Протокол с подписями».")},
            "file": {"required": _lazy("Выберите файл.")},
        }

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "content_type"):
            validate_upload(uploaded)
        return uploaded


class RoadmapItemForm(CrispyModelForm):
    evidence_link = forms.URLField(
        label=_lazy("Подтверждение (ссылка)"), required=False, assume_scheme="https"
    )

    class Meta:
        model = RoadmapItem
        fields = [
            "year",
            "position",
            "stage",
            "activity",
            "due_on",
            "due_note",
            "responsible_person",
            "responsible_organization",
            "responsible_text",
            "expected_result",
            "plan_item",
            "status",
            "done_on",
            "evidence_file",
            "evidence_link",
            "evidence_note",
        ]
        widgets = {
            "activity": forms.Textarea(attrs={"rows": 3}),
            "expected_result": forms.Textarea(attrs={"rows": 2}),
            "evidence_note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"position": _lazy("Пусто или 0 — в конец дорожной карты года.")}
        error_messages = {"activity": {"required": _lazy("Опишите мероприятие.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["responsible_person"].queryset = adults()
        pick_people(self, "responsible_person", adults=True)
        self.fields["responsible_organization"].queryset = Organization.objects.filter(is_active=True)
        plan_item = self.fields["plan_item"]
        plan_item.queryset = PlanItem.objects.select_related("direction__plan").order_by(
            "-direction__plan__from_year", "direction__position", "position", "id"
        )
        plan_item.label_from_instance = plan_item_label
        plan_item.empty_label = _("— не относится к плану —")

    def clean_evidence_file(self):
        uploaded = self.cleaned_data.get("evidence_file")
        if uploaded and hasattr(uploaded, "content_type"):
            validate_upload(uploaded)
        return uploaded

    def clean(self):
        data = super().clean()
        self._check_dates(data)
        self._check_responsible(data)
        self._check_plan_item(data)
        return data

    def _check_dates(self, data) -> None:
        year, due, done = data.get("year"), data.get("due_on"), data.get("done_on")
        if year and due and not year.contains(due):
            self.add_error("due_on", out_of_year_message(due, year))
        if done and done > timezone.localdate():
            self.add_error("done_on", _("Дата выполнения не может быть в будущем."))
        if data.get("status") == RoadmapStatus.DONE and not done and "done_on" not in self.errors:
            self.add_error("done_on", _("Пункт отмечен выполненным: укажите дату выполнения."))

    def _check_plan_item(self, data) -> None:
        year, item = data.get("year"), data.get("plan_item")
        if year and item and not item.runs_in(year.start_year):
            self.add_error(
                "plan_item",
                _(
                    "Пункт плана %(number)s рассчитан на %(years)s, а дорожная карта — на %(year)s: выберите другой пункт."
                )
                % {"number": item.number, "years": item.years, "year": year},
            )

    def _check_responsible(self, data) -> None:
        named = data.get("responsible_person") or data.get("responsible_organization")
        if not named and not (data.get("responsible_text") or "").strip():
            self.add_error(
                "responsible_text",
                _("Укажите ответственного: человека из реестра, организацию или впишите текстом."),
            )

    def save(self, commit: bool = True) -> RoadmapItem:
        item = super().save(commit=False)
        if not item.position:
            item.position = services.next_roadmap_position(item.year, item.district_id)
        if commit:
            item.save()
        return item


class CopyRoadmapForm(CrispyForm):
    from_year = forms.ModelChoiceField(label=_lazy("Из учебного года"), queryset=AcademicYear.objects.all())
    to_year = forms.ModelChoiceField(label=_lazy("В учебный год"), queryset=AcademicYear.objects.all())
    confirmed = forms.BooleanField(
        label=_lazy("Добавить к имеющимся"),
        required=False,
        help_text=_lazy("Нужно, если в дорожной карте выбранного года уже есть пункты."),
    )
    submit_label = _lazy("Скопировать")


def plan_item_label(item: PlanItem) -> str:
    return f"{item.direction.plan.period}, {item.number}. {item.activity[:90]}"


MAX_PLAN_YEARS = 10


class SupportPlanForm(CrispyModelForm):
    class Meta:
        model = SupportPlan
        fields = ["title", "from_year", "to_year", "basis"]
        error_messages = {
            "from_year": {"required": _lazy("Укажите год начала плана.")},
            "to_year": {"required": _lazy("Укажите год окончания плана.")},
        }

    def clean(self):
        data = super().clean()
        first, last = data.get("from_year"), data.get("to_year")
        if first and last and not 0 < last - first <= MAX_PLAN_YEARS:
            self.add_error(
                "to_year",
                _(
                    "План охватывает от одного до %(max)s учебных лет: год окончания (%(last)s) должен быть больше года начала (%(first)s)."
                )
                % {"max": MAX_PLAN_YEARS, "first": first, "last": last},
            )
        if first and not 2000 <= first <= 2100:
            self.add_error("from_year", _("Укажите год четырьмя цифрами, например 2024."))
        return data


class PlanDirectionForm(CrispyModelForm):
    class Meta:
        model = PlanDirection
        fields = ["position", "title", "goal"]
        widgets = {"goal": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"position": _lazy("Пусто или 0 — следующим номером.")}
        error_messages = {"title": {"required": _lazy("Назовите направление.")}}

    def __init__(self, *args, plan: SupportPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["position"].required = False

    def save(self, commit: bool = True) -> PlanDirection:
        direction = super().save(commit=False)
        if not direction.position:
            last = direction.plan.directions.aggregate(last=Max("position"))["last"] or 0
            direction.position = last + 1
        if commit:
            direction.save()
        return direction


class PlanItemForm(CrispyModelForm):
    first_year = forms.TypedChoiceField(label=_lazy("С учебного года"), coerce=int)
    last_year = forms.TypedChoiceField(label=_lazy("По учебный год"), coerce=int)

    class Meta:
        model = PlanItem
        fields = ["direction", "position", "activity", "expected_result", "first_year", "last_year"]
        widgets = {
            "activity": forms.Textarea(attrs={"rows": 3}),
            "expected_result": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"position": _lazy("Пусто или 0 — следующим номером в направлении.")}
        error_messages = {
            "activity": {"required": _lazy("Опишите мероприятие плана.")},
            "direction": {"required": _lazy("Выберите направление плана.")},
        }

    def __init__(self, *args, plan: SupportPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["direction"].queryset = plan.directions.order_by("position", "id")
        self.fields["direction"].empty_label = _("— выберите направление —")
        self.fields["position"].required = False
        years = [(year, school_year_title(year)) for year in plan.school_years]
        for name in ("first_year", "last_year"):
            self.fields[name].choices = years
        if not self.instance.pk:
            self.initial.setdefault("first_year", plan.from_year)
            self.initial.setdefault("last_year", plan.to_year - 1)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first is not None and last is not None and last < first:
            self.add_error(
                "last_year",
                _("Учебный год окончания (%(last)s) раньше года начала (%(first)s): исправьте годы.")
                % {"last": school_year_title(last), "first": school_year_title(first)},
            )
        return data

    def save(self, commit: bool = True) -> PlanItem:
        item = super().save(commit=False)
        if not item.position:
            last = item.direction.items.aggregate(last=Max("position"))["last"] or 0
            item.position = last + 1
        if commit:
            item.save()
        return item
