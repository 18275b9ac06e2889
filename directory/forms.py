from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import access
from core.forms import CrispyModelForm
from core.widgets import FastSelect
from directory.models import (
    AcademicYear,
    District,
    DocumentRequisites,
    MentoringForm,
    Organization,
    OrganizationKind,
)

SELECT = {"class": "form-select form-select-sm"}


class DistrictForm(CrispyModelForm):
    class Meta:
        model = District
        fields = ["name", "kind", "is_active"]
        error_messages = {"name": {"unique": _("Муниципальное образование с таким наименованием уже есть.")}}


class OrganizationForm(CrispyModelForm):
    """The district is chosen by the administrator; the district's methodologist adds to their own."""

    takes_user = True

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is None or not access.is_admin(user):
            del self.fields["district"]

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
            "requires_mentor_agreement",
            "district",
        ]
        error_messages = {
            "full_name": {"unique": _("Организация с таким полным наименованием уже есть.")},
            "short_name": {"unique": _("Организация с таким кратким наименованием уже есть.")},
        }


class AcademicYearForm(CrispyModelForm):
    direction_url = forms.URLField(
        label=_("Ссылка на документ"),
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": _("Укажите адрес целиком, например https://kirovsky-imc.ru/prikaz-45.pdf")
        },
    )

    class Meta:
        model = AcademicYear
        fields = ["start_year", "direction", "direction_document", "direction_url", "note"]
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


class YearFilterForm(forms.Form):
    """The filters of a year's figures: the school year (`default_year()` when none is chosen), one
    organisation and a kind of organisation among those the user reads. A coordinator's scope is their
    organisation: the fields in `coordinator_drops` are not offered to them."""

    coordinator_drops = ("organization", "kind")
    offers_district = False  # the region's figures narrowed to one district (the dashboard and the forms)
    district = forms.ModelChoiceField(
        label=_("Муниципальное образование"),
        queryset=District.objects.all(),
        required=False,
        empty_label=_("весь край"),
        widget=FastSelect(attrs=SELECT),
    )

    year = forms.ModelChoiceField(
        label=_("Учебный год"),
        queryset=AcademicYear.objects.all(),
        required=False,
        empty_label=None,
        widget=FastSelect(attrs=SELECT),
    )
    organization = forms.ModelChoiceField(
        label=_("Организация"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("все организации"),
        widget=FastSelect(attrs=SELECT),
    )
    kind = forms.ChoiceField(
        label=_("Вид организации"),
        choices=[("", _("все виды")), *OrganizationKind.choices],
        required=False,
        widget=FastSelect(attrs=SELECT),
    )

    def __init__(self, data, *, user):
        """`data` is the query string; a coordinator's scope is their organisation, nothing to choose."""
        super().__init__(data)
        if access.reads_everything(user):
            self.fields["organization"].queryset = access.scope(user, Organization.objects.all(), "id")
        else:
            for name in self.coordinator_drops:
                del self.fields[name]
        if (
            not self.offers_district
            or access.district_of(user) is not None
            or not access.reads_everything(user)
        ):
            del self.fields["district"]  # a district's own staff and coordinators have one

    def default_year(self) -> AcademicYear | None:
        raise NotImplementedError

    def filters(self) -> dict:
        """Year (the current one by default), organisation and kind chosen."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "year": data.get("year") or self.default_year(),
            "organization": data.get("organization"),
            "kind": data.get("kind", ""),
            **({"district": data.get("district")} if self.offers_district else {}),
        }


class DocumentRequisitesForm(CrispyModelForm):
    class Meta:
        model = DocumentRequisites
        fields = [
            "organization_name",
            "place",
            "approver_position",
            "approver_name",
            "head_position",
            "head_name",
        ]
