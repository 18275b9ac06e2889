"""Pages of the campaigns, one module per capability; each has its own `urlpatterns`."""
