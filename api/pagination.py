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


class ReferenceCursorPagination(StableCursorPagination):
    """Reference data in its natural order (objective number, cycle year …)."""

    ordering = "pk"
