"""Registry pages, one module per capability; each module has its own `urlpatterns`."""
