"""Transfer pages: send a child's case to another authority (the pack page with the signed
download and the printable document), and take one in (the upload page and what arrived).
Every page about a child goes through need-to-know access, and the look is audited."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from threadline.access.models import AuditAction
from threadline.access.selectors import access_person, visible_people
from threadline.agencies.models import AgencyKind, Practitioner
from threadline.sharing.services import GOLDEN_RULES
from threadline.transfers import forms
from threadline.transfers.models import TransferIn, TransferOut, TrustedAuthority
from threadline.transfers.presenters import document
from threadline.transfers.services import import_pack, send_transfer
from threadline.transfers.signing import fingerprint, public_key_from_pem
from threadline.transfers.verify import TransferError

RECENT_IMPORTS = 20


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _is_social_care(user: Practitioner) -> bool:
    return user.agency is not None and user.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE


@login_required
@require_http_methods(["GET", "POST"])
def child_transfer(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = access_person(request.user, pk, purpose="transfer", request=request)
    form = forms.TransferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            transfer = send_transfer(
                child,
                by=request.user,
                receiving_authority=form.cleaned_data["receiving_authority"],
                reason=form.cleaned_data["reason"],
                basis=form.basis(),
            )
        except TransferError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.message[:1].upper() + error.message[1:])
        else:
            messages.success(
                request,
                f"Transfer to {transfer.receiving_name} recorded in the chronology. Send them the "
                "signed pack, and the printed document if they need one.",
            )
            return redirect("transfer-out", transfer.pk)
    context = {
        "child": child,
        "form": form,
        "transfers": TransferOut.objects.filter(child=child).select_related("sent_by"),
        "authorities": TrustedAuthority.objects.all(),
        "may_send": _is_social_care(request.user),
        "golden_rules": GOLDEN_RULES,
    }
    return render(request, "transfers/send.html", context)


def _sent(request: PractitionerRequest, pk: int, action: AuditAction) -> TransferOut:
    """A transfer this user's agency sent, about a child they may see."""
    transfer = get_object_or_404(
        TransferOut.objects.select_related("child", "agency", "sent_by"), pk=pk
    )
    purpose = f"transfer pack {pk}"
    access_person(request.user, transfer.child_id, action=action, purpose=purpose, request=request)
    if transfer.agency_id != request.user.agency_id:
        raise Http404("Transfers are seen by the agency that sent them.")
    return transfer


@login_required
@require_GET
def transfer_out(request: PractitionerRequest, pk: int) -> HttpResponse:
    transfer = _sent(request, pk, AuditAction.VIEW)
    doc = document(json.loads(transfer.signed)["pack"])
    context = {"transfer": transfer, "child": transfer.child, "doc": doc}
    return render(request, "transfers/out.html", context)


@login_required
@require_GET
def transfer_out_pack(request: PractitionerRequest, pk: int) -> HttpResponse:
    transfer = _sent(request, pk, AuditAction.EXPORT)
    response = HttpResponse(transfer.signed, content_type="application/json; charset=utf-8")
    name = f"transfer-pack-{transfer.child_id}-{transfer.sent_at:%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def transfer_out_print(request: PractitionerRequest, pk: int) -> HttpResponse:
    transfer = _sent(request, pk, AuditAction.PRINT)
    context = {
        "doc": document(json.loads(transfer.signed)["pack"]),
        "back": ("transfer-out", transfer.pk, "Back to the transfer"),
        "direction": "out",
    }
    return render(request, "transfers/print.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def take_in(request: PractitionerRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = forms.ImportForm(request.POST, request.FILES) if posted else forms.ImportForm()
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            imported = import_pack(
                data["pack"], by=request.user, conference_on=data["conference_on"]
            )
        except TransferError as error:
            field = "conference_on" if error.field == "conference_on" else "pack"
            where = "" if field == "conference_on" else f"{error.field}: "
            form.add_error(field, f"Not imported, nothing was written. {where}{error.message}")
        else:
            transfer = imported.transfer
            if imported.created:
                messages.success(request, f"{transfer.child} taken in from {transfer.authority}")
            else:
                messages.info(
                    request,
                    f"This pack was taken in on {transfer.imported_at:%d %B %Y}: nothing changed",
                )
            return redirect("transfer-in", transfer.pk)
    recent = (
        TransferIn.objects.filter(child__in=visible_people(request.user))
        .select_related("child", "authority")
        .order_by("-imported_at")[:RECENT_IMPORTS]
    )
    context = {"form": form, "recent": recent, "may_import": _is_social_care(request.user)}
    return render(request, "transfers/import.html", context)


def _received(request: PractitionerRequest, pk: int, action: AuditAction) -> TransferIn:
    transfer = get_object_or_404(
        TransferIn.objects.select_related(
            "child", "authority", "imported_by", "meeting__convened_by"
        ),
        pk=pk,
    )
    purpose = f"transfer pack {pk} received"
    access_person(request.user, transfer.child_id, action=action, purpose=purpose, request=request)
    return transfer


@login_required
@require_GET
def transfer_in(request: PractitionerRequest, pk: int) -> HttpResponse:
    transfer = _received(request, pk, AuditAction.VIEW)
    key = public_key_from_pem(transfer.authority.public_key_pem)
    context = {
        "transfer": transfer,
        "child": transfer.child,
        "doc": document(json.loads(transfer.signed)["pack"]),
        "fingerprint": fingerprint(key),
    }
    return render(request, "transfers/in.html", context)


@login_required
@require_GET
def transfer_in_print(request: PractitionerRequest, pk: int) -> HttpResponse:
    transfer = _received(request, pk, AuditAction.PRINT)
    context = {
        "doc": document(json.loads(transfer.signed)["pack"]),
        "back": ("transfer-in", transfer.pk, "Back to the transfer"),
        "direction": "in",
    }
    return render(request, "transfers/print.html", context)
