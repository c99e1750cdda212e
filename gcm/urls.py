from django.urls import path

from . import views

app_name = "gcm"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("objectives/", views.ObjectiveListView.as_view(), name="objectives"),
    path("objectives/<int:number>/", views.ObjectiveDetailView.as_view(), name="objective"),
    path("round-tables/<int:number>/", views.RoundTableDetailView.as_view(), name="round_table"),
]
