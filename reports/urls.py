from django.urls import path

from reports import annual_views, regional_views, retention, views

app_name = "reports"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("forms/<int:number>.xlsx", views.StatFormView.as_view(), name="statform"),
    path("targets/", views.TargetEditView.as_view(), name="target_edit"),
    path("annual/", annual_views.AnnualView.as_view(), name="annual"),
    path("annual/file.<str:fmt>", annual_views.AnnualFileView.as_view(), name="annual_file"),
    path("annual/text/", annual_views.AnnualTextView.as_view(), name="annual_text"),
    path("annual/approve/", annual_views.AnnualApproveView.as_view(), name="annual_approve"),
    path("region/", views.RegionSummaryView.as_view(), name="region_summary"),
    path("region/export/", views.RegionSummaryView.as_view(export=True), name="region_summary_export"),
    path("archive/", annual_views.ArchiveView.as_view(), name="archive"),
    path("retention/", retention.RetentionView.as_view(), name="retention"),
    path("retention/export/", retention.RetentionView.as_view(export=True), name="retention_export"),
    path("archive/<int:pk>.<str:fmt>", annual_views.ArchiveFileView.as_view(), name="archive_file"),
    *regional_views.urlpatterns,
]
