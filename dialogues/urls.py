from django.urls import path
from django.views.generic import TemplateView

app_name = "dialogues"
urlpatterns = [
    path("", TemplateView.as_view(template_name="dialogues/index.html"), name="list"),
]
