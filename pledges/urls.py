from django.urls import path

from . import views

app_name = "pledges"
urlpatterns = [
    path("", views.PledgeListView.as_view(), name="list"),
    path("dashboard/", views.PledgeDashboardView.as_view(), name="dashboard"),
    path("export.csv", views.PledgeExportView.as_view(format="csv"), name="export_csv"),
    path("export.json", views.PledgeExportView.as_view(format="json"), name="export_json"),
    path("mine/", views.MyPledgesView.as_view(), name="mine"),
    path("new/", views.PledgeFormView.as_view(), name="create"),
    path("moderate/", views.ModerationView.as_view(), name="moderate"),
    path("<int:pk>/", views.PledgeDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.PledgeFormView.as_view(), name="edit"),
    path("<int:pk>/file/", views.PledgeFileView.as_view(), name="file"),
    path("<int:pk>/withdraw/", views.PledgeWithdrawView.as_view(), name="withdraw"),
    path("<int:pk>/progress/", views.ProgressCreateView.as_view(), name="progress"),
    path("<int:pk>/<str:decision>/", views.PledgeDecisionView.as_view(), name="decide"),
    path("partners/<int:pk>/respond/", views.PartnerRespondView.as_view(), name="partner_respond"),
    path("updates/<int:pk>/file/", views.UpdateFileView.as_view(), name="update_file"),
    path("updates/<int:pk>/<str:decision>/", views.UpdateDecisionView.as_view(), name="update_decide"),
]
