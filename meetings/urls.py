from meetings.views import meetings, plans, roadmap

app_name = "meetings"

urlpatterns = meetings.urlpatterns + roadmap.urlpatterns + plans.urlpatterns
