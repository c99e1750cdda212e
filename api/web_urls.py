from django.urls import path

from .web import OpenDataDownloadView, OpenDataView

app_name = "opendata"

urlpatterns = [
    path("", OpenDataView.as_view(), name="index"),
    path("<str:name>", OpenDataDownloadView.as_view(), name="download"),
]
