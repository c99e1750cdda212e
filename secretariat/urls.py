from django.urls import path

from . import views

app_name = "secretariat"
urlpatterns = [
    path("", views.ConsoleView.as_view(), name="console"),
    path("audit/", views.AuditTrailView.as_view(), name="audit"),
]
