from django.urls import path

from careers import views

app_name = "careers"

urlpatterns = [
    path("staff/", views.StaffList.as_view(), name="staff"),
    path("staff/export/", views.StaffList.as_view(export=True), name="staff_export"),
    path("staff/import/", views.MovesImport.as_view(), name="moves_import"),
    path("staff/import/template/", views.MovesTemplate.as_view(), name="moves_template"),
    path("people/<int:pk>/", views.PersonCareer.as_view(), name="person_career"),
    path("people/<int:pk>/transfer/", views.TransferView.as_view(), name="transfer"),
    path("people/<int:pk>/dismiss/", views.DismissView.as_view(), name="dismiss"),
    path("people/<int:pk>/certificate/", views.CertificateIssue.as_view(), name="certificate_issue"),
    path("pairs/<int:pk>/agreement/", views.AgreementDetail.as_view(), name="agreement"),
    path("pairs/<int:pk>/agreement/edit/", views.AgreementEdit.as_view(), name="agreement_edit"),
    path("pairs/<int:pk>/agreement/early-end/", views.EarlyEndView.as_view(), name="early_end"),
    path("pairs/<int:pk>/agreement/consent/", views.ConsentScan.as_view(), name="consent_scan"),
    path("pairs/<int:pk>/agreement/document/", views.AgreementDocument.as_view(), name="agreement_document"),
    path(
        "pairs/<int:pk>/agreement/document/docx/",
        views.AgreementDocument.as_view(file_format="docx"),
        name="agreement_document_docx",
    ),
    path(
        "pairs/<int:pk>/agreement/early-end/order/", views.EarlyEndDocument.as_view(), name="early_end_order"
    ),
    path(
        "pairs/<int:pk>/agreement/early-end/order/docx/",
        views.EarlyEndDocument.as_view(file_format="docx"),
        name="early_end_order_docx",
    ),
    path("agreements/missing/", views.MissingAgreements.as_view(), name="missing_agreements"),
    path("orders/assignment/", views.AssignmentOrder.as_view(), name="assignment_order"),
    path(
        "orders/assignment/docx/",
        views.AssignmentOrder.as_view(file_format="docx"),
        name="assignment_order_docx",
    ),
    path("events/<int:pk>/results-order/", views.ContestOrder.as_view(), name="contest_order"),
    path(
        "events/<int:pk>/results-order/docx/",
        views.ContestOrder.as_view(file_format="docx"),
        name="contest_order_docx",
    ),
    path("certificates/", views.CertificateList.as_view(), name="certificate_list"),
    path("certificates/export/", views.CertificateList.as_view(export=True), name="certificate_export"),
    path("certificates/<int:pk>/", views.CertificateDetail.as_view(), name="certificate_detail"),
    path("certificates/<int:pk>/pdf/", views.CertificatePdf.as_view(), name="certificate_pdf"),
    path("certificates/<int:pk>/revoke/", views.CertificateRevoke.as_view(), name="certificate_revoke"),
    path("verify/<str:code>/", views.Verify.as_view(), name="verify"),
    path("retention/accepted/", views.AcceptedList.as_view(), name="accepted_list"),
    path("retention/accepted/new/", views.AcceptedCreate.as_view(), name="accepted_create"),
    path("retention/accepted/<int:pk>/", views.AcceptedDetail.as_view(), name="accepted_detail"),
    path("retention/accepted/<int:pk>/edit/", views.AcceptedUpdate.as_view(), name="accepted_update"),
]
