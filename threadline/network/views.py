"""The network page: a child's genogram and ecomap, and the households their network reaches,
each with its statutory status and lead practitioner. Reached through the child's record, so
need-to-know and audit apply as on the child's page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from threadline.access.models import AuditAction
from threadline.access.selectors import access_person
from threadline.agencies.models import Practitioner
from threadline.network.ecomap import ecomap_svg
from threadline.network.genogram import genogram_svg
from threadline.network.graph import MAX_STEPS, household_statuses, network_of


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _steps(request: HttpRequest) -> int:
    raw = request.GET.get("steps", "2")
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_STEPS else 2


@login_required
@require_GET
def network_page(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = access_person(request.user, pk, purpose="family network", request=request)
    network = network_of(child, _steps(request))
    context = {
        "child": child,
        "network": network,
        "steps": network.steps,
        "step_choices": range(1, MAX_STEPS + 1),
        # Built on the server from the record; every text in them is escaped.
        "genogram": mark_safe(genogram_svg(network)),
        "ecomap": mark_safe(ecomap_svg(network)),
        "households": household_statuses(network),
    }
    return render(request, "network/network.html", context)


@login_required
@require_GET
def genogram_file(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = access_person(
        request.user, pk, action=AuditAction.EXPORT, purpose="genogram", request=request
    )
    svg = genogram_svg(network_of(child, _steps(request)))
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="genogram-{child.pk}.svg"'
    return response
