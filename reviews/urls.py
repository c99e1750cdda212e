from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.ReviewListView.as_view(), name="list"),
    path("<int:year>/<str:iso3>/", views.ReviewDetailView.as_view(), name="detail"),
    path("<int:year>/<str:iso3>/pdf/", views.ReviewPdfView.as_view(), name="pdf"),
    # The State's workspace
    path("mine/", views.MyReviewsView.as_view(), name="mine"),
    path("start/<int:state_id>/", views.ReviewStartView.as_view(), name="start"),
    path("edit/<int:pk>/", views.WorkspaceView.as_view(), name="workspace"),
    path("edit/<int:pk>/section/<slug:section>/", views.SectionEditView.as_view(), name="section"),
    path("edit/<int:pk>/objectives/", views.ObjectivesView.as_view(), name="objectives"),
    path("edit/<int:pk>/objectives/<int:number>/", views.EntryEditView.as_view(), name="entry"),
    path("edit/<int:pk>/objectives/<int:number>/remove/", views.EntryDeleteView.as_view(), name="entry_delete"),
    path("edit/<int:pk>/attachments/", views.AttachmentsView.as_view(), name="attachments"),
    path("edit/<int:pk>/attachments/<int:attachment_id>/remove/", views.AttachmentDeleteView.as_view(),
         name="attachment_delete"),
    path("files/<int:pk>/<int:attachment_id>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path("edit/<int:pk>/submit/", views.ReviewSubmitView.as_view(), name="submit"),
    path("edit/<int:pk>/history/", views.HistoryView.as_view(), name="history"),
    path("edit/<int:pk>/extension/", views.ExtensionRequestView.as_view(), name="extension"),
    path("edit/<int:pk>/invite/", views.InviteView.as_view(), name="invite"),
    path("invitation/<str:token>/", views.InvitationAcceptView.as_view(), name="accept_invitation"),
    # Secretariat (the /secretariat/ segment puts these behind the MFA check)
    path("secretariat/", views.QueueView.as_view(), name="queue"),
    path("secretariat/<int:pk>/", views.ModerateView.as_view(), name="moderate"),
    path("secretariat/<int:pk>/<slug:action>/", views.ModerateActionView.as_view(), name="action"),
    path("secretariat/extensions/<int:extension_id>/", views.ExtensionDecideView.as_view(),
         name="extension_decide"),
]
