"""OpenAPI additions: every operation documents its error answers (JSON) so clients and contract tests know them."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(required=False)


class PublicApiSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method != "GET":
            return responses
        extra = {"304": OpenApiResponse(description="Not modified (ETag or Last-Modified matched)."),
                 "429": OpenApiResponse(ErrorSerializer, description="Too many requests; see Retry-After.")}
        if self._is_list_view():
            extra["400"] = OpenApiResponse(
                {"type": "object", "additionalProperties": True},
                description="Invalid filter or cursor; the body names each problem.",
            )
        else:
            extra["404"] = OpenApiResponse(ErrorSerializer, description="Not found, or not published.")
        for code, response in extra.items():
            responses.setdefault(code, self._get_response_for_code(response, code))
        return responses
