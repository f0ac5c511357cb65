"""Nothing but signing in, and setting up the second factor, until the second factor is proved."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

OPEN_BEFORE_SECOND_FACTOR = ("two-factor", "two-factor-setup", "logout", "login")


def two_factor_required() -> bool:
    return bool(getattr(settings, "THREADLINE_TWO_FACTOR", True))


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            two_factor_required()
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not self._open(request.path_info)
        ):
            return redirect(
                f"{reverse('two-factor')}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        static = "/" + settings.STATIC_URL.lstrip("/")
        if path.startswith((static, "/api/")):  # the API signs in with agency tokens
            return True
        return path in {reverse(name) for name in OPEN_BEFORE_SECOND_FACTOR}
