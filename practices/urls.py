from django.urls import path
from django.views.generic import TemplateView

app_name = "practices"
urlpatterns = [
    path("", TemplateView.as_view(template_name="practices/index.html"), name="list"),
]
