from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("questionnaires/", views.QuestionnaireList.as_view(), name="questionnaire_list"),
    path("questionnaires/export/", views.QuestionnaireList.as_view(export=True), name="questionnaire_export"),
    path("questionnaires/new/", views.QuestionnaireCreate.as_view(), name="questionnaire_create"),
    path("questionnaires/<int:pk>/", views.QuestionnaireDetail.as_view(), name="questionnaire_detail"),
    path("questionnaires/<int:pk>/edit/", views.QuestionnaireUpdate.as_view(), name="questionnaire_update"),
    path("questionnaires/<int:pk>/copy/", views.QuestionnaireCopy.as_view(), name="questionnaire_copy"),
    path(
        "questionnaires/<int:pk>/version/",
        views.QuestionnaireNewVersion.as_view(),
        name="questionnaire_version",
    ),
    path("rounds/", views.RoundList.as_view(), name="round_list"),
    path("rounds/export/", views.RoundList.as_view(export=True), name="round_list_export"),
    path("rounds/new/", views.RoundCreate.as_view(), name="round_create"),
    path("rounds/<int:pk>/", views.RoundDetail.as_view(), name="round_detail"),
    path("rounds/<int:pk>/send/", views.RoundSend.as_view(), name="round_send"),
    path("rounds/<int:pk>/remind/", views.RoundRemind.as_view(), name="round_remind"),
    path("rounds/<int:pk>/sheets/", views.RoundSheets.as_view(), name="round_sheets"),
    path("rounds/<int:pk>/answers.xlsx", views.RoundExport.as_view(), name="round_answers"),
    path(
        "rounds/<int:pk>/answers-named.xlsx",
        views.RoundExport.as_view(with_names=True),
        name="round_answers_named",
    ),
    path("pairs/<int:pk>/", views.PairSurveys.as_view(), name="pair_surveys"),
    path("swot/", views.Swot.as_view(), name="swot"),
    path("a/<str:token>/", views.answer, name="answer"),
    path("a/<str:token>/done/", views.answer_done, name="answer_done"),
]
