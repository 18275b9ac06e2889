from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyModelForm
from directory.models import AcademicYear, MentoringForm, Organization


class OrganizationForm(CrispyModelForm):
    website = forms.URLField(
        label=_("Сайт"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Укажите адрес сайта целиком, например https://school1.ru")},
    )

    class Meta:
        model = Organization
        fields = [
            "kind",
            "full_name",
            "short_name",
            "address",
            "website",
            "head_name",
            "curator_name",
            "curator_email",
            "curator_phone",
            "is_base_school",
            "is_internship_site",
            "is_active",
        ]
        error_messages = {
            "full_name": {"unique": _("Организация с таким полным наименованием уже есть.")},
            "short_name": {"unique": _("Организация с таким кратким наименованием уже есть.")},
        }


class AcademicYearForm(CrispyModelForm):
    class Meta:
        model = AcademicYear
        fields = ["start_year", "note"]
        error_messages = {
            "start_year": {
                "unique": _("Такой учебный год уже есть."),
                "min_value": _("Год начала — не раньше 2000."),
                "max_value": _("Год начала — не позже 2100."),
            }
        }


class MentoringFormForm(CrispyModelForm):
    class Meta:
        model = MentoringForm
        fields = [
            "name",
            "source",
            "mentor_category",
            "mentee_category",
            "allows_other_organizations",
            "description",
            "position",
            "is_active",
        ]
        error_messages = {"name": {"unique": _("Форма наставничества с таким названием уже есть.")}}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 3:
            raise ValidationError(_("Название слишком короткое: напишите, например, «педагог – педагог»."))
        return name
