from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("forms/<int:number>.xlsx", views.StatFormView.as_view(), name="statform"),
    path("targets/", views.TargetEditView.as_view(), name="target_edit"),
]
