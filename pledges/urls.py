from django.urls import path
from django.views.generic import TemplateView

app_name = "pledges"
urlpatterns = [
    path("", TemplateView.as_view(template_name="pledges/index.html"), name="list"),
]
