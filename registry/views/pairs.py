from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from core.columns import Column
from core.generic import AccessMixin, ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from core.history import history_of, merged, row_history
from registry import selectors, services
from registry.filters import PairFilter
from registry.forms import PairForm, TransitionForm
from registry.models import Activity, Pair
from registry.views.common import PAIRS, pair_for


class PairView:
    coordinator_edits = True  # coordinators edit their own organisation's records
    model = Pair
    org_field = selectors.PAIR_ORG
    breadcrumbs = (PAIRS,)

    def get_queryset(self):
        return selectors.pairs_for(self.request.user)


class PairList(PairView, ScopedListView):
    title = _("Наставнические пары и группы")
    breadcrumbs = ()
    filterset_class = PairFilter
    export_name = "пары_и_группы"
    create_url_name = "registry:pair_create"
    export_url_name = "registry:pair_export"
    import_url_name = "registry:pair_import"
    columns = (
        Column(_("Наставник"), "mentor.person.full_name", link=True),
        Column(_("Наставляемые"), "mentees"),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Форма"), "form.name"),
        Column(_("Начало"), "started_on"),
        Column(_("Плановое окончание"), "planned_end_on"),
        Column(
            _("Приказ"),
            lambda p: f"№ {p.order_number} от {p.order_date:%d.%m.%Y}" if p.order_date else p.order_number,
        ),
        Column(_("Состояние"), "get_status_display"),
    )


class PairDetail(PairView, ScopedDetailView):
    template_name = "registry/pair_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("program")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pair = self.object
        context["title"] = pair.heading
        context["transitions"] = list(pair.transitions.select_related("by"))
        context["program"] = getattr(pair, "program", None) if hasattr(pair, "program") else None
        context["activities"] = list(context["program"].activities.all()) if context["program"] else []
        context["transition_form"] = TransitionForm(pair=pair)
        if context["program"] is not None:
            program = context["program"]
            rows = row_history(Activity, "program", program.pk, "title", _("Мероприятие программы"))
            context["history"] = merged(context["history"], history_of(program), rows)
        return context


class PairFormMixin(PairView):
    form_class = PairForm

    def form_valid(self, form):
        pair = form.save(commit=False)
        services.save_pair(pair, form.cleaned_data["mentees"])
        self.object = pair
        messages.success(self.request, _("Пара сохранена."))
        return redirect(pair.get_absolute_url())

    def get_initial(self):
        """`?organization=` names the organisation whose people the form offers (static/js/mshn.js asks)."""
        chosen = self.request.GET.get("organization")
        return {**super().get_initial(), **({"organization": chosen} if chosen else {})}


class PairCreate(PairFormMixin, ScopedCreateView):
    title = _("Новая пара или группа")


class PairUpdate(PairFormMixin, ScopedUpdateView):
    title = _("Изменение пары")


class PairTransitionView(PairView, AccessMixin, FormView):
    """Moves a pair to its next state, recording who, when and why."""

    writes = True
    form_class = TransitionForm
    template_name = "core/form.html"
    title = _("Смена состояния пары")
    http_method_names = ["get", "post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pair = None

    def get_pair(self):
        if self.pair is None:
            self.pair = pair_for(self.request.user, self.kwargs["pk"])
        return self.pair

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "pair": self.get_pair()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pair = self.get_pair()
        context["title"] = _("Смена состояния — %(pair)s") % {"pair": pair.heading}
        return context

    def get_breadcrumbs(self):
        pair = self.get_pair()
        return (*self.breadcrumbs, (pair.heading, pair.get_absolute_url()))

    def form_valid(self, form):
        pair = self.get_pair()
        try:
            services.change_pair_status(
                pair,
                form.cleaned_data["to_status"],
                user=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Состояние пары изменено."))
        return redirect(pair.get_absolute_url())


urlpatterns = [
    path("pairs/", PairList.as_view(), name="pair_list"),
    path("pairs/export/", PairList.as_view(export=True), name="pair_export"),
    path("pairs/new/", PairCreate.as_view(), name="pair_create"),
    path("pairs/<int:pk>/", PairDetail.as_view(), name="pair_detail"),
    path("pairs/<int:pk>/edit/", PairUpdate.as_view(), name="pair_update"),
    path("pairs/<int:pk>/status/", PairTransitionView.as_view(), name="pair_transition"),
]
