"""The multi-year plan of methodological support above the yearly roadmaps: its directions and items, which
roadmap items of which years realise each item, what the current year does not cover; PDF and XLSX."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from core.columns import Column
from core.generic import (
    AccessMixin,
    RecordDeleteView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)
from directory.models import start_year_of
from meetings import plans
from meetings.exporters import plan_document, plan_xlsx
from meetings.filters import SupportPlanFilter
from meetings.forms import PlanDirectionForm, PlanItemForm, SupportPlanForm
from meetings.models import PlanDirection, PlanItem, SupportPlan

PLANS = (_("Планы методического сопровождения"), reverse_lazy("meetings:plan_list"))


def coverage_of(plan: SupportPlan):
    today = timezone.localdate()
    return plans.plan_coverage(plan, start_year_of(today), today)


class PlanView:
    model = SupportPlan
    org_field = plans.PLAN_ORG
    breadcrumbs = (PLANS,)

    def get_queryset(self):
        return plans.plans_for(self.request.user)


class PlanList(PlanView, ScopedListView):
    title = _("Планы методического сопровождения")
    breadcrumbs = ()
    filterset_class = SupportPlanFilter
    export_name = "планы_методического_сопровождения"
    create_url_name = "meetings:plan_create"
    export_url_name = "meetings:plan_export"
    columns = (
        Column(_("Период"), "period"),
        Column(_("Название"), "title", link=True),
        Column(_("Документ-основание"), "basis"),
    )


class PlanDetail(PlanView, ScopedDetailView):
    template_name = "meetings/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = coverage_of(self.object)
        context.update(
            coverage=coverage,
            figures=coverage.figures,
            edit_url=reverse("meetings:plan_update", args=[self.object.pk]),
        )
        return context


class PlanFormView(PlanView):
    form_class = SupportPlanForm
    success_message = _("План сохранён.")


class PlanCreate(PlanFormView, ScopedCreateView):
    title = _("Новый план методического сопровождения")


class PlanUpdate(PlanFormView, ScopedUpdateView):
    title = _("Изменение плана")


class PlanDelete(PlanView, RecordDeleteView):
    title = _("Удаление плана")
    success_message = _("План удалён; пункты дорожных карт остались, без ссылки на него.")
    question = _("План, его направления и пункты будут удалены безвозвратно.")
    success_url = reverse_lazy("meetings:plan_list")

    def get_record(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


class PlanFile(PlanView, AccessMixin, View):
    """The plan with its realisation as the official PDF table, or as XLSX (`render=plan_xlsx`)."""

    render = staticmethod(plan_document)

    def get(self, request, pk):
        plan = get_object_or_404(self.get_queryset(), pk=pk)
        return self.render(coverage_of(plan)).response()


class PlanPartView(AccessMixin):
    """A direction or an item, edited within its plan (the plan comes from the URL or from the record)."""

    template_name = "core/form.html"

    def plan(self) -> SupportPlan:
        if not hasattr(self, "_plan"):
            if "plan_pk" in self.kwargs:
                self._plan = get_object_or_404(plans.plans_for(self.request.user), pk=self.kwargs["plan_pk"])
            else:
                self._plan = self.plan_of(getattr(self, "object", None) or self.get_object())
        return self._plan

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan()}

    def get_success_url(self):
        return self.object.get_absolute_url()

    def get_breadcrumbs(self):
        plan = self.plan()
        return (PLANS, (plan.period, plan.get_absolute_url()))


class DirectionView(PlanPartView):
    model = PlanDirection
    form_class = PlanDirectionForm
    success_message = _("Направление плана сохранено.")

    def plan_of(self, direction):
        return direction.plan


class DirectionCreate(DirectionView, ScopedCreateView):
    title = _("Новое направление плана")


class DirectionUpdate(DirectionView, ScopedUpdateView):
    title = _("Изменение направления плана")

    def base_queryset(self):
        return PlanDirection.objects.select_related("plan")


class ItemView(PlanPartView):
    model = PlanItem
    form_class = PlanItemForm
    success_message = _("Пункт плана сохранён.")

    def plan_of(self, item):
        return item.direction.plan

    def base_queryset(self):
        return PlanItem.objects.select_related("direction__plan")


class ItemCreate(ItemView, ScopedCreateView):
    title = _("Новый пункт плана")

    def get_initial(self):
        direction = self.request.GET.get("direction", "")
        return {"direction": direction} if direction.isdigit() else {}


class ItemUpdate(ItemView, ScopedUpdateView):
    title = _("Изменение пункта плана")


class ItemDelete(RecordDeleteView):
    title = _("Удаление пункта плана")
    success_message = _("Пункт плана удалён; пункты дорожных карт, которые его реализовали, остались.")
    question = _("Пункт плана будет удалён; ссылки на него из дорожных карт снимутся.")

    def get_record(self):
        items = plans.scope_items(self.request.user)
        return get_object_or_404(items, pk=self.kwargs["pk"])

    def act(self, record, form):
        plan = record.direction.plan
        record.delete()
        return plan.get_absolute_url()


urlpatterns = [
    path("plans/", PlanList.as_view(), name="plan_list"),
    path("plans/export/", PlanList.as_view(export=True), name="plan_export"),
    path("plans/new/", PlanCreate.as_view(), name="plan_create"),
    path("plans/<int:pk>/", PlanDetail.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", PlanUpdate.as_view(), name="plan_update"),
    path("plans/<int:pk>/delete/", PlanDelete.as_view(), name="plan_delete"),
    path("plans/<int:pk>/plan.pdf", PlanFile.as_view(), name="plan_pdf"),
    path("plans/<int:pk>/plan.xlsx", PlanFile.as_view(render=plan_xlsx), name="plan_xlsx"),
    path("plans/<int:plan_pk>/directions/new/", DirectionCreate.as_view(), name="plan_direction_create"),
    path("plans/directions/<int:pk>/edit/", DirectionUpdate.as_view(), name="plan_direction_update"),
    path("plans/<int:plan_pk>/items/new/", ItemCreate.as_view(), name="plan_item_create"),
    path("plans/items/<int:pk>/edit/", ItemUpdate.as_view(), name="plan_item_update"),
    path("plans/items/<int:pk>/delete/", ItemDelete.as_view(), name="plan_item_delete"),
]
