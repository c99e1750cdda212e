from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("cycles", views.CycleViewSet, basename="cycle")
router.register("objectives", views.ObjectiveViewSet, basename="objective")
router.register("principles", views.PrincipleViewSet, basename="principle")
router.register("round-tables", views.RoundTableViewSet, basename="round-table")
router.register("member-states", views.MemberStateViewSet, basename="member-state")
router.register("reviews", views.ReviewViewSet, basename="review")
router.register("practices", views.PracticeViewSet, basename="practice")
router.register("pledges", views.PledgeViewSet, basename="pledge")
router.register("dialogues", views.DialogueViewSet, basename="dialogue")
router.register("contributions", views.ContributionViewSet, basename="contribution")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
    re_path(r"^[\s\S]*$", views.not_found, name="not-found"),
]
