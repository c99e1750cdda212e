from django.urls import path

from . import views

app_name = "dialogues"
urlpatterns = [
    path("", views.DialogueListView.as_view(), name="list"),
    path("<int:pk>/", views.DialogueDetailView.as_view(), name="detail"),
    path("calendar.ics", views.CalendarFeedView.as_view(), name="calendar_feed"),
    path("<int:pk>/calendar.ics", views.DialogueIcsView.as_view(), name="ics"),
    path("<int:pk>/register/", views.RegisterView.as_view(), name="register"),
    path("<int:pk>/unregister/", views.UnregisterView.as_view(), name="unregister"),
    path("<int:pk>/contribute/", views.ContributeView.as_view(), name="contribute"),
    path("materials/<int:pk>/", views.MaterialDownloadView.as_view(), name="material"),
    path("consultations/", views.ConsultationListView.as_view(), name="consultations"),
    path("consultations/<int:pk>/", views.ConsultationDetailView.as_view(), name="consultation"),
    path("secretariat/consultations/new/", views.ConsultationCreateView.as_view(), name="consultation_create"),
    path("secretariat/consultations/<int:pk>/edit/", views.ConsultationEditView.as_view(), name="consultation_edit"),
    path("contributions/<int:pk>/", views.ContributionDetailView.as_view(), name="contribution"),
    path("contributions/<int:pk>/report/", views.ReportView.as_view(), name="report"),
    # Secretariat (under a /secretariat/ segment: the MFA middleware guards those paths)
    path("secretariat/", views.ManageView.as_view(), name="manage"),
    path("secretariat/new/", views.DialogueFormView.as_view(), name="create"),
    path("secretariat/<int:pk>/edit/", views.DialogueFormView.as_view(), name="edit"),
    path("secretariat/<int:pk>/materials/", views.MaterialsView.as_view(), name="materials"),
    path("secretariat/<int:pk>/cancel/", views.DialogueCancelView.as_view(), name="cancel"),
    path("secretariat/<int:pk>/recordings/", views.RecordingAddView.as_view(), name="recording_add"),
    path("secretariat/materials/<int:pk>/delete/", views.MaterialDeleteView.as_view(), name="material_delete"),
    path("secretariat/<int:pk>/registrations/", views.RegistrationListView.as_view(), name="registrations"),
    path("secretariat/<int:pk>/registrations.csv", views.RegistrationExportView.as_view(), name="registrations_csv"),
    path("secretariat/moderation/", views.ModerationQueueView.as_view(), name="moderation"),
    path("secretariat/contributions/<int:pk>/publish/", views.ContributionPublishView.as_view(), name="publish"),
    path("secretariat/contributions/<int:pk>/reject/", views.ContributionRejectView.as_view(), name="reject"),
    path("secretariat/reports/", views.ReportQueueView.as_view(), name="reports"),
    path("secretariat/contributions/<int:pk>/dismiss-reports/", views.ReportsDismissView.as_view(),
         name="dismiss_reports"),
    path("secretariat/round-tables/<int:number>/compilation/", views.CompilationView.as_view(), name="compilation"),
    path("secretariat/round-tables/<int:number>/compilation.pdf", views.CompilationPdfView.as_view(),
         name="compilation_pdf"),
]
