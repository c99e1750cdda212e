from django.urls import path

from . import views, views_bulk

app_name = "secretariat"
urlpatterns = [
    path("", views.ConsoleView.as_view(), name="console"),
    path("audit/", views.AuditTrailView.as_view(), name="audit"),
    path("audit/export.csv", views.AuditExportView.as_view(), name="audit_export"),
    path("history/<int:content_type_id>/<str:object_id>/", views.ObjectHistoryView.as_view(), name="object_history"),
    path("bulk/<slug:queue>/", views_bulk.BulkQueueView.as_view(), name="bulk"),
    path("mail/", views_bulk.MailingView.as_view(), name="bulk_mail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organizations"),
    path("organizations/<int:pk>/verify/", views.OrganizationVerifyView.as_view(), name="organization_verify"),
    path("organizations/<int:pk>/decline/", views.OrganizationDeclineView.as_view(), name="organization_decline"),
    path("memberships/", views.MembershipQueueView.as_view(), name="memberships"),
    path("focal-points/", views.FocalPointListView.as_view(), name="focal_points"),
    path("focal-points/<int:pk>/remove/", views.FocalPointRemoveView.as_view(), name="focal_point_remove"),
    path("reviewers/", views.ReviewerListView.as_view(), name="reviewers"),
    path("reviewers/enroll/", views.ReviewerEnrollView.as_view(), name="reviewer_enroll"),
    path("reviewers/<int:pk>/edit/", views.ReviewerEditView.as_view(), name="reviewer_edit"),
    path("reviewers/<int:pk>/deactivate/", views.ReviewerActivationView.as_view(active=False),
         name="reviewer_deactivate"),
    path("reviewers/<int:pk>/reactivate/", views.ReviewerActivationView.as_view(active=True),
         name="reviewer_reactivate"),
    path("summaries/", views.SummaryListView.as_view(), name="summaries"),
    path("summaries/<int:pk>/download/", views.SummaryDownloadView.as_view(), name="summary_download"),
    path("summaries/<int:pk>/retry/", views.SummaryRetryView.as_view(), name="summary_retry"),
]
