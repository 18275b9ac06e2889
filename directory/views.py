from __future__ import annotations

from django.db.models import Count
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core import access
from core.columns import Column
from core.generic import (
    PickerSearchView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)
from directory.filters import (
    AcademicYearFilter,
    DistrictFilter,
    MentoringFormFilter,
    OrganizationFilter,
    matching,
    scoped_organizations,
)
from directory.forms import (
    AcademicYearForm,
    DistrictForm,
    DocumentRequisitesForm,
    MentoringFormForm,
    OrganizationForm,
)
from directory.models import AcademicYear, District, DocumentRequisites, MentoringForm, Organization

ORGS = (_("Организации"), reverse_lazy("directory:organization_list"))
DISTRICTS = (_("Муниципальные образования"), reverse_lazy("directory:district_list"))


class DistrictViewMixin:
    """The region's districts: the administrator keeps them, the region reads them all, a district's staff
    read their own."""

    model = District
    district_only = True
    region_reads = True
    breadcrumbs = (DISTRICTS,)

    def base_queryset(self):
        return District.objects.annotate(organizations_count=Count("organizations")).order_by(
            "sort_name", "id"
        )

    def may_edit(self) -> bool:
        return access.is_admin(self.request.user)


class DistrictList(DistrictViewMixin, ScopedListView):
    title = _("Муниципальные образования")
    filterset_class = DistrictFilter
    export_name = "муниципальные_образования"
    breadcrumbs = ()
    create_url_name = "directory:district_create"
    export_url_name = "directory:district_export"
    columns = (
        Column(_("Наименование"), "name", link=True),
        Column(_("Вид"), "get_kind_display"),
        Column(_("Организаций"), "organizations_count"),
        Column(_("Действует"), "is_active"),
    )


class DistrictDetail(DistrictViewMixin, ScopedDetailView):
    template_name = "directory/district_detail.html"


class DistrictCreate(DistrictViewMixin, ScopedCreateView):
    form_class = DistrictForm
    title = _("Новое муниципальное образование")


class DistrictUpdate(DistrictViewMixin, ScopedUpdateView):
    form_class = DistrictForm
    title = _("Изменение муниципального образования")


YEARS = (_("Учебные годы"), reverse_lazy("directory:year_list"))
FORMS = (_("Формы наставничества"), reverse_lazy("directory:form_list"))


class OrganizationViewMixin:
    model = Organization
    org_field = "id"  # a coordinator sees only their own organisation
    region_reads = True
    breadcrumbs = (ORGS,)

    def base_queryset(self):
        return Organization.objects.select_related("district")


class OrganizationList(OrganizationViewMixin, ScopedListView):
    title = _("Организации")
    filterset_class = OrganizationFilter
    export_name = "организации"
    breadcrumbs = ()
    create_url_name = "directory:organization_create"
    export_url_name = "directory:organization_export"
    columns = (
        Column(_("Наименование"), "short_name", link=True),
        Column(_("Вид"), "get_kind_display"),
        Column(_("Муниципальное образование"), "district"),
        Column(_("Полное наименование"), "full_name"),
        Column(_("Адрес"), "address"),
        Column(_("Руководитель"), "head_name"),
        Column(_("Куратор"), "curator_name"),
        Column(_("Базовая школа"), "is_base_school"),
        Column(_("Стажировочная площадка"), "is_internship_site"),
        Column(_("Действует"), "is_active"),
    )


class OrganizationDetail(OrganizationViewMixin, ScopedDetailView):
    template_name = "directory/organization_detail.html"


class OrganizationCreate(OrganizationViewMixin, ScopedCreateView):
    form_class = OrganizationForm
    title = _("Новая организация")


class OrganizationUpdate(OrganizationViewMixin, ScopedUpdateView):
    form_class = OrganizationForm
    title = _("Изменение организации")


class YearViewMixin:
    model = AcademicYear
    region_reads = True
    breadcrumbs = (YEARS,)


class YearList(YearViewMixin, ScopedListView):
    title = _("Учебные годы")
    filterset_class = AcademicYearFilter
    export_name = "учебные_годы"
    breadcrumbs = ()
    create_url_name = "directory:year_create"
    export_url_name = "directory:year_export"
    columns = (
        Column(_("Учебный год"), "title", link=True),
        Column(_("Начало"), "start_date"),
        Column(_("Окончание"), "end_date"),
        Column(_("Текущий"), "is_current"),
        Column(_("Примечание"), "note"),
    )


class YearDetail(YearViewMixin, ScopedDetailView):
    template_name = "directory/year_detail.html"


class YearCreate(YearViewMixin, ScopedCreateView):
    form_class = AcademicYearForm
    title = _("Новый учебный год")


class YearUpdate(YearViewMixin, ScopedUpdateView):
    form_class = AcademicYearForm
    title = _("Изменение учебного года")


class FormViewMixin:
    model = MentoringForm
    region_reads = True
    breadcrumbs = (FORMS,)


class FormList(FormViewMixin, ScopedListView):
    title = _("Формы наставничества")
    filterset_class = MentoringFormFilter
    export_name = "формы_наставничества"
    breadcrumbs = ()
    create_url_name = "directory:form_create"
    export_url_name = "directory:form_export"
    columns = (
        Column(_("Название"), "name", link=True),
        Column(_("Источник"), "get_source_display"),
        Column(_("Наставник"), "get_mentor_category_display"),
        Column(_("Наставляемый"), "get_mentee_category_display"),
        Column(_("Из других организаций"), "allows_other_organizations"),
        Column(_("Используется"), "is_active"),
    )


class FormDetail(FormViewMixin, ScopedDetailView):
    template_name = "directory/form_detail.html"


class FormCreate(FormViewMixin, ScopedCreateView):
    form_class = MentoringFormForm
    title = _("Новая форма наставничества")


class FormUpdate(FormViewMixin, ScopedUpdateView):
    form_class = MentoringFormForm
    title = _("Изменение формы наставничества")


class OrganizationSearch(PickerSearchView):
    """?q=СОШ 12 — organisations the user may read, by short or full name (the list filters' pickers)."""

    def found(self, query: str):
        organizations = scoped_organizations(self.request)
        return matching(organizations, query, ("short_name", "full_name")).order_by("sort_name", "id")


class RequisitesUpdate(ScopedUpdateView):
    """Whose position and name the documents carry: the methodologist sets them, everyone else is refused."""

    model = DocumentRequisites
    form_class = DocumentRequisitesForm
    title = _("Реквизиты документов")

    def get_object(self, queryset=None):
        record = DocumentRequisites.current(access.bind_district_id(self.request.user))
        if record._state.adding and self.request.method == "POST":
            record.save()  # the settings' defaults become the record the form then writes over
        return record
