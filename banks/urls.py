from banks.views import documents, practices, programs, showcase

app_name = "banks"

urlpatterns = practices.urlpatterns + programs.urlpatterns + documents.urlpatterns + showcase.urlpatterns
