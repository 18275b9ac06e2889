from events.views import events, partners, trainings

app_name = "events"

urlpatterns = events.urlpatterns + trainings.urlpatterns + partners.urlpatterns
