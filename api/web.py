"""The open-data page: the nightly ZIPs with their date and size, the licence and the data dictionary."""

from django.conf import settings
from django.http import FileResponse, Http404
from django.views import View
from django.views.generic import TemplateView

from .opendata import NAME, available, data_dictionary, folder


class OpenDataView(TemplateView):
    template_name = "api/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(files=available(), dictionary=data_dictionary(),
                                        licence_name=settings.OPEN_DATA_LICENCE_NAME,
                                        licence_url=settings.OPEN_DATA_LICENCE_URL, **kwargs)


class OpenDataDownloadView(View):
    def get(self, request, name):
        path = folder() / name
        if not NAME.match(name) or not path.is_file():
            raise Http404
        return FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type="application/zip")
