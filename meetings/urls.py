from meetings.views import meetings, roadmap

app_name = "meetings"

urlpatterns = meetings.urlpatterns + roadmap.urlpatterns
