from submissions.views import campaigns, reports, websites

app_name = "submissions"

urlpatterns = campaigns.urlpatterns + reports.urlpatterns + websites.urlpatterns
