from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.ProfileView.as_view(), name="profile"),
    path("organizations/", views.MyOrganizationsView.as_view(), name="organizations"),
    path("organizations/propose/", views.OrganizationProposeView.as_view(), name="organization_propose"),
    path("organizations/<int:pk>/join/", views.OrganizationJoinView.as_view(), name="organization_join"),
    path("organizations/<int:pk>/", views.OrganizationManageView.as_view(), name="organization_manage"),
    path("memberships/<int:pk>/approve/", views.MembershipDecisionView.as_view(action="approve"),
         name="membership_approve"),
    path("memberships/<int:pk>/refuse/", views.MembershipDecisionView.as_view(action="refuse"),
         name="membership_refuse"),
    path("memberships/<int:pk>/remove/", views.MembershipDecisionView.as_view(action="remove"),
         name="membership_remove"),
]
