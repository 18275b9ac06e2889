from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careers import services
from careers.models import AcceptedRetention, MentorAgreement
from core import access
from core.files import validate_upload
from core.forms import CrispyForm, CrispyModelForm
from directory.models import Organization


def _end_not_before_start(form, start: str, end: str) -> None:
    first, last = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if first and last and last < first:
        form.add_error(end, _("Дата окончания раньше даты начала: проверьте даты."))


class TransferForm(CrispyForm):
    submit_label = _("Перевести")
    organization = forms.ModelChoiceField(
        label=_("Новая организация"), queryset=Organization.objects.filter(is_active=True)
    )
    on = forms.DateField(label=_("Дата перевода"), help_text=_("Первый день работы в новой организации."))
    position = forms.CharField(label=_("Должность"), max_length=200, required=False)


class DismissForm(CrispyForm):
    submit_label = _("Записать увольнение")
    on = forms.DateField(label=_("Последний день работы"))
    note = forms.CharField(label=_("Пояснение"), max_length=300, required=False)


class AgreementForm(CrispyModelForm):
    class Meta:
        model = MentorAgreement
        fields = [
            "consent_on",
            "consent_scan",
            "number",
            "signed_on",
            "starts_on",
            "ends_on",
            "content",
            "payment",
        ]
        widgets = {"consent_scan": forms.FileInput, "content": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "consent_on": {"required": _("Укажите дату письменного согласия наставника.")},
            "number": {"required": _("Укажите номер дополнительного соглашения.")},
            "content": {"required": _("Опишите содержание наставничества.")},
            "payment": {
                "required": _("Укажите оплату за наставничество (ст. 351.8 ТК РФ требует её в соглашении).")
            },
        }

    def clean_consent_scan(self):
        upload = self.cleaned_data.get("consent_scan")
        if isinstance(upload, UploadedFile):
            validate_upload(upload)
            self.instance.consent_scan_name = upload.name[:255]
        return upload

    def clean(self):
        data = super().clean()
        _end_not_before_start(self, "starts_on", "ends_on")
        consent, signed = data.get("consent_on"), data.get("signed_on")
        if consent and signed and consent > signed:
            self.add_error("consent_on", _("Согласие даётся до подписания соглашения или в тот же день."))
        return data


class EarlyEndForm(CrispyModelForm):
    submit_label = _("Записать досрочное прекращение")

    class Meta:
        model = MentorAgreement
        fields = ["ended_by", "notice_on", "ended_early_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True
        self.fields["ended_early_on"].help_text = _(
            "Не раньше чем через три рабочих дня после предупреждения (праздники и выходные не считаются)."
        )

    def clean(self):
        data = super().clean()
        if data.get("notice_on") and data.get("ended_early_on"):
            self.instance.notice_on, self.instance.ended_early_on = data["notice_on"], data["ended_early_on"]
            for field, message in services.early_end_errors(self.instance).items():
                self.add_error(field, message)
        return data


class PeriodForm(CrispyForm):
    """A period of dates, the last day not before the first."""

    start = forms.DateField(label=_("С"))
    end = forms.DateField(label=_("По"))

    def clean(self):
        data = super().clean()
        _end_not_before_start(self, "start", "end")
        return data


class OrderForm(PeriodForm):
    """Which pairs the order on assigning mentors lists: an organisation's pairs formed in a period."""

    submit_label = _("Скачать приказ (PDF)")
    organization = forms.ModelChoiceField(label=_("Организация"), queryset=Organization.objects.all())
    field_order = ["organization", "start", "end"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].label, self.fields["end"].label = _("Пары сформированы с"), _("по")
        own = access.organization_for_new_records(user)
        if own is not None:
            self.fields["organization"].queryset = Organization.objects.filter(pk=own.pk)
            self.fields["organization"].initial = own.pk


class CertificateForm(PeriodForm):
    submit_label = _("Выдать справку")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["start"].initial = today.replace(year=today.year - 5)
        self.fields["end"].initial = today


class RevokeForm(CrispyForm):
    submit_label = _("Отозвать справку")
    reason = forms.CharField(label=_("Причина отзыва"), max_length=300)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Укажите причину отзыва."))
        return reason


class AcceptedRetentionForm(CrispyModelForm):
    """Retention of a cohort as the yearly reports of the years before the registry accepted it."""

    HORIZONS = (1, 2, 3)

    class Meta:
        model = AcceptedRetention
        fields = ["cohort_year", "organization", "with_mentor", "cohort", "after_1", "after_2", "after_3"]
        help_texts = {
            "with_mentor": _("Отметьте для молодых педагогов с наставником; без отметки — без наставника."),
            "after_1": _("Пусто — цифра не принята (срок не наступил или сведений нет)."),
        }
        error_messages = {
            "cohort_year": {"required": _("Выберите учебный год когорты.")},
            "organization": {"required": _("Выберите организацию.")},
            "cohort": {"required": _("Укажите число молодых педагогов в когорте.")},
            NON_FIELD_ERRORS: {
                "unique_together": _(
                    "Цифры этой когорты для этой организации (с наставником или без — как отмечено) уже "
                    "внесены: откройте их в списке и измените."
                )
            },
        }

    def clean_cohort(self):
        cohort = self.cleaned_data["cohort"]
        if cohort < 1:
            raise ValidationError(_("В когорте должен быть хотя бы один молодой педагог."))
        return cohort

    def clean(self):
        data = super().clean()
        cohort = data.get("cohort")
        for horizon in self.HORIZONS:
            name = f"after_{horizon}"
            retained = data.get(name)
            if cohort is not None and retained is not None and retained > cohort:
                self.add_error(
                    name,
                    _("Работающих через %(k)s не может быть больше, чем педагогов в когорте (%(n)s).")
                    % {"k": _YEARS[horizon], "n": cohort},
                )
        return data


_YEARS = {1: _("1 год"), 2: _("2 года"), 3: _("3 года")}
