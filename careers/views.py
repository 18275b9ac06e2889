"""Pages of careers: a person's places of work and the moves between them, the agreement of art. 351.8 on a
pair, drafts of orders, and справки with their register and public verification."""

from __future__ import annotations

import django_filters
from crispy_forms.layout import Submit
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from careers import documents, imports, selectors, services
from careers.agreements import needs_agreement
from careers.forms import (
    AcceptedRetentionForm,
    AgreementForm,
    CertificateForm,
    DismissForm,
    EarlyEndForm,
    OrderForm,
    RevokeForm,
    TransferForm,
)
from careers.models import AcceptedRetention, Certificate, EmploymentPeriod, MentorAgreement
from core import access
from core.columns import Column
from core.files import file_response
from core.generic import (
    AccessMixin,
    RecordActionView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    redirect_with_message,
)
from directory.filters import OrganizationChoiceFilter, YesNoFilter
from directory.models import AcademicYear, Organization
from events.selectors import events_for
from registry.forms import ImportForm
from registry.imports import ImportRejected, ImportTemplate, reference_sections
from registry.models import Pair, Person
from registry.selectors import pairs_for, people_for

STAFF = (_("Стаж по организациям"), reverse_lazy("careers:staff"))
CERTIFICATES = (_("Справки о наставнической деятельности"), reverse_lazy("careers:certificate_list"))


def person_for_edit(user, pk) -> Person:
    """A person the user may move or issue a справка to: one of their organisation's people now."""
    return get_object_or_404(people_for(user).filter(is_anonymised=False), pk=pk)


# Periods of work ----------------------------------------------------------------------------------------


class PersonCareer(AccessMixin, TemplateView):
    """A person's periods of work; a coordinator sees those in their organisation (past ones included)."""

    template_name = "careers/person_career.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, pk = self.request.user, self.kwargs["pk"]
        person = people_for(user).filter(pk=pk).first()
        periods = list(selectors.periods_for(user).filter(person_id=pk).order_by("started_on", "id"))
        if person is None and not periods:
            raise Http404
        person = person or periods[0].person
        is_current = person.organization_id == getattr(user, "organization_id", None) or access.is_methodist(
            user
        )
        context.update(
            person=person,
            periods=periods or None,
            title=_("Места работы: %(name)s") % {"name": person.full_name},
            may_move=is_current
            and not person.is_anonymised
            and access.may_edit(user, coordinator_edits=True),
            works=works_now(person),
            elsewhere=person.organization_id != getattr(user, "organization_id", None),
        )
        return context

    def get_breadcrumbs(self):
        return (STAFF,)


def works_now(person) -> bool:
    """Has an open period of work, or none recorded (then `Person.organization` is the current place)."""
    periods = EmploymentPeriod.objects.filter(person=person)
    return periods.filter(ended_on__isnull=True).exists() or not periods.exists()


class MoveView(RecordActionView):
    coordinator_edits = True
    template_name = "core/confirm.html"
    breadcrumbs = (STAFF,)

    def get_record(self):
        return person_for_edit(self.request.user, self.kwargs["pk"])

    def done(self, person):
        return reverse("careers:person_career", args=[person.pk])


class TransferView(MoveView):
    title = _("Перевести в другую организацию")
    form_class = TransferForm
    question = _("Прежний период работы закроется накануне даты перевода; пары, обучение и мероприятия "
                 "останутся за прежней организацией.")  # fmt: skip
    success_message = _("Перевод записан.")

    def act(self, person, form):
        data = form.cleaned_data
        services.transfer_person(
            person, data["organization"], on=data["on"], position=data["position"], user=self.request.user
        )
        if access.is_coordinator(self.request.user):  # the person has left the coordinator's organisation
            return reverse("careers:staff")
        return self.done(person)


class DismissView(MoveView):
    title = _("Уволился")
    form_class = DismissForm
    question = _("Период работы закроется этой датой: человек больше не работает в образовании района.")
    success_message = _("Увольнение записано.")

    def act(self, person, form):
        data = form.cleaned_data
        services.dismiss_person(person, on=data["on"], note=data["note"], user=self.request.user)
        return self.done(person)


class StaffFilter(django_filters.FilterSet):
    organization = django_filters.ModelChoiceFilter(
        label=_("Организация"), queryset=Organization.objects.all(), empty_label=_("все")
    )
    organization.shown_to_coordinators = False
    current = django_filters.ChoiceFilter(
        label=_("Период"),
        choices=[("open", _("работают сейчас")), ("closed", _("ушли"))],
        method="filter_current",
        empty_label=_("все"),
    )
    name = django_filters.CharFilter(
        label=_("Фамилия"), field_name="person__last_name", lookup_expr="istartswith"
    )

    class Meta:
        model = EmploymentPeriod
        fields = ["organization", "current", "name"]

    def filter_current(self, queryset, name, value):
        return queryset.filter(ended_on__isnull=(value == "open")) if value else queryset


class StaffList(ScopedListView):
    """Periods of work in the user's organisations: who worked there and when, past ones included."""

    model = EmploymentPeriod
    org_field = selectors.PERIOD_ORG
    title = _("Стаж по организациям")
    filterset_class = StaffFilter
    export_name = "периоды_работы"
    export_url_name = "careers:staff_export"
    import_url_name = "careers:moves_import"
    columns = (
        Column(_("ФИО"), "person.full_name", link=True),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Должность"), "position"),
        Column(_("С"), "started_on"),
        Column(_("По"), "ended_on"),
        Column(_("Причина ухода"), "get_leave_reason_display"),
        Column(_("Пояснение"), "leave_note"),
    )

    def get_queryset(self):
        return selectors.periods_for(self.request.user).order_by(
            "person__last_name", "person__first_name", "id"
        )


class MovesImport(AccessMixin, FormView):
    """Moves from XLSX: the methodologist for any organisation, a coordinator for their own."""

    coordinator_edits = True
    writes = True
    form_class = ImportForm
    template_name = "careers/import.html"
    title = _("Загрузка переводов и увольнений из Excel")
    breadcrumbs = (STAFF,)

    def form_valid(self, form):
        try:
            count = imports.import_moves(self.request.user, form.table)
        except ImportRejected as rejected:
            messages.error(
                self.request, _("Ничего не загружено: исправьте ошибки в файле и загрузите его снова.")
            )
            return self.render_to_response(self.get_context_data(form=form, errors=rejected.errors))
        return redirect_with_message(
            self.request,
            reverse("careers:staff"),
            str(_("Записано переводов и увольнений: %(n)s.") % {"n": count}),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            template_url=reverse("careers:moves_template"),
            reference=reference_sections(imports.MOVES, user),
            fixed_organization=access.organization_for_new_records(user),
            max_rows=settings.IMPORT_MAX_ROWS,
        )
        return context


class MovesTemplate(AccessMixin, TemplateView):
    coordinator_edits = True
    writes = True

    def get(self, request, *args, **kwargs):
        return ImportTemplate(imports.MOVES, request.user).response()


# Drafts of documents ------------------------------------------------------------------------------------


class DraftFile:
    """A view that sends a draft as PDF or, on its «…/docx/» URL, as DOCX (`as_view(file_format="docx")`)."""

    file_format = "pdf"

    def send(self, draft: documents.Draft):
        return documents.FORMATS[self.file_format](draft).response()


# Agreements of art. 351.8 --------------------------------------------------------------------------------


class AgreementMixin(AccessMixin):
    coordinator_edits = True

    def pair(self):
        if not hasattr(self, "_pair"):
            self._pair = selectors.pair_for(self.request.user, self.kwargs["pk"])
        return self._pair

    def agreement(self) -> MentorAgreement | None:
        return MentorAgreement.objects.filter(pair=self.pair()).first()

    def existing_agreement(self) -> MentorAgreement:
        agreement = self.agreement()
        if agreement is None:
            raise Http404
        return agreement

    def get_breadcrumbs(self):
        pair = self.pair()
        return ((_("Пары и группы"), reverse("registry:pair_list")), (pair.heading, pair.get_absolute_url()))


class AgreementDetail(AgreementMixin, TemplateView):
    template_name = "careers/agreement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pair = self.pair()
        context.update(
            pair=pair,
            agreement=self.agreement(),
            required=needs_agreement(pair),
            title=_("Соглашение о наставничестве (ст. 351.8 ТК РФ)"),
            may_edit=access.may_edit(
                self.request.user, coordinator_edits=True, organization_id=pair.organization_id
            ),
        )
        return context


class AgreementEdit(AgreementMixin, FormView):
    writes = True
    form_class = AgreementForm
    template_name = "core/form.html"
    title = _("Согласие и дополнительное соглашение наставника")

    def get_form_kwargs(self):
        pair = self.pair()
        instance = self.agreement() or MentorAgreement(
            pair=pair, starts_on=pair.started_on, ends_on=pair.planned_end_on or pair.started_on
        )
        return {**super().get_form_kwargs(), "instance": instance}

    def form_valid(self, form):
        agreement = form.save(commit=False)
        agreement._history_user = self.request.user
        agreement.save()
        return redirect_with_message(
            self.request, agreement.get_absolute_url(), str(_("Соглашение сохранено."))
        )


class EarlyEndView(AgreementMixin, FormView):
    writes = True
    form_class = EarlyEndForm
    template_name = "core/form.html"
    title = _("Досрочное прекращение наставничества")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.existing_agreement()}

    def form_valid(self, form):
        agreement = services.end_mentoring_early(form.save(commit=False), user=self.request.user)
        return redirect_with_message(
            self.request, agreement.get_absolute_url(), str(_("Досрочное прекращение записано."))
        )


class ConsentScan(AgreementMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        agreement = self.existing_agreement()
        if not agreement.consent_scan:
            raise Http404
        return file_response(agreement.consent_scan, agreement.consent_scan_name or "согласие")


class AgreementDocument(DraftFile, AgreementMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        return self.send(documents.supplementary_agreement(self.existing_agreement()))


class EarlyEndDocument(DraftFile, AgreementMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        agreement = self.existing_agreement()
        if not agreement.is_ended_early:
            raise Http404
        return self.send(documents.early_end_order(agreement))


class MissingFilter(django_filters.FilterSet):
    organization = django_filters.ModelChoiceFilter(
        label=_("Организация"), queryset=Organization.objects.all(), empty_label=_("все")
    )
    organization.shown_to_coordinators = False

    class Meta:
        model = Pair
        fields = ["organization"]


class MissingAgreements(ScopedListView):
    """Open pairs whose pedagogue mentor has no agreement under art. 351.8 yet."""

    model = Pair
    org_field = "organization"
    filterset_class = MissingFilter
    title = _("Пары без соглашения по ст. 351.8 ТК РФ")
    columns = (
        Column(_("Наставник"), "mentor.person.full_name", link=True),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Форма"), "form.name"),
        Column(_("Начало"), "started_on"),
        Column(_("Состояние"), "get_status_display"),
    )

    def get_queryset(self):
        return selectors.pairs_without_agreement(pairs_for(self.request.user))


# Orders -------------------------------------------------------------------------------------------------


class AssignmentOrder(DraftFile, AccessMixin, FormView):
    """The order assigning mentors: the form asks which pairs; a valid form downloads the PDF, or the DOCX
    with the form's second button (it sends the same fields to the DOCX URL)."""

    form_class = OrderForm
    template_name = "core/form.html"
    title = _("Приказ о закреплении наставников")

    def get_form_kwargs(self):
        kwargs = {"user": self.request.user, "initial": self.get_initial()}
        if "organization" in self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_bound or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        organization = data["organization"]
        pairs = selectors.pairs_for_order(request.user, organization.pk, data["start"], data["end"])
        return self.send(documents.assignment_order(organization, pairs, data["start"], data["end"]))

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.helper.form_method = "get"
        form.helper.form_action = reverse("careers:assignment_order")
        docx = Submit("docx", _("Скачать приказ (DOCX)"), formaction=reverse("careers:assignment_order_docx"))
        docx.field_classes = "btn btn-outline-primary"  # a second button: outlined, in a readable colour
        form.helper.add_input(docx)
        return form


class ContestOrder(DraftFile, AccessMixin, TemplateView):
    """The order on the results of a contest, from its participants' results."""

    def get(self, request, *args, **kwargs):
        event = get_object_or_404(events_for(request.user), pk=kwargs["pk"])
        results = selectors.contest_results_for(request.user, event)
        issuer = (
            event.organizer.full_name if event.organizer_id else str(_("Муниципальная Школа наставничества"))
        )
        return self.send(documents.contest_order(event, results, issuer))


# Справки ------------------------------------------------------------------------------------------------


class CertificateFilter(django_filters.FilterSet):
    organization = django_filters.ModelChoiceFilter(
        label=_("Организация"), queryset=Organization.objects.all(), empty_label=_("все")
    )
    organization.shown_to_coordinators = False
    name = django_filters.CharFilter(label=_("ФИО"), field_name="person_name", lookup_expr="icontains")

    class Meta:
        model = Certificate
        fields = ["organization", "name"]


class CertificateList(ScopedListView):
    """The register of issued справки."""

    model = Certificate
    org_field = selectors.CERTIFICATE_ORG
    title = _("Справки о наставнической деятельности")
    filterset_class = CertificateFilter
    export_name = "реестр_справок"
    export_url_name = "careers:certificate_export"
    columns = (
        Column(_("Рег. номер"), "number", link=True),
        Column(_("Дата выдачи"), "issued_on"),
        Column(_("ФИО"), "person_name"),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Период"), lambda c: f"{c.period_from:%d.%m.%Y} – {c.period_to:%d.%m.%Y}"),
        Column(_("Отозвана"), "revoked_on"),
    )

    def get_queryset(self):
        return selectors.certificates_for(self.request.user)


class CertificateIssue(RecordActionView):
    coordinator_edits = True
    title = _("Выдать справку о наставнической деятельности")
    form_class = CertificateForm
    question = _("В справку войдут пары, программы, обучение, мероприятия и опубликованные практики за период; "
                 "после выдачи она не меняется и хранится в реестре.")  # fmt: skip
    success_message = _("Справка выдана и внесена в реестр.")
    breadcrumbs = (CERTIFICATES,)

    def get_record(self):
        return person_for_edit(self.request.user, self.kwargs["pk"])

    def act(self, person, form):
        data = form.cleaned_data
        certificate = services.issue_certificate(
            person,
            start=data["start"],
            end=data["end"],
            organization=person.organization,
            user=self.request.user,
        )
        return certificate.get_absolute_url()


class CertificateView:
    model = Certificate
    org_field = selectors.CERTIFICATE_ORG
    coordinator_edits = True
    breadcrumbs = (CERTIFICATES,)

    def get_queryset(self):
        return selectors.certificates_for(self.request.user)


class CertificateDetail(CertificateView, ScopedDetailView):
    template_name = "careers/certificate_detail.html"


class CertificatePdf(CertificateView, AccessMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        certificate = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        url = request.build_absolute_uri(certificate.get_verify_url())
        return documents.pdf(documents.certificate(certificate, url)).response()


class CertificateRevoke(CertificateView, RecordActionView):
    title = _("Отозвать справку")
    form_class = RevokeForm
    success_message = _("Справка отозвана: страница проверки сообщает об этом.")

    def get_record(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def allowed(self, certificate) -> bool:
        if not access.may_edit(
            self.request.user, coordinator_edits=True, organization_id=certificate.organization_id
        ):
            raise PermissionDenied
        return True

    def act(self, certificate, form):
        services.revoke_certificate(certificate, reason=form.cleaned_data["reason"], user=self.request.user)
        return certificate.get_absolute_url()


class Verify(TemplateView):
    """Public: confirms that a справка exists — its number, date, the person's name and the issuer only."""

    template_name = "careers/verify.html"

    def get_context_data(self, **kwargs):
        certificate = get_object_or_404(
            Certificate.objects.only("number", "issued_on", "person_name", "issuer_name", "revoked_on"),
            code=kwargs["code"],
        )
        return {"certificate": certificate, "title": _("Проверка справки")}


# Accepted retention figures of the years before the registry ---------------------------------------------

RETENTION = (_("Закрепление молодых педагогов"), reverse_lazy("reports:retention"))
ACCEPTED = (_("Принятые цифры закрепления"), reverse_lazy("careers:accepted_list"))


class AcceptedFilter(django_filters.FilterSet):
    cohort_year = django_filters.ModelChoiceFilter(
        label=_("Учебный год когорты"), queryset=AcademicYear.objects.all(), empty_label=_("все")
    )
    organization = OrganizationChoiceFilter()
    with_mentor = YesNoFilter(label=_("С наставником"))

    class Meta:
        model = AcceptedRetention
        fields = ["cohort_year", "organization", "with_mentor"]


class AcceptedView:
    """The district's records: the methodologist keeps them, the department reads, a coordinator is
    refused (their organisation's retention is on the ledger page)."""

    district_only = True
    model = AcceptedRetention
    org_field = None
    breadcrumbs = (RETENTION, ACCEPTED)

    def base_queryset(self):
        return selectors.accepted_retention()


class AcceptedList(AcceptedView, ScopedListView):
    title = _("Принятые цифры закрепления (годы до реестра)")
    breadcrumbs = (RETENTION,)
    filterset_class = AcceptedFilter
    create_url_name = "careers:accepted_create"
    columns = (
        Column(_("Когорта"), "cohort_year.title", link=True),
        Column(_("Организация"), "organization.short_name"),
        Column(_("С наставником"), "with_mentor"),
        Column(_("В когорте"), "cohort"),
        Column(_("Через 1 год"), "after_1"),
        Column(_("Через 2 года"), "after_2"),
        Column(_("Через 3 года"), "after_3"),
    )


class AcceptedDetail(AcceptedView, ScopedDetailView):
    template_name = "careers/accepted_detail.html"


class AcceptedCreate(AcceptedView, ScopedCreateView):
    form_class = AcceptedRetentionForm
    title = _("Новые принятые цифры закрепления")


class AcceptedUpdate(AcceptedView, ScopedUpdateView):
    form_class = AcceptedRetentionForm
    title = _("Изменение принятых цифр закрепления")
