"""Two-factor sign-in: every user proves a code from an authenticator app (TOTP, RFC 6238)
after their password. The first time, they set the app up from a key Threadline shows once."""

from __future__ import annotations

import segno
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from threadline.agencies.models import Practitioner

DEVICE_NAME = "Authenticator app"


class CodeError(ValueError):
    """A code that does not prove the user holds the authenticator."""


def confirmed_device(user: Practitioner) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def device_to_set_up(user: Practitioner) -> TOTPDevice:
    """The user's authenticator still to be confirmed, made if need be."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def key_for_people(device: TOTPDevice) -> str:
    return typed_key(device.bin_key)


def typed_key(key: bytes) -> str:
    """A key in base32 groups of four, as authenticator apps ask for it to be typed."""
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[n : n + 4] for n in range(0, len(text), 4))


def qr_code(device: TOTPDevice) -> str:
    """The key as a QR code, a data URI an <img> can show under the Content Security Policy."""
    return str(segno.make(device.config_url, error="m").svg_data_uri(scale=5))


def _check(device: TOTPDevice, code: str) -> None:
    code = "".join(code.split())
    if not code.isdigit() or len(code) != 6:
        raise CodeError("Enter the 6-digit code from your authenticator app")
    if not device.verify_token(code):
        raise CodeError("That code is wrong or has expired: enter the code shown now")


def verify(request: HttpRequest, user: Practitioner, code: str) -> None:
    device = confirmed_device(user)
    if device is None:
        raise CodeError("Set up your authenticator app first")
    _check(device, code)
    otp_login(request, device)


def confirm(request: HttpRequest, user: Practitioner, code: str) -> None:
    device = device_to_set_up(user)
    _check(device, code)
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    otp_login(request, device)
