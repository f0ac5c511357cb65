"""API authentication: ``Authorization: Token <key>`` names one agency system."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from threadline.feeds.models import FeedSystem, hash_token


class FeedTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[FeedSystem, str] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode().lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Token header must be 'Token <key>'.")
        key = header[1].decode()
        system = (
            FeedSystem.objects.select_related("agency")
            .filter(token_hash=hash_token(key), revoked_at__isnull=True)
            .first()
        )
        if system is None:
            raise exceptions.AuthenticationFailed("Unknown or revoked token.")
        return system, key

    def authenticate_header(self, request: Any) -> str:
        return self.keyword


class FeedTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the feed token (so clients and schemathesis know it)."""

    target_class = FeedTokenAuthentication
    name = "feedToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "'Token <key>', the key from `threadline feedtoken AGENCY NAME`.",
        }
