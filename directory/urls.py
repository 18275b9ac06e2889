from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("districts/", views.DistrictList.as_view(), name="district_list"),
    path("districts/export/", views.DistrictList.as_view(export=True), name="district_export"),
    path("districts/new/", views.DistrictCreate.as_view(), name="district_create"),
    path("districts/<int:pk>/", views.DistrictDetail.as_view(), name="district_detail"),
    path("districts/<int:pk>/edit/", views.DistrictUpdate.as_view(), name="district_update"),
    path("organizations/", views.OrganizationList.as_view(), name="organization_list"),
    path("organizations/export/", views.OrganizationList.as_view(export=True), name="organization_export"),
    path("organizations/new/", views.OrganizationCreate.as_view(), name="organization_create"),
    path("organizations/search/", views.OrganizationSearch.as_view(), name="organization_search"),
    path("organizations/<int:pk>/", views.OrganizationDetail.as_view(), name="organization_detail"),
    path("organizations/<int:pk>/edit/", views.OrganizationUpdate.as_view(), name="organization_update"),
    path("years/", views.YearList.as_view(), name="year_list"),
    path("years/export/", views.YearList.as_view(export=True), name="year_export"),
    path("years/new/", views.YearCreate.as_view(), name="year_create"),
    path("years/<int:pk>/", views.YearDetail.as_view(), name="year_detail"),
    path("years/<int:pk>/edit/", views.YearUpdate.as_view(), name="year_update"),
    path("forms/", views.FormList.as_view(), name="form_list"),
    path("forms/export/", views.FormList.as_view(export=True), name="form_export"),
    path("forms/new/", views.FormCreate.as_view(), name="form_create"),
    path("forms/<int:pk>/", views.FormDetail.as_view(), name="form_detail"),
    path("forms/<int:pk>/edit/", views.FormUpdate.as_view(), name="form_update"),
    path("requisites/", views.RequisitesUpdate.as_view(), name="requisites"),
]
