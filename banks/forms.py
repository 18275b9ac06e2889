from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from banks.models import MentoringProgram, NormativeDocument, Practice, ProgramTemplate
from banks.services import save_practice, save_template
from core import access
from core.files import validate_upload
from core.forms import CrispyForm, CrispyModelForm
from core.pickers import pick_people
from directory.models import MentoringForm, Organization
from registry.models import Person

MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by size and real content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(uploads) > MAX_FILES:
            raise ValidationError(_("За один раз можно приложить не больше %(n)s файлов.") % {"n": MAX_FILES})
        for upload in uploads:
            validate_upload(upload)
        return uploads


def _checked_file(form, field: str):
    """A newly uploaded file is checked by content; a kept one is left as it is."""
    upload = form.cleaned_data.get(field)
    if upload and hasattr(upload, "content_type"):
        validate_upload(upload)
    return upload


class ScopedBankForm(CrispyModelForm):
    """A coordinator's records always belong to their organisation; the field is shown to the methodologist."""

    takes_user = True

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        fixed = access.organization_for_new_records(user)
        if fixed is not None:
            del self.fields["organization"]
            if self.instance.organization_id is None:
                self.instance.organization = fixed
        else:
            self.fields["organization"].queryset = Organization.objects.filter(is_active=True)
        self.fields["forms"].queryset = MentoringForm.objects.filter(is_active=True)
        self.fields["forms"].widget.attrs["size"] = 8


class PracticeForm(ScopedBankForm):
    new_files = MultipleFileField(
        label=_lazy("Приложить файлы"),
        required=False,
        help_text=_lazy("PDF, DOCX, XLSX, PPTX или изображения; можно выбрать несколько файлов."),
    )

    class Meta:
        model = Practice
        fields = [
            "title",
            "forms",
            "organization",
            "year",
            "authors",
            "audience",
            "description",
            "results",
            "links",
            "tags",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "title": {"required": _lazy("Укажите название практики.")},
            "forms": {"required": _lazy("Выберите хотя бы одну форму наставничества.")},
            "description": {
                "required": _lazy("Опишите практику: что и как делают наставник и наставляемый.")
            },
            "year": {"required": _lazy("Укажите учебный год, в котором практика реализована.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(is_anonymised=False).select_related("organization")
        self.fields["authors"].queryset = access.scope(self.user, people, "organization")
        pick_people(self, "authors")
        self.fields["authors"].help_text = _(
            "Из реестра людей. На открытой витрине имя автора видно только при его согласии на публикацию."
        )

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError as error:
                raise ValidationError(
                    _("«%(link)s» — не адрес сайта: укажите ссылку целиком, например https://school1.ru/page")
                    % {"link": line}
                ) from error
        return "\n".join(lines)

    def save(self, commit=True):
        practice = super().save(commit=False)
        if commit:
            save_practice(
                practice,
                forms=self.cleaned_data["forms"],
                authors=self.cleaned_data["authors"],
                uploads=self.cleaned_data.get("new_files") or [],
            )
        return practice

    def clean_tags(self):
        tags = [" ".join(tag.split()) for tag in self.cleaned_data["tags"].split(",")]
        return ", ".join(tag for tag in tags if tag)


class ProgramForm(ScopedBankForm):
    class Meta:
        model = MentoringProgram
        fields = [
            "title",
            "organization",
            "forms",
            "starts_on",
            "ends_on",
            "order_number",
            "order_date",
            "document",
            "status",
        ]
        error_messages = {
            "title": {"required": _lazy("Укажите название программы.")},
            "forms": {"required": _lazy("Выберите хотя бы одну форму наставничества.")},
            "starts_on": {"required": _lazy("Укажите, с какой даты действует программа.")},
        }

    def clean_document(self):
        return _checked_file(self, "document")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error(
                "ends_on", _("Окончание не может быть раньше начала (%(d)s).") % {"d": f"{starts:%d.%m.%Y}"}
            )
        if data.get("order_number") and not data.get("order_date"):
            self.add_error("order_date", _("Укажите дату приказа об утверждении."))
        return data

    def save(self, commit=True):
        document = self.cleaned_data.get("document")
        if document and hasattr(document, "content_type"):
            self.instance.document_name = document.name[:255]
        elif not document:
            self.instance.document_name = ""
        return super().save(commit)


class TemplateForm(CrispyModelForm):
    """The template's text and its activities, typed one per line (the program is fixed by the page)."""

    activities_text = forms.CharField(
        label=_lazy("Мероприятия"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_lazy(
            "По одному в строке: «через сколько дней от начала работы пары; мероприятие», "
            "например «14; Посещение уроков наставника»."
        ),
        error_messages={"required": _lazy("Впишите хотя бы одно мероприятие шаблона.")},
    )

    class Meta:
        model = ProgramTemplate
        fields = ["title", "goals", "directions", "expected_results"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3}) for name in ("goals", "directions", "expected_results")
        }
        error_messages = {"title": {"required": _lazy("Укажите название шаблона.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["activities_text"] = "\n".join(
                f"{a.offset_days}; {a.title}" for a in self.instance.activities.all()
            )

    def clean_activities_text(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["activities_text"].splitlines(), start=1):
            if line.strip():
                rows.append(_activity_row(number, line))
        if not rows:
            raise ValidationError(_("Впишите хотя бы одно мероприятие шаблона."))
        return rows

    def save(self, commit=True):
        template = super().save(commit=False)
        if commit:
            save_template(template, self.cleaned_data["activities_text"])
        return template


def _activity_row(number: int, line: str) -> tuple[int, str]:
    offset, separator, title = line.partition(";")
    offset, title = offset.strip(), title.strip()
    if not separator or not title or not offset.isdigit() or int(offset) > 3650:
        raise ValidationError(
            _(
                "Строка %(n)s: напишите число дней от начала (0–3650), точку с запятой и мероприятие, "
                "например «14; Посещение уроков наставника»."
            )
            % {"n": number}
        )
    return int(offset), title[:500]


class ApplyTemplateForm(CrispyForm):
    template = forms.ModelChoiceField(
        label=_lazy("Шаблон"),
        queryset=ProgramTemplate.objects.none(),
        error_messages={"required": _lazy("Выберите шаблон программы.")},
    )
    replace = forms.BooleanField(
        label=_lazy("Заменить мероприятия программы"),
        required=False,
        help_text=_lazy("Нужно, если в программе пары уже есть мероприятия: они будут удалены."),
    )

    submit_label = _lazy("Создать программу пары из шаблона")

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates


class DocumentForm(CrispyModelForm):
    url = forms.URLField(
        label=_lazy("Ссылка"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": _lazy("Укажите ссылку целиком, например https://docs.cntd.ru/document/...")
        },
    )

    class Meta:
        model = NormativeDocument
        fields = [
            "level",
            "kind",
            "number",
            "issued_on",
            "title",
            "issuer",
            "file",
            "url",
            "note",
            "is_public",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "note": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "title": {"required": _lazy("Укажите название документа.")},
            "issued_on": {"required": _lazy("Укажите дату документа.")},
        }

    def clean_file(self):
        return _checked_file(self, "file")

    def save(self, commit=True):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            self.instance.file_name = upload.name[:255]
        elif not upload:
            self.instance.file_name = ""
        return super().save(commit)
