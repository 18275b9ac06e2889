"""The one view style of МШН: Django generic views behind one access mixin.

A view names the model, the path to the record's organisation (`org_field`) and whether a
coordinator may write (`coordinator_edits`); `core.access` decides the rest. Records outside the
user's scope are not found (404); a write the role may not do is forbidden (403).
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import CreateView, DetailView, FormView, UpdateView
from django_filters.views import FilterView

from core import access, jobs
from core.columns import Cells, Column, display
from core.exporters import XlsxTable
from core.forms import ConfirmForm, StepCommentForm
from core.history import _foreign_names, _row, has_history, history_of, history_records
from core.widgets import use_fast_select


class AccessMixin(LoginRequiredMixin):
    org_field: str | None = None
    coordinator_edits = False
    writes = False
    # Pages about every organisation at once: the methodologist and the department read them, a
    # coordinator is refused (their own organisation's part is on its own pages).
    district_only = False
    # The regional reader reads figures and reports of every district and no personal data: only the pages
    # that say so let them in.
    region_reads = False
    title = ""
    breadcrumbs: tuple[tuple[str, str], ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.district_only and not access.reads_everything(request.user):
            raise PermissionDenied
        if access.is_region(request.user) and not self.region_reads:
            raise PermissionDenied
        if self.writes and not self.may_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def may_edit(self) -> bool:
        return access.may_edit(self.request.user, coordinator_edits=self.coordinator_edits)

    def base_queryset(self):
        return self.model._default_manager.all()

    def get_queryset(self):
        return access.scope(self.request.user, self.base_queryset(), self.org_field)

    def get_form(self, form_class=None):
        """Forms of the view (where it has them) offer records of the user's district only."""
        form = super().get_form(form_class)
        in_own_district(form, self.request.user)
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("title", self.title)
        context["may_edit"] = self.may_edit()
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context

    def get_breadcrumbs(self):
        return self.breadcrumbs


class PickerSearchView(AccessMixin, View):
    """What a picker's search box asks (core/pickers.py): ?q= of two letters or more → up to 20 records
    of the user's scope as {id, label}."""

    results = 20
    min_length = 2

    def found(self, query: str):
        """The matching records in the user's scope, ordered."""
        raise NotImplementedError

    def label(self, record) -> str:
        return str(record)

    def get(self, request):
        query = request.GET.get("q", "").strip()
        if len(query) < self.min_length:
            return JsonResponse({"results": []})
        records = self.found(query)[: self.results]
        return JsonResponse(
            {"results": [{"id": record.pk, "label": self.label(record)} for record in records]}
        )


class ScopedListView(AccessMixin, FilterView):
    """A paginated, filtered list; the same view with `export=True` downloads it as XLSX."""

    template_name = "core/list.html"
    columns: tuple[Column, ...] = ()
    export = False
    export_name = "export"
    create_url_name: str | None = None
    export_url_name: str | None = None
    import_url_name: str | None = None

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_columns(self):
        return self.columns

    def get_filterset(self, filterset_class):
        """An unknown sort order (an old bookmark, an edited address) is dropped with a word, not an empty list."""
        filterset = super().get_filterset(filterset_class)
        unknown = [name for name in unknown_orderings(filterset) if name in filterset.data]
        if not unknown:
            return filterset
        messages.warning(
            self.request, _("Неизвестный порядок сортировки не применён: список показан в обычном порядке.")
        )
        data = filterset.data.copy()
        for name in unknown:
            data.pop(name)
        return filterset_class(**{**self.get_filterset_kwargs(filterset_class), "data": data})

    def render_to_response(self, context, **kwargs):
        if self.export:
            return self.export_response(self.object_list)
        return super().render_to_response(context, **kwargs)

    def get_export_name(self) -> str:
        return self.export_name

    def get_export_title(self) -> str:
        return str(self.title)

    def export_response(self, queryset):
        """The XLSX at once; more than EXPORT_TASK_ROWS rows are built by the task worker (core/jobs.py)
        while the user watches «Файл готовится»; the worker runs this same view with the job on the request."""
        job = getattr(self.request, "export_job", None)
        if job is None:
            total = queryset.count()
            if total > settings.EXPORT_TASK_ROWS:
                return HttpResponseRedirect(
                    jobs.start_export(self.request, str(self.title), total).get_absolute_url()
                )
        columns = self.get_columns()
        rows = ([c.value(obj) for c in columns] for obj in queryset.iterator(chunk_size=2000))
        headers = [str(c.title) for c in columns]
        filters = describe_filters(self.filterset)
        table = XlsxTable(self.get_export_name(), str(self.get_export_title()), headers, rows, filters)
        if job is None:
            return table.response()
        table.rows = jobs.tracked(job, rows)
        jobs.finish(job, table)
        return HttpResponse(status=201)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        style_filters(context.get("filter"))
        columns = self.get_columns()
        context["columns"] = columns
        linked = any(c.link for c in columns)
        context["rows"] = [
            (
                obj,
                Cells(
                    [(display(c.value(obj)), c.link) for c in columns],
                    obj.get_absolute_url() if linked else None,
                ),
            )
            for obj in context["object_list"]
        ]
        context["querystring"] = self.request.GET.urlencode()
        context["create_url_name"] = self.create_url_name if context["may_edit"] else None
        context["import_url_name"] = self.import_url_name if context["may_edit"] else None
        context["export_url_name"] = self.export_url_name
        return context


def describe_filters(filterset) -> str:
    """The filters a list was exported with, as the file's second row says them («Организация: …»)."""
    form = filterset.form if filterset is not None else None
    if form is None or not form.is_valid():
        return ""
    parts = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", [], ()) or isinstance(
            filterset.filters.get(name), django_filters.OrderingFilter
        ):
            continue
        parts.append(f"{form.fields[name].label}: {_filter_value(form.fields[name], value)}")
    return "; ".join(parts)


def _filter_value(field, value) -> str:
    if isinstance(value, bool):
        return str(_("да") if value else _("нет"))
    if hasattr(value, "__iter__") and not isinstance(value, str):
        return ", ".join(str(v) for v in value)
    if isinstance(value, datetime.date):
        return f"{value:%d.%m.%Y}"
    choices = dict(getattr(field, "choices", ()) or ())
    return str(choices.get(value, value))


def unknown_orderings(filterset) -> list[str]:
    """The sort fields of a bound filter form whose value is not one of their choices."""
    if not filterset.is_bound:
        return []
    return [
        name
        for name, flt in filterset.filters.items()
        if isinstance(flt, django_filters.OrderingFilter) and name in filterset.form.errors
    ]


def style_filters(filterset) -> None:
    """Bootstrap classes on the filter widgets; plain selects render their options in Python (a region
    has a thousand organisations); a filter a coordinator has no use for is left out of their form."""
    if filterset is None:
        return
    if filterset.request is not None:
        in_own_district(filterset.form, filterset.request.user)
    if filterset.request is not None and access.is_coordinator(filterset.request.user):
        for name, flt in filterset.filters.items():
            if not getattr(flt, "shown_to_coordinators", True):
                filterset.form.fields.pop(name, None)
    for name, field in filterset.form.fields.items():
        if isinstance(filterset.filters.get(name), django_filters.OrderingFilter):
            field.empty_label = _("по умолчанию")
            field.widget.choices = field.choices  # the widget's copy reads the filter's own field
        use_fast_select(field)
        is_select = hasattr(field.widget, "choices")
        field.widget.attrs["class"] = (
            "form-select form-select-sm" if is_select else "form-control form-control-sm"
        )


class ScopedDetailView(AccessMixin, DetailView):
    show_history = True

    def may_edit(self) -> bool:
        obj = getattr(self, "object", None)
        org_id = _organization_id(obj, self.org_field) if obj is not None else None
        return access.may_edit(
            self.request.user, coordinator_edits=self.coordinator_edits, organization_id=org_id
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title or str(self.object)
        if self.show_history and has_history(self.object):
            context["history"] = history_of(self.object)
        return context


class ScopedFormMixin(AccessMixin):
    """Create and update forms: the organisation is fixed for a coordinator and passed to the form."""

    writes = True
    template_name = "core/form.html"
    success_message = _("Сохранено.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if getattr(self.form_class, "takes_user", False):
            kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, self.success_message)
        return response

    def form_invalid(self, form):
        messages.error(self.request, _("Форма не сохранена: исправьте отмеченные поля."))
        return super().form_invalid(form)


def in_own_district(form, user) -> None:
    """Every choice of records of a district (organisations, people, events) offers only the user's district."""
    district = access.district_of(user)
    if district is None:
        return
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None:
            field.queryset = access.in_district(queryset, district)


class ScopedCreateView(ScopedFormMixin, CreateView):
    def get_form_kwargs(self):
        """The new record belongs to the user's district before the form reads it (its choices, its initial
        values)."""
        kwargs = super().get_form_kwargs()
        if kwargs.get("instance") is None and getattr(self.model, "DISTRICT_FIELD", None) == "district":
            kwargs["instance"] = self.model()
            access.bind_to_district(self.request.user, kwargs["instance"])
        return kwargs


class ScopedUpdateView(ScopedFormMixin, UpdateView):
    """Saves only over the version the user loaded: a concurrent edit is reported, never overwritten."""

    version_field = "_loaded_version"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields[self.version_field] = forms.CharField(widget=forms.HiddenInput, required=False)
        form.initial.setdefault(self.version_field, version_of(self.object))
        return form

    def post(self, request, *args, **kwargs):
        # The version check and the write are one step: the row stays locked until the save commits, so a
        # concurrent save of the same record waits for this one and then finds the version changed.
        with transaction.atomic():
            self.object = lock_for_update(self.get_object())
            form = self.get_form()
            if form.is_valid() and not self.refused_as_stale(form):
                return self.form_valid(form)
            return self.form_invalid(form)

    def refused_as_stale(self, form) -> bool:
        loaded = form.cleaned_data.get(self.version_field)
        return bool(loaded) and refuse_stale_edit(form, self.object, loaded, self.version_field)


def lock_for_update(record):
    """The record as last committed, its row locked until the transaction ends (a concurrent writer waits)."""
    record.refresh_from_db(from_queryset=type(record)._default_manager.select_for_update())
    return record


def version_of(obj) -> str:
    """The version of a record a form was loaded with: its last change."""
    stamp = getattr(obj, "updated_at", None)
    return stamp.isoformat() if stamp else ""


def refuse_stale_edit(form, current, loaded: str, field: str) -> bool:
    """True, with a message on the form, when `current` has changed since the user loaded version `loaded`."""
    if loaded == version_of(current):
        return False
    form.add_error(None, concurrent_edit_message(current, loaded))
    # The user has now seen the other edit: saving again writes the values kept in the form.
    form.data = form.data.copy()
    form.data[form.add_prefix(field)] = version_of(current)
    return True


def concurrent_edit_message(obj, loaded: str) -> str:
    """Who changed the record after the user opened it, when, and which fields: «поле: «А» → «Б»»."""
    later = _history_since(obj, loaded)
    if len(later) < 2:
        return str(
            _(
                "Запись уже изменил другой пользователь, пока вы её редактировали. "
                "Откройте запись заново, чтобы увидеть его изменения, и внесите свои ещё раз."
            )
        )
    base, latest = later[0], later[-1]
    fields = "; ".join(f"{name}: «{old}» → «{new}»" for name, old, new in changed_fields(obj, base, latest))
    return _(
        "Запись уже изменил другой пользователь — %(who)s в %(when)s: %(fields)s. Ваши значения остались в форме: "
        "проверьте их и сохраните ещё раз, если они должны заменить эти изменения."
    ) % {
        "who": _user_name(latest.history_user),
        "when": f"{timezone.localtime(latest.history_date):%H:%M}",
        "fields": fields or _("изменены строки таблиц формы (например, мероприятия программы)"),
    }


def _history_since(obj, loaded: str) -> list:
    """History rows written since the loaded version; the first is that version's own save."""
    stamp = _version_time(loaded)
    if stamp is None or not has_history(obj):
        return []
    rows = history_records(obj).filter(history_date__gte=stamp).select_related("history_user")
    return list(rows.order_by("history_date", "history_id"))


def _version_time(loaded: str) -> datetime.datetime | None:
    """The loaded version as an aware time; None for anything a browser of ours would not send back."""
    try:
        stamp = datetime.datetime.fromisoformat(loaded)
        return stamp.astimezone(datetime.UTC) if stamp.tzinfo else None
    except (ValueError, OverflowError):
        return None


def changed_fields(obj, base, latest) -> list[tuple[str, str, str]]:
    m2m = [f.name for f in getattr(obj._meta.model, "_history_m2m_fields", [])]
    delta = latest.diff_against(base, excluded_fields=m2m).changes
    names = _foreign_names(obj._meta.model, [(latest, delta)])
    return [_row(obj._meta.model, c.field, c.old, c.new, names) for c in delta]


def _user_name(user) -> str:
    if user is None:
        return str(_("имя не записано"))
    return user.get_full_name() or user.get_username()


def _organization_id(obj, org_field: str | None):
    """The organisation id behind `org_field` ("organization", "pair__organization", "id")."""
    if org_field is None:
        return None
    *path, last = org_field.split("__")
    for part in path:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj.pk if last == "id" else getattr(obj, f"{last}_id", None)


def redirect_with_message(request, url: str, text: str, level=messages.SUCCESS):
    messages.add_message(request, level, text)
    return HttpResponseRedirect(url)


class RecordActionView(AccessMixin, FormView):
    """GET shows a small form about one record; POST does the action through a service.

    Subclasses give `get_record()` (already scoped), `allowed(record)` and `act(record, form)`, which
    returns the address to go to; a ValidationError from it is shown on the form."""

    writes = True
    template_name = "core/confirm.html"
    success_message = ""
    question = ""
    submit_label = ""

    def get_record(self):
        raise NotImplementedError

    def allowed(self, record) -> bool:
        return True

    def act(self, record, form):
        raise NotImplementedError

    def record(self):
        if not hasattr(self, "_record"):
            self._record = self.get_record()
            if not self.allowed(self._record):
                raise PermissionDenied
        return self._record

    def get(self, request, *args, **kwargs):
        self.record()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.record()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submit_label": str(self.submit_label or self.title)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.record()
        context["question"] = self.question
        return context

    def form_valid(self, form):
        try:
            with transaction.atomic():  # a concurrent action on the record waits, then sees this one's result
                url = self.act(lock_for_update(self.record()), form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect_with_message(self.request, url, str(self.success_message))

    def get_breadcrumbs(self):
        record = self.record()
        return (*self.breadcrumbs, (str(record), record.get_absolute_url()))


class StepView(RecordActionView):
    """One step of a record's workflow with its comment: `step(record, user=, comment=)` is the service."""

    form_class = StepCommentForm
    comment_required = False
    comment_label = ""  # the field's words where they differ («Причина»)
    required_message = ""  # what a required comment left empty says

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if issubclass(
            self.get_form_class(), StepCommentForm
        ):  # a step with a form of its own asks its own way
            kwargs.update(
                comment_required=self.comment_required,
                comment_label=str(self.comment_label),
                required_message=str(self.required_message),
            )
        return kwargs

    def step(self, record, **kwargs):
        raise NotImplementedError

    def act(self, record, form):
        self.step(record, user=self.request.user, comment=form.cleaned_data["comment"])
        return record.get_absolute_url()


class RecordDeleteView(RecordActionView):
    """Deletes one record (its stored files go with it) after a confirmation."""

    form_class = ConfirmForm
    submit_label = _("Удалить")
    success_url = ""

    def act(self, record, form):
        record.delete()
        return str(self.success_url)


def paginated(request, queryset, name: str) -> dict:
    """A page of a detail page's table (a region's campaign or round has a thousand organisations), under
    `name`, with what templates/includes/pagination.html reads."""
    paginator = Paginator(queryset, settings.PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return {
        name: page.object_list,
        "page_obj": page,
        "paginator": paginator,
        "is_paginated": page.has_other_pages(),
    }
