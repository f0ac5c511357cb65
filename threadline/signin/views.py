"""The second step of signing in: the code from the authenticator app, or its first setting up."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from threadline.agencies.models import Practitioner
from threadline.signin.services import (
    CodeError,
    confirm,
    confirmed_device,
    device_to_set_up,
    key_for_people,
    qr_code,
    verify,
)


class PractitionerRequest(HttpRequest):
    user: Practitioner


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=12, error_messages={"required": "Enter the 6-digit code from your app"}
    )


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure())
    return wanted if safe else "/"


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: PractitionerRequest) -> HttpResponse:
    if confirmed_device(request.user) is None:
        return redirect(f"{reverse('two-factor-setup')}?{urlencode({'next': _next(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            verify(request, request.user, form.cleaned_data["code"])
        except CodeError as problem:
            form.add_error("code", str(problem))
        else:
            return redirect(_next(request))
    return render(request, "signin/two_factor.html", {"form": form, "next": _next(request)})


@login_required
@require_http_methods(["GET", "POST"])
def set_up(request: PractitionerRequest) -> HttpResponse:
    if confirmed_device(request.user) is not None:
        return redirect(f"{reverse('two-factor')}?{urlencode({'next': _next(request)})}")
    device = device_to_set_up(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            confirm(request, request.user, form.cleaned_data["code"])
        except CodeError as problem:
            form.add_error("code", str(problem))
        else:
            return redirect(_next(request))
    context = {
        "form": form,
        "next": _next(request),
        "key": key_for_people(device),
        "qr_code": qr_code(device),
    }
    return render(request, "signin/set_up.html", context)
