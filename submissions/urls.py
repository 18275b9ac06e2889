from submissions.views import campaigns, reports

app_name = "submissions"

urlpatterns = campaigns.urlpatterns + reports.urlpatterns
