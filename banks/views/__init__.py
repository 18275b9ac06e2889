"""Pages of the banks, one module per capability; each module has its own `urlpatterns`."""
