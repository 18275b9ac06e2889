"""The roadmap of a school year: list with overdue items marked, XLSX and PDF, forms, copy of a year."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from core import access
from core.columns import Column
from core.files import file_response
from core.generic import (
    AccessMixin,
    RecordDeleteView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)
from directory.models import AcademicYear
from meetings import selectors, services
from meetings.decisions import roadmap_fields
from meetings.exporters import (
    ROADMAP_COLUMNS,
    roadmap_document,
    roadmap_docx,
    roadmap_file_stem,
    roadmap_heading,
)
from meetings.filters import RoadmapFilter
from meetings.forms import CopyRoadmapForm, RoadmapItemForm
from meetings.models import AgendaItem, RoadmapItem

ROADMAP = (_("Дорожная карта"), reverse_lazy("meetings:roadmap_list"))


def status_label(item: RoadmapItem) -> str:
    if getattr(item, "overdue", False):
        return _now("%(status)s, просрочено") % {"status": item.get_status_display()}
    return item.get_status_display()


def plan_item_mark(item: RoadmapItem) -> str:
    """«2024–2027, 3.1»: the item of the multi-year plan this roadmap item realises."""
    plan_item = item.plan_item
    return f"{plan_item.direction.plan.period}, {plan_item.number}" if plan_item else ""


class RoadmapView:
    model = RoadmapItem
    org_field = selectors.ROADMAP_ORG
    breadcrumbs = (ROADMAP,)

    def get_queryset(self):
        return selectors.roadmap_for(self.request.user)


class RoadmapList(RoadmapView, ScopedListView):
    """Opens on the current school year; «Учебный год: все» shows every year."""

    template_name = "meetings/roadmap_list.html"
    title = _("Дорожная карта МШН")
    breadcrumbs = ()
    filterset_class = RoadmapFilter
    export_name = "дорожная_карта"
    create_url_name = "meetings:roadmap_create"
    export_url_name = "meetings:roadmap_export"
    columns = (
        Column(_("№"), "position"),
        Column(_("Этап"), "stage"),
        Column(_("Мероприятие"), "activity", link=True),
        Column(_("Срок"), "due"),
        Column(_("Ответственный"), "responsible"),
        Column(_("Ожидаемый результат / вид документа"), "expected_result"),
        Column(_("Статус"), status_label),
        Column(_("Выполнено"), "done_on"),
        Column(_("Пункт плана"), plan_item_mark),
    )

    def get_columns(self):
        return ROADMAP_COLUMNS if self.export else self.columns

    def filtered_year(self) -> AcademicYear | None:
        form = self.filterset.form
        return form.cleaned_data.get("year") if form.is_valid() else None

    def get_export_name(self) -> str:
        year = self.filtered_year()
        return roadmap_file_stem(year) if year else self.export_name

    def get_export_title(self) -> str:
        year = self.filtered_year()
        return roadmap_heading(year) if year else str(self.title)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        current = AcademicYear.objects.current()
        if "year" not in self.request.GET and current is not None:
            data = self.request.GET.copy()
            data["year"] = str(current.pk)
            kwargs["data"] = data
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        year = form.cleaned_data.get("year") if form.is_valid() else None
        context["year"] = year
        district_id = access.district_of(self.request.user)
        context["figures"] = (
            selectors.roadmap_figures(year, timezone.localdate(), district_id) if year else None
        )
        return context


class RoadmapPdf(RoadmapView, AccessMixin, View):
    """The year's roadmap as the official table, with the approval block (PDF, or DOCX with `document`)."""

    document = staticmethod(roadmap_document)

    def get(self, request):
        year = self.year()
        items = list(self.get_queryset().filter(year=year).order_by("position", "id"))
        return self.document(year, items).response()

    def year(self) -> AcademicYear:
        pk = self.request.GET.get("year")
        year = AcademicYear.objects.filter(pk=pk).first() if pk and pk.isdigit() else None
        year = year or AcademicYear.objects.current()
        if year is None:
            raise Http404(_now("Учебный год не найден."))
        return year


class RoadmapDetail(RoadmapView, ScopedDetailView):
    template_name = "meetings/roadmap_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _now("Пункт %(number)s дорожной карты %(year)s") % {
            "number": self.object.position,
            "year": self.object.year,
        }
        return context


class RoadmapFormMixin(RoadmapView):
    form_class = RoadmapItemForm
    success_message = _("Пункт дорожной карты сохранён.")

    def get_success_url(self):
        return self.object.get_absolute_url()


class RoadmapCreate(RoadmapFormMixin, ScopedCreateView):
    title = _("Новый пункт дорожной карты")

    def get_initial(self):
        return {"year": AcademicYear.objects.current()}


class RoadmapFromDecision(RoadmapFormMixin, ScopedCreateView):
    """A decision of a meeting becomes a roadmap item: the form comes prefilled from it."""

    template_name = "meetings/roadmap_from_decision.html"
    title = _("Решение заседания — в дорожную карту")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.source, self.decision = None, ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.load_decision()
        return super().dispatch(request, *args, **kwargs)

    def load_decision(self) -> None:
        items = AgendaItem.objects.select_related("meeting__year")
        meetings = selectors.meetings_for(self.request.user)
        self.source = get_object_or_404(items, pk=self.kwargs["item_pk"], meeting__in=meetings)
        lines = self.source.decision_lines
        number = self.kwargs["number"]
        if not 1 <= number <= len(lines):
            raise Http404(_now("Такого решения в протоколе нет."))
        self.decision = lines[number - 1]

    def get_initial(self):
        meeting = self.source.meeting
        number = f"{self.source.position}.{self.kwargs['number']}"
        return {
            "year": meeting.year,
            **roadmap_fields(self.decision),
            "expected_result": _now(
                "Выполнено решение %(number)s протокола заседания № %(meeting)s от %(date)s"
            )
            % {"number": number, "meeting": meeting.number, "date": f"{meeting.date:%d.%m.%Y}"},
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["source"], context["decision"] = self.source, self.decision
        context["decision_number"] = f"{self.source.position}.{self.kwargs['number']}"
        return context

    def form_valid(self, form):
        form.instance.source = self.source
        return super().form_valid(form)


class RoadmapUpdate(RoadmapFormMixin, ScopedUpdateView):
    title = _("Изменение пункта дорожной карты")


class RoadmapCopy(RoadmapView, AccessMixin, FormView):
    """Starts a year's roadmap as a copy of another year's, deadlines moved by one year."""

    writes = True
    form_class = CopyRoadmapForm
    template_name = "core/form.html"
    title = _("Копия дорожной карты на новый учебный год")

    def get_initial(self):
        current = AcademicYear.objects.current()
        if current is None:
            return {}
        previous = AcademicYear.objects.filter(start_year=current.start_year - 1).first()
        return {"from_year": previous, "to_year": current}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            copied = services.copy_roadmap(
                access.bind_district_id(self.request.user),
                data["from_year"],
                data["to_year"],
                self.request.user,
                confirmed=data["confirmed"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _now("Скопировано пунктов: %(count)s. Сроки перенесены на год вперёд.") % {"count": copied},
        )
        return redirect(f"{reverse('meetings:roadmap_list')}?year={data['to_year'].pk}")


class RoadmapEvidence(RoadmapView, AccessMixin, View):
    def get(self, request, pk):
        item = get_object_or_404(self.get_queryset(), pk=pk)
        if not item.evidence_file:
            raise Http404(_now("У пункта нет файла подтверждения."))
        extension = item.evidence_file.name.rsplit(".", 1)[-1]
        return file_response(item.evidence_file, f"подтверждение_{item.position}.{extension}")


class RoadmapDelete(RoadmapView, RecordDeleteView):
    """A wrong item is deleted; an item that will not be done is kept as «отменено» instead."""

    title = _("Удаление пункта дорожной карты")
    success_message = _("Пункт дорожной карты удалён.")
    question = _(
        "Пункт и его подтверждение будут удалены безвозвратно. Если мероприятие просто не состоится, "
        "лучше поставьте статус «отменено»: пункт останется в отчёте о выполнении."
    )
    success_url = reverse_lazy("meetings:roadmap_list")

    def get_record(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


urlpatterns = [
    path("roadmap/", RoadmapList.as_view(), name="roadmap_list"),
    path("roadmap/export/", RoadmapList.as_view(export=True), name="roadmap_export"),
    path("roadmap/roadmap.pdf", RoadmapPdf.as_view(), name="roadmap_pdf"),
    path("roadmap/roadmap.docx", RoadmapPdf.as_view(document=roadmap_docx), name="roadmap_docx"),
    path("roadmap/new/", RoadmapCreate.as_view(), name="roadmap_create"),
    path("roadmap/copy/", RoadmapCopy.as_view(), name="roadmap_copy"),
    path(
        "agenda/<int:item_pk>/decisions/<int:number>/roadmap/",
        RoadmapFromDecision.as_view(),
        name="roadmap_from_decision",
    ),
    path("roadmap/<int:pk>/", RoadmapDetail.as_view(), name="roadmap_detail"),
    path("roadmap/<int:pk>/edit/", RoadmapUpdate.as_view(), name="roadmap_update"),
    path("roadmap/<int:pk>/evidence/", RoadmapEvidence.as_view(), name="roadmap_evidence"),
    path("roadmap/<int:pk>/delete/", RoadmapDelete.as_view(), name="roadmap_delete"),
]
