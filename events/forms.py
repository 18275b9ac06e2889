"""Forms of events (with participants and materials as inline formsets), trainings and partners."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.files import validate_upload
from core.forms import CrispyForm, CrispyModelForm
from core.pickers import pick_people
from directory.models import AcademicYear, Organization, OrganizationKind, start_year_of
from events.models import (
    Event,
    EventKind,
    EventMaterial,
    Interaction,
    Nomination,
    NominationStatus,
    ParticipantRole,
    Participation,
    Partner,
    Training,
)
from registry.models import Person
from registry.selectors import people_for


def _day(value: datetime.date) -> str:
    return f"{value:%d.%m.%Y}"


def _year_title(start_year: int) -> str:
    return f"{start_year}/{start_year + 1}"


def end_before_start_message(starts: datetime.date, ends: datetime.date) -> str:
    return _("Дата окончания (%(end)s) раньше даты начала (%(start)s): исправьте даты.") % {
        "end": _day(ends),
        "start": _day(starts),
    }


def missing_year_message(day: datetime.date) -> str:
    return _(
        "Учебный год %(year)s (по дате %(day)s) ещё не заведён: добавьте его в справочник «Учебные годы»."
    ) % {"year": _year_title(start_year_of(day)), "day": _day(day)}


def year_of(day: datetime.date) -> AcademicYear | None:
    return AcademicYear.objects.filter(start_year=start_year_of(day)).first()


def checked_upload(upload):
    """A newly uploaded file is checked by its real content; a file already stored is kept as is."""
    if isinstance(upload, UploadedFile):
        validate_upload(upload)
    return upload


def _small_widgets(form) -> None:
    for field in form.fields.values():
        is_select = hasattr(field.widget, "choices")
        field.widget.attrs["class"] = (
            "form-select form-select-sm" if is_select else "form-control form-control-sm"
        )


class ParticipationForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["person", "role", "result"]
        error_messages = {"person": {"required": _lazy("Выберите участника из реестра.")}}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        pick_people(self, "person")
        _small_widgets(self)


class BaseParticipationFormSet(BaseInlineFormSet):
    def clean(self):
        self._check_repeated_people()
        super().clean()

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]

    def people(self) -> list:
        return [form.cleaned_data["person"] for form in self.kept_forms() if form.cleaned_data.get("person")]

    def _check_repeated_people(self) -> None:
        seen = set()
        for person in self.people():
            if person.pk in seen:
                raise ValidationError(
                    _("«%(name)s» указан(а) в участниках дважды: оставьте одну строку.")
                    % {"name": person.full_name}
                )
            seen.add(person.pk)


ParticipationFormSet = inlineformset_factory(
    Event,
    Participation,
    form=ParticipationForm,
    formset=BaseParticipationFormSet,
    extra=2,
    can_delete=True,
    max_num=500,
    validate_max=True,
)


class MaterialForm(forms.ModelForm):
    url = forms.URLField(
        label=_lazy("Ссылка"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _lazy("Укажите ссылку целиком, например https://mshn.example/doc")},
    )

    class Meta:
        model = EventMaterial
        fields = ["title", "file", "url"]
        widgets = {"file": forms.FileInput}  # stored files are never linked directly, only through a view
        error_messages = {"title": {"required": _lazy("Укажите название материала.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _small_widgets(self)

    def clean_file(self):
        return checked_upload(self.cleaned_data.get("file"))

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("url") and "file" not in self.errors:
            self.add_error("url", _("Приложите файл или укажите ссылку на материал."))
        return data

    def save(self, commit=True):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            self.instance.file_name = upload.name[:255]
        return super().save(commit=commit)


MaterialFormSet = inlineformset_factory(
    Event, EventMaterial, form=MaterialForm, extra=1, can_delete=True, max_num=50, validate_max=True
)


class EventForm(CrispyModelForm):
    """The event and, in `participants` and `materials`, its rows; valid and saved together."""

    takes_user = True

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "year",
            "starts_on",
            "ends_on",
            "time",
            "organizer",
            "place",
            "is_online",
            "description",
            "is_public",
            "is_cancelled",
            "nominations_until",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "time": forms.TimeInput(attrs={"placeholder": "чч:мм"}, format="%H:%M"),
        }
        error_messages = {
            "title": {"required": _lazy("Укажите название мероприятия.")},
            "starts_on": {"required": _lazy("Укажите дату начала.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.inputs = []
        self.fields["year"].required = False
        self.fields["year"].empty_label = _("— по дате начала —")
        organizer = self.fields["organizer"]
        organizer.queryset = Organization.objects.filter(Q(is_active=True) | Q(pk=self.instance.organizer_id))
        organizer.empty_label = _("МШН (проводит сама школа наставничества)")
        bound = self.data if self.is_bound else None
        self.participants = ParticipationFormSet(
            bound, instance=self.instance, prefix="participants", form_kwargs={"people": people_for(user)}
        )
        self.materials = MaterialFormSet(
            bound, self.files if self.is_bound else None, instance=self.instance, prefix="materials"
        )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", end_before_start_message(starts, ends))
        if starts:
            self._clean_year(data, starts)
        until = data.get("nominations_until")
        if starts and until and until > starts:
            self.add_error(
                "nominations_until",
                _("Приём заявок (до %(until)s) заканчивается не позже начала мероприятия (%(start)s).")
                % {"until": _day(until), "start": _day(starts)},
            )
        self._clean_organizer(data)
        return data

    def _clean_year(self, data, starts: datetime.date) -> None:
        chosen = data.get("year")
        if chosen is None:
            data["year"] = year_of(starts)
            if data["year"] is None:
                self.add_error("year", missing_year_message(starts))
        elif not chosen.contains(starts):
            self.add_error(
                "year",
                _(
                    "Дата начала %(day)s не входит в учебный год %(year)s: выберите учебный год %(right)s "
                    "или оставьте поле пустым."
                )
                % {"day": _day(starts), "year": chosen, "right": _year_title(start_year_of(starts))},
            )

    def _clean_organizer(self, data) -> None:
        if data.get("kind") != EventKind.INTERNSHIP:
            return
        organizer = data.get("organizer")
        if organizer is None:
            self.add_error(
                "organizer",
                _("Стажировка проходит на стажировочной площадке или в базовой школе: выберите её."),
            )
        elif not (organizer.is_internship_site or organizer.is_base_school):
            self.add_error(
                "organizer",
                _(
                    "«%(name)s» не отмечена в справочнике организаций ни как стажировочная площадка, "
                    "ни как базовая школа: выберите другую организацию или отметьте признак в справочнике."
                )
                % {"name": organizer},
            )

    def is_valid(self) -> bool:
        form_valid = super().is_valid()
        rows_valid = self.participants.is_valid() and self.materials.is_valid()
        return form_valid and rows_valid and self._kindergarten_participants_ok()

    def _kindergarten_participants_ok(self) -> bool:
        """A consultation for kindergarten pedagogues counts as such only with ДОУ pedagogues among
        its participants; speakers and organisers may come from anywhere."""
        if self.cleaned_data.get("kind") != EventKind.KINDERGARTEN_CONSULTATION:
            return True
        listeners = [
            form.cleaned_data["person"]
            for form in self.participants.kept_forms()
            if form.cleaned_data.get("person")
            and form.cleaned_data.get("role") == ParticipantRole.PARTICIPANT
        ]
        # A speaker alone is no consultation: someone from a kindergarten must be there to be consulted.
        if any(p.organization.kind == OrganizationKind.KINDERGARTEN for p in listeners):
            return True
        self.add_error(
            None,
            _(
                "Консультация для педагогов ДОУ: среди участников нет ни одного педагога детского сада. "
                "Добавьте участников из ДОУ или выберите другой вид мероприятия."
            ),
        )
        return False

    def save(self, commit: bool = True) -> Event:
        event = super().save(commit=commit)
        if commit:
            self.participants.instance = event
            self.participants.save()
            self.materials.instance = event
            self.materials.save()
        return event


class TrainingForm(CrispyModelForm):
    takes_user = True

    class Meta:
        model = Training
        fields = ["person", "title", "provider", "hours", "starts_on", "ends_on", "certificate"]
        widgets = {"certificate": forms.FileInput}  # stored files are never linked directly
        help_texts = {"provider": _lazy("Например: ПК ИРО, Академия Минпросвещения России.")}
        error_messages = {
            "person": {"required": _lazy("Выберите человека из реестра.")},
            "title": {"required": _lazy("Укажите название курса.")},
            "provider": {"required": _lazy("Укажите, кто проводил обучение.")},
            "hours": {"required": _lazy("Укажите число часов.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_for(user).filter(is_anonymised=False)
        pick_people(self, "person")
        self.fields["hours"].widget.attrs["min"] = 1
        if self.instance.certificate:
            self.fields["certificate"].help_text = _(
                "Загружен файл «%(name)s»; выберите новый, только чтобы заменить его."
            ) % {"name": self.instance.certificate_name or _("удостоверение")}

    def clean_hours(self):
        hours = self.cleaned_data.get("hours")
        if hours is not None and not 1 <= hours <= 2000:
            raise ValidationError(_("Число часов — от 1 до 2000."))
        return hours

    def clean_certificate(self):
        return checked_upload(self.cleaned_data.get("certificate"))

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", end_before_start_message(starts, ends))
        elif ends:
            self.instance.year = year_of(ends)
            if self.instance.year is None:
                self.add_error("ends_on", missing_year_message(ends))
        return data

    def save(self, commit: bool = True) -> Training:
        upload = self.cleaned_data.get("certificate")
        if isinstance(upload, UploadedFile):
            self.instance.certificate_name = upload.name[:255]
        return super().save(commit=commit)


class TrainingGroupForm(TrainingForm):
    """One course recorded for many mentors at once: a record of the course for each listener."""

    people = forms.ModelMultipleChoiceField(
        label=_lazy("Слушатели"),
        queryset=Person.objects.none(),
        error_messages={"required": _lazy("Выберите хотя бы одного слушателя из реестра.")},
    )

    class Meta(TrainingForm.Meta):
        fields = ["people", "title", "provider", "hours", "starts_on", "ends_on"]

    def __init__(self, *args, user, **kwargs):
        super(TrainingForm, self).__init__(*args, **kwargs)  # TrainingForm's own set-up is for one person
        self.fields["people"].queryset = people_for(user).filter(is_anonymised=False)
        pick_people(self, "people")
        self.fields["hours"].widget.attrs["min"] = 1

    @transaction.atomic
    def save(self, commit: bool = True) -> list[Training]:
        course = {
            name: self.cleaned_data[name] for name in ("title", "provider", "hours", "starts_on", "ends_on")
        }
        return [
            Training.objects.create(person=person, year=self.instance.year, **course)
            for person in self.cleaned_data["people"]
        ]


class PartnerForm(CrispyModelForm):
    website = forms.URLField(
        label=_lazy("Сайт"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _lazy("Укажите адрес сайта целиком, например https://iro.example.ru")},
    )

    class Meta:
        model = Partner
        fields = ["name", "kind", "organization", "contact_person", "email", "phone", "website", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {
                "unique": _lazy("Партнёр с таким наименованием уже есть."),
                "required": _lazy("Укажите наименование партнёра."),
            }
        }


class InteractionForm(CrispyModelForm):
    class Meta:
        model = Interaction
        fields = ["date", "kind", "topic", "result", "event"]
        widgets = {"result": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "date": {"required": _lazy("Укажите дату взаимодействия.")},
            "topic": {"required": _lazy("Укажите тему взаимодействия.")},
        }

    def __init__(self, *args, partner: Partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partner = partner
        self.fields["event"].queryset = Event.objects.order_by("-starts_on", "-id")
        self.fields["event"].empty_label = _("— без мероприятия —")


class NominateForm(CrispyForm):
    """The coordinator's people for an event: several at once, found among their own organisation's."""

    people = forms.ModelMultipleChoiceField(
        label=_lazy("Кого выдвинуть"),
        queryset=Person.objects.none(),
        error_messages={"required": _lazy("Выберите хотя бы одного человека своей организации.")},
        help_text=_lazy("Поиск — среди людей вашей организации в реестре."),
    )
    submit_label = _lazy("Выдвинуть")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people_for(user).filter(is_anonymised=False)
        pick_people(self, "people")


class DecisionForm(forms.Form):
    """The methodologist's decision on the ticked nominations of an event, with a reason the coordinator sees."""

    nominations = forms.ModelMultipleChoiceField(
        label=_lazy("Заявки"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _lazy("Отметьте хотя бы одну заявку."),
            "invalid_choice": _lazy("Заявка уже рассмотрена или отозвана: обновите страницу."),
        },
    )
    reason = forms.CharField(
        label=_lazy("Причина / комментарий"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        help_text=_lazy("Куратор увидит его рядом с решением."),
    )
    notify = forms.BooleanField(
        label=_lazy("Сообщить кураторам по e-mail"),
        required=False,
        initial=True,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = event.nominations.filter(status=NominationStatus.NOMINATED)

    def checked(self) -> set[str]:
        return set(self.data.getlist("nominations")) if self.is_bound else set()
