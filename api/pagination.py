from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination


class StableCursorPagination(CursorPagination):
    """Opaque cursors over the primary key: pages stay stable while new rows are published."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-pk"

    def decode_cursor(self, request):
        """A cursor that does not decode is a bad parameter (400), not a missing page."""
        try:
            return super().decode_cursor(request)
        except NotFound as error:
            raise ValidationError({self.cursor_query_param: [str(error.detail)]}) from error

    def get_page_size(self, request):
        """`page_size` is 1 to max_page_size; anything else is a bad parameter (400), never silently replaced."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({self.page_size_query_param: [
                _("Give a whole number from 1 to %(max)s.") % {"max": self.max_page_size}]})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
        return parameters


class ReviewCursorPagination(StableCursorPagination):
    """Ten reviews a page by default: each carries the State's answers to every objective (~8 kB a review), so a
    page of 50 weighed 300–480 kB. A client may still ask for up to max_page_size; the bulk download has them all."""

    page_size = 10


class ReferenceCursorPagination(StableCursorPagination):
    """Reference data in its natural order (objective number, cycle year …)."""

    ordering = "pk"
