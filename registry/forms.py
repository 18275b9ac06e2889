from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import access
from core.forms import CrispyForm, CrispyModelForm
from core.pickers import person_label, pick_people
from core.russian import Case
from core.widgets import FastSelect, FastSelectMultiple
from directory.forms import YearFilterForm
from directory.models import AcademicYear, MentoringForm, Organization, PersonCategory
from registry import imports, rules
from registry.models import (
    EDITABLE_PERSON_FIELDS,
    Consent,
    ConsentSigner,
    Mentee,
    Mentor,
    MentorStatus,
    Pair,
    PairStatus,
    Person,
)
from registry.personal_data import REASON_MAX_LENGTH
from registry.selectors import MEMBER_ORG, mentees_for, people_for
from registry.young import default_year


class ScopedForm(CrispyModelForm):
    """A form bound to the user: a coordinator's records always belong to their organisation."""

    takes_user = True
    organization_field = "organization"

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fixed_organization = access.organization_for_new_records(user)
        if self.organization_field in self.fields:
            if self.fixed_organization is not None:
                del self.fields[self.organization_field]
                setattr(self.instance, self.organization_field, self.fixed_organization)
            else:
                self.fields[self.organization_field].queryset = Organization.objects.filter(is_active=True)


# Fields that belong to one category only: the form shows them for that category (static/js/mshn.js) and
# clears them for any other, so a teacher carries no class and a pupil no experience.
CATEGORY_FIELDS = {
    "position": (PersonCategory.PEDAGOGUE, PersonCategory.EMPLOYER, PersonCategory.OTHER),
    "subjects": (PersonCategory.PEDAGOGUE,),
    "experience_start": (PersonCategory.PEDAGOGUE,),
    "qualification": (PersonCategory.PEDAGOGUE,),
    "is_young_appointed": (PersonCategory.PEDAGOGUE,),
    "class_or_group": (PersonCategory.PUPIL, PersonCategory.STUDENT),
}


def blank_of(field):
    """What an emptied field holds: no date, no tick, no text."""
    if isinstance(field, forms.BooleanField):
        return False
    return None if isinstance(field, forms.DateField) else ""


class PersonForm(ScopedForm):
    class Meta:
        model = Person
        fields = list(EDITABLE_PERSON_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].widget.attrs["data-category-switch"] = "person"
        for name, categories in CATEGORY_FIELDS.items():
            self.fields[name].widget.attrs["data-for-category"] = " ".join(categories)

    def save(self, commit=True):
        if self.instance.pk and self.changed_data and set(self.changed_data) & set(NAME_PARTS):
            # Forms corrected for the old name would name someone else: the new name is declined by the rules.
            for name in DECLINED_FIELDS.values():
                setattr(self.instance, name, "")
        return super().save(commit)

    def clean(self):
        data = super().clean()
        category = data.get("category")
        for name, categories in CATEGORY_FIELDS.items():
            if category and category not in categories and name in data:
                data[name] = blank_of(self.fields[name])
        if self.instance.is_anonymised:
            raise ValidationError(
                _("Данные человека обезличены: запись хранится только для статистики и не правится.")
            )
        for field, message in rules.person_errors(
            birth_date=data.get("birth_date"),
            birth_year=data.get("birth_year"),
            experience_start=data.get("experience_start"),
            today=timezone.localdate(),
            mistyped=bool(self.errors.keys() & {"birth_date", "birth_year"}),  # already told what to fix
        ):
            self.add_error(field, message)
        if data.get("category") != PersonCategory.PEDAGOGUE and data.get("is_young_appointed"):
            self.add_error("is_young_appointed", _("Молодым специалистом может быть только педагог."))
        return data


NAME_PARTS = ("last_name", "first_name", "middle_name")
DECLINED_FIELDS = {case: f"name_{case}" for case in Case}


class PersonNameFormsForm(CrispyModelForm):
    """The gender and the declined full name where the rules get a surname wrong; a blank field (or the form
    the rules give) leaves that case to the rules."""

    class Meta:
        model = Person
        fields = ["gender", *DECLINED_FIELDS.values()]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.instance
        for case, name in DECLINED_FIELDS.items():
            self.fields[name].help_text = _(
                "По правилам: %(name)s. Оставьте пустым, чтобы склонять по правилам."
            ) % {"name": person.declined_by_rules(case)}

    def clean(self):
        data = super().clean()
        if self.instance.is_anonymised:
            raise ValidationError(
                _("Данные человека обезличены: запись хранится только для статистики и не правится.")
            )
        self.instance.gender = data.get("gender", "")
        for case, name in DECLINED_FIELDS.items():
            typed = " ".join(data.get(name, "").split())
            data[name] = "" if typed == self.instance.declined_by_rules(case) else typed
        return data


class ConsentForm(CrispyModelForm):
    class Meta:
        model = Consent
        fields = ["kind", "signer", "representative_name", "signed_on", "scope", "revoked_on"]

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person

    def clean(self):
        data = super().clean()
        if data.get("signer") == ConsentSigner.REPRESENTATIVE and not data.get("representative_name"):
            self.add_error(
                "representative_name", _("Укажите ФИО законного представителя, подписавшего согласие.")
            )
        signed, revoked = data.get("signed_on"), data.get("revoked_on")
        if signed and signed > timezone.localdate():
            self.add_error("signed_on", _("Дата подписания не может быть в будущем."))
        if signed and revoked and revoked < signed:
            self.add_error("revoked_on", _("Согласие не может быть отозвано раньше, чем подписано."))
        person = self.instance.person
        if signed and data.get("signer") == ConsentSigner.SELF and person.is_minor_on(signed):
            self.add_error(
                "signer",
                _(
                    "На дату подписания человек несовершеннолетний: согласие подписывает законный представитель."
                ),
            )
        return data


class MemberForm(ScopedForm):
    """A mentor's or a mentee's record: the person is chosen among the user's people."""

    organization_field = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self._keep_person()
        else:
            taken = self._meta.model.objects.values("person_id")
            self.fields["person"].queryset = (
                people_for(self.user).filter(is_anonymised=False).working().exclude(pk__in=taken)
            )
            pick_people(self, "person")

    def _keep_person(self) -> None:
        """An edit keeps the record's own person: a record is never moved to someone else."""
        field = self.fields["person"]
        field.queryset = Person.objects.filter(pk=self.instance.person_id).select_related("organization")
        field.disabled = True  # the posted value is ignored: the instance's person stays
        field.empty_label = None
        field.label_from_instance = person_label
        field.help_text = _(
            "Запись принадлежит этому человеку и на другого не переносится: "
            "для другого человека добавьте новую запись."
        )


class MentorForm(MemberForm):
    class Meta:
        model = Mentor
        fields = [
            "person",
            "entered_on",
            "competences",
            "achievements",
            "interests",
            "max_mentees",
            "mentee_age_from",
            "mentee_age_to",
            "training",
            "status",
        ]
        error_messages = {"person": {"unique": _("Этот человек уже есть в банке наставников.")}}

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("mentee_age_from"), cleaned.get("mentee_age_to")
        if low is not None and high is not None and low > high:
            self.add_error("mentee_age_to", _("Возраст «до» не может быть меньше возраста «от»."))
        return cleaned

    def clean_max_mentees(self):
        value = self.cleaned_data["max_mentees"]
        if not 1 <= value <= 30:
            raise ValidationError(_("Число наставляемых — от 1 до 30."))
        return value


class MenteeForm(MemberForm):
    class Meta:
        model = Mentee
        fields = ["person", "entered_on", "main_request", "status"]
        error_messages = {"person": {"unique": _("Этот человек уже есть в базе наставляемых.")}}


class PairForm(ScopedForm):
    class Meta:
        model = Pair
        fields = [
            "organization",
            "form",
            "mentor",
            "mentees",
            "started_on",
            "planned_end_on",
            "order_number",
            "order_date",
        ]
        widgets = {
            "mentor": FastSelect,
            "mentees": FastSelectMultiple(attrs={"size": 8}),
            "organization": FastSelect,
        }
        help_texts = {
            "mentees": _(
                "Один наставляемый — пара, несколько — группа. Выбрать нескольких: Ctrl+щелчок; "
                "с клавиатуры — Ctrl+стрелки и Ctrl+пробел."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = MentoringForm.objects.filter(is_active=True)
        organization = self.fixed_organization or self._chosen_organization()
        # Only the chosen organisation's people are offered (a region has tens of thousands), plus the
        # partners' and colleges' representatives, who serve several organisations where the form allows.
        outside = Q(person__category__in=[PersonCategory.EMPLOYER, PersonCategory.STUDENT])
        # Only people the user may see (a coordinator: their own organisation's) who work now, and the
        # pair's own members (an edit keeps a mentor or mentee who has left since).
        mentors = access.scope(self.user, Mentor.objects.working(), MEMBER_ORG) | Mentor.objects.filter(
            pk=self.instance.mentor_id
        )
        mentors = mentors.select_related("person__organization").exclude(status=MentorStatus.LEFT)
        mentees = mentees_for(self.user).working()
        if self.instance.pk:
            mentees = mentees | Mentee.objects.filter(pk__in=self.instance.mentees.values("pk"))
        if organization is None:
            mentors, mentees = mentors.none(), mentees.none()
            self.fields["mentor"].help_text = _("Сначала выберите организацию: список наставников обновится.")
        else:
            mentors = mentors.filter(Q(person__organization=organization) | outside)
            mentees = mentees.filter(person__organization=organization)
        self.fields["mentor"].queryset = mentors
        self.fields["mentees"].queryset = mentees
        for name in ("mentor", "mentees"):
            self.fields[name].label_from_instance = _member_label
            self.fields[name].widget.attrs["data-depends-on"] = "organization"
        if "organization" in self.fields:
            self.fields["organization"].widget.attrs["data-refresh"] = "organization"

    def _chosen_organization(self):
        raw = (
            self.data.get("organization") or self.initial.get("organization") or self.instance.organization_id
        )
        try:
            return Organization.objects.filter(pk=int(raw), is_active=True).first() if raw else None
        except (TypeError, ValueError):
            return None

    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.is_closed:
            raise ValidationError(_("Пара завершена: чтобы изменить её, сначала откройте её заново."))
        for field, message in rules.date_order_errors(
            data.get("started_on"), planned_end_on=data.get("planned_end_on")
        ).items():
            self.add_error(field, message)
        organization = data.get("organization") or self.fixed_organization
        if organization and data.get("form") and data.get("mentor") and data.get("mentees"):
            errors = rules.pair_errors(
                organization=organization,
                form=data["form"],
                mentor=data["mentor"],
                mentees=list(data["mentees"]),
                pair=self.instance,
            )
            for field, message in errors.items():
                self.add_error(field, message)
        return data


def _member_label(member) -> str:
    return f"{member.person} — {member.person.organization}"


class TransitionForm(CrispyForm):
    submit_label = _("Сменить состояние")
    to_status = forms.ChoiceField(label=_("Новое состояние"))
    reason = forms.CharField(label=_("Причина"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, pair: Pair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s, PairStatus(s).label) for s in pair.next_statuses()]


class YoungFilterForm(YearFilterForm):
    """The bank of young pedagogues: the current school year by default (shown chosen in the select);
    a coordinator may still pick a kind."""

    coordinator_drops = ("organization",)

    def __init__(self, data, *, user):
        data = data.copy()
        self.default = None if data.get("year") else default_year()
        if self.default is not None and self.default.pk:
            data["year"] = self.default.pk
        super().__init__(data, user=user)

    def default_year(self) -> AcademicYear:
        return self.default or default_year()


class ImportForm(forms.Form):
    """An XLSX upload; the file is read here, so a file that is not a table is a form error."""

    file = forms.FileField(
        label=_("Файл XLSX"),
        help_text=_("Таблица по шаблону этой страницы, не больше 10 МБ."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_enctype = "multipart/form-data"
        self.helper.add_input(Submit("submit", _("Загрузить")))
        self.table = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.table = imports.read_table(upload)
        except imports.ImportFileError as error:
            raise ValidationError(str(error)) from error
        return upload


class AnonymiseForm(forms.Form):
    reason = forms.CharField(
        label=_("Причина обезличивания"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Например: «истёк срок обработки», «отзыв согласия, заявление от 05.06.2026»."),
        error_messages={
            "required": _("Укажите причину обезличивания: она сохранится в истории изменений."),
            "max_length": _(
                "Причина должна быть не длиннее %(limit_value)d символов, сейчас %(show_value)d."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Обезличить"), css_class="btn-danger"))

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(self.fields["reason"].error_messages["required"])
        return reason
