from events.views import events, nominations, partners, trainings

app_name = "events"

urlpatterns = events.urlpatterns + nominations.urlpatterns + trainings.urlpatterns + partners.urlpatterns
