from django.urls import path

from websites import views

app_name = "websites"

urlpatterns = [
    path("checklist/", views.ChecklistList.as_view(), name="checklist_list"),
    path("checklist/export/", views.ChecklistList.as_view(export=True), name="checklist_export"),
    path("checklist/new/", views.ChecklistCreate.as_view(), name="checklist_create"),
    path("checklist/<int:pk>/edit/", views.ChecklistUpdate.as_view(), name="checklist_update"),
    path("rounds/", views.RoundList.as_view(), name="round_list"),
    path("rounds/export/", views.RoundList.as_view(export=True), name="round_list_export"),
    path("rounds/new/", views.RoundCreate.as_view(), name="round_create"),
    path("rounds/<int:pk>/", views.RoundDetail.as_view(), name="round_detail"),
    path("rounds/<int:pk>/edit/", views.RoundUpdate.as_view(), name="round_update"),
    path("rounds/<int:pk>/export/", views.RoundExport.as_view(), name="round_export"),
    path("rounds/<int:pk>/run/", views.RoundRun.as_view(), name="round_run"),
    path("rounds/<int:pk>/progress/", views.RoundProgress.as_view(), name="round_progress"),
    path("sites/", views.CheckList.as_view(), name="check_list"),
    path("sites/export/", views.CheckList.as_view(export=True), name="check_export"),
    path("sites/<int:pk>/", views.CheckDetail.as_view(), name="check_detail"),
    path("sites/<int:pk>/run/", views.CheckRun.as_view(), name="check_run"),
    path("sites/<int:pk>/confirm/", views.CheckConfirm.as_view(), name="check_confirm"),
]
