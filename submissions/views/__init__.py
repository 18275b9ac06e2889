"""Pages of the campaigns and website checks, one module per capability; each has its own `urlpatterns`."""
