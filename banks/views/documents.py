"""The library of normative documents: the methodologist keeps it, everyone reads it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from banks import selectors
from banks.filters import DocumentFilter
from banks.forms import DocumentForm
from banks.models import NormativeDocument
from banks.views.common import DOCUMENTS, serve
from core.columns import Column
from core.generic import (
    AccessMixin,
    RecordDeleteView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)


class DocumentView:
    region_reads = True  # figures and reports, no personal data
    model = NormativeDocument
    breadcrumbs = (DOCUMENTS,)

    def get_queryset(self):
        return selectors.documents_for(self.request.user)


class DocumentList(DocumentView, ScopedListView):
    title = _("Нормативные документы")
    breadcrumbs = ()
    filterset_class = DocumentFilter
    export_name = "нормативные_документы"
    create_url_name = "banks:document_create"
    export_url_name = "banks:document_export"
    columns = (
        Column(_("Документ"), "reference", link=True),
        Column(_("Название"), "title"),
        Column(_("Уровень"), "get_level_display"),
        Column(_("Вид"), "get_kind_display"),
        Column(_("Номер"), "number"),
        Column(_("Дата"), "issued_on"),
        Column(_("Кем принят"), "issuer"),
        Column(_("Ссылка"), "url"),
        Column(_("Примечание"), "note"),
    )


class DocumentDetail(DocumentView, ScopedDetailView):
    template_name = "banks/document_detail.html"


class DocumentCreate(DocumentView, ScopedCreateView):
    form_class = DocumentForm
    title = _("Новый нормативный документ")


class DocumentUpdate(DocumentView, ScopedUpdateView):
    form_class = DocumentForm
    title = _("Изменение нормативного документа")


class DocumentDelete(DocumentView, RecordDeleteView):
    title = _("Удаление нормативного документа")
    success_message = _("Документ удалён вместе с файлом.")
    question = _("Документ и его файл будут удалены безвозвратно.")

    def get_record(self):
        return get_object_or_404(selectors.documents_for(self.request.user), pk=self.kwargs["pk"])

    def act(self, document, form):
        document.delete()
        return reverse("banks:document_list")


class DocumentFile(DocumentView, AccessMixin, View):
    def get(self, request, pk):
        document = get_object_or_404(selectors.documents_for(request.user), pk=pk)
        return serve(document.file, document.file_name)


urlpatterns = [
    path("documents/", DocumentList.as_view(), name="document_list"),
    path("documents/export/", DocumentList.as_view(export=True), name="document_export"),
    path("documents/new/", DocumentCreate.as_view(), name="document_create"),
    path("documents/<int:pk>/", DocumentDetail.as_view(), name="document_detail"),
    path("documents/<int:pk>/edit/", DocumentUpdate.as_view(), name="document_update"),
    path("documents/<int:pk>/delete/", DocumentDelete.as_view(), name="document_delete"),
    path("documents/<int:pk>/file/", DocumentFile.as_view(), name="document_file"),
]
