from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.views import job, job_download, job_status
from home.views import attention, digest_send, digest_unsubscribe, documentation, home

admin.site.site_header = _("МШН — администрирование")
admin.site.site_title = _("МШН")
admin.site.index_title = _("Пользователи, роли и справочники")

urlpatterns = [
    path("", home, name="home"),
    path("attention/", attention, name="attention"),
    path("documentation/", documentation, name="documentation"),
    path("attention/digest/", digest_send, name="digest_send"),
    path("digest/unsubscribe/<str:token>/", digest_unsubscribe, name="digest_unsubscribe"),
    path("jobs/<uuid:pk>/", job, name="job"),
    path("jobs/<uuid:pk>/status/", job_status, name="job_status"),
    path("jobs/<uuid:pk>/download/", job_download, name="job_download"),
    path("accounts/", include("accounts.urls")),
    path("directory/", include("directory.urls")),
    path("registry/", include("registry.urls")),
    path("careers/", include("careers.urls")),
    path("banks/", include("banks.urls")),
    path("meetings/", include("meetings.urls")),
    path("events/", include("events.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("submissions/", include("submissions.urls")),
    path("websites/", include("websites.urls")),
    path("reports/", include("reports.urls")),
    path("", include("public.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "core.errors.server_error"
