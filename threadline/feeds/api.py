"""The feed endpoint: agency systems post JSON Lines, the same format the command line ingests."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, parser_classes
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response

from threadline.feeds.models import FeedSystem
from threadline.feeds.results import FeedRejected
from threadline.feeds.services import ingest_feed


class JsonLinesParser(BaseParser):
    media_type = "application/x-ndjson"

    def parse(self, stream, media_type=None, parser_context=None):  # type: ignore[no-untyped-def]
        return stream.read().decode("utf-8", errors="replace")


ERRORS = inline_serializer(
    "FeedError",
    many=True,
    fields={
        "line": serializers.IntegerField(),
        "record": serializers.CharField(),
        "field": serializers.CharField(),
        "message": serializers.CharField(),
    },
)
SUMMARY = inline_serializer(
    "IngestSummary",
    {"records": serializers.IntegerField(), "kinds": serializers.DictField()},
)
REJECTED = inline_serializer("FeedRejected", {"errors": ERRORS})


@extend_schema(
    operation_id="send_feed",
    summary="Send a batch of feed records",
    description="The body is JSON Lines (one record per line) as docs/feed.schema.json "
    "defines. The batch is one transaction: any error refuses it whole.",
    request={"application/x-ndjson": OpenApiTypes.STR},
    responses={200: SUMMARY, 400: OpenApiResponse(REJECTED), 401: OpenApiResponse()},
)
@api_view(["POST"])
@parser_classes([JsonLinesParser])
def send_feed(request: Request) -> Response:
    system: FeedSystem = request.user  # type: ignore[assignment]
    body = request.data if isinstance(request.data, str) else ""
    try:
        summary = ingest_feed(body.splitlines(), sender=system.agency)
    except FeedRejected as rejected:
        errors = [error.as_dict() for error in rejected.errors]
        return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
    return Response(summary.as_dict())
