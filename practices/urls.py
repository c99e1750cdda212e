from django.urls import path

from . import views

app_name = "practices"
urlpatterns = [
    # Public repository
    path("", views.PracticeListView.as_view(), name="list"),
    path("<int:pk>/", views.PracticeDetailView.as_view(), name="detail"),
    path("feed/", views.LatestPracticesFeed(), name="feed"),
    path("feed/atom/", views.LatestPracticesAtomFeed(), name="feed_atom"),
    path("export.csv", views.ExportCSVView.as_view(), name="export_csv"),
    path("export.json", views.ExportJSONView.as_view(), name="export_json"),
    # Submitters
    path("mine/", views.MyPracticesView.as_view(), name="mine"),
    path("new/", views.PracticeCreateView.as_view(), name="create"),
    path("<int:pk>/edit/", views.PracticeEditView.as_view(), name="edit"),
    path("<int:pk>/files/", views.AttachmentAddView.as_view(), name="attachment_add"),
    path("files/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path("files/<int:pk>/delete/", views.AttachmentRemoveView.as_view(), name="attachment_remove"),
    path("<int:pk>/submit/", views.PracticeSubmitView.as_view(), name="submit"),
    path("<int:pk>/withdraw/", views.PracticeWithdrawView.as_view(), name="withdraw"),
    path("questions/<int:pk>/answer/", views.ClarificationAnswerView.as_view(), name="answer"),
    # Reviewers
    path("assignments/<int:pk>/", views.AssignmentView.as_view(), name="assignment"),
    path("assignments/<int:pk>/accept/", views.AssignmentAcceptView.as_view(), name="accept"),
    path("assignments/<int:pk>/decline/", views.AssignmentDeclineView.as_view(), name="decline"),
    path("assignments/<int:pk>/review/", views.ReviewView.as_view(), name="review"),
    path("assignments/<int:pk>/ask/", views.ClarificationAskView.as_view(), name="ask"),
    # Secretariat
    path("manage/", views.ManageListView.as_view(), name="manage"),
    path("manage/<int:pk>/", views.ManageDetailView.as_view(), name="manage_detail"),
    path("manage/<int:pk>/assign/", views.AssignView.as_view(), name="assign"),
    path("manage/<int:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("reviewers/", views.RosterView.as_view(), name="reviewers"),
]
