"""The indicator pages: every indicator with its latest share, and one indicator per agency over
time with its charts. Only for the roles that answer for practice (``access``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from threadline import clock
from threadline.agencies.models import Practitioner
from threadline.checks.registry import all_checks
from threadline.indicators.access import SEES_INDICATORS, may_see_indicators
from threadline.indicators.charts import bar_chart, line_chart
from threadline.indicators.definitions import BY_SLUG
from threadline.indicators.forms import DEFAULT_MONTHS, FiguresForm
from threadline.indicators.months import last_months
from threadline.indicators.selectors import (
    LATEST_MONTHS,
    alerts_by_check,
    figures,
    latest_figures,
)
from threadline.indicators.wording import count_caption, share_caption


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _refused(request: PractitionerRequest) -> HttpResponse:
    roles = sorted(role.label for role in SEES_INDICATORS)
    return render(request, "indicators/refused.html", {"roles": roles}, status=403)


@login_required
@require_GET
def index(request: PractitionerRequest) -> HttpResponse:
    if not may_see_indicators(request.user):
        return _refused(request)
    latest = latest_figures(months=LATEST_MONTHS)
    return render(request, "indicators/index.html", {"latest": latest, "months": LATEST_MONTHS})


@login_required
@require_GET
def indicator_view(request: PractitionerRequest, slug: str) -> HttpResponse:
    indicator = BY_SLUG.get(slug)
    if indicator is None:
        raise Http404("No such indicator")
    if not may_see_indicators(request.user):
        return _refused(request)
    choices = request.GET.copy()
    choices.setdefault("months", str(DEFAULT_MONTHS))  # so the list shows the period shown
    form = FiguresForm(choices, indicator=indicator)
    checks = all_checks()
    context: dict[str, object] = {
        "indicator": indicator,
        "checks": [checks[check_id] for check_id in indicator.checks if check_id in checks],
        "form": form,
    }
    if not form.is_valid():
        return render(request, "indicators/indicator.html", context, status=400)
    agency, months = form.cleaned_data["agency"], form.cleaned_data["months"]
    check = form.cleaned_data.get("check", "")
    first, last = last_months(clock.today(), months)
    found = figures(indicator, first=first, last=last, check=check)
    scope = found.for_agency(agency) if agency else found.all_agencies
    context |= {
        "figures": found,
        "scope": scope,
        "agency": agency,
        "months": months,
        "check": checks.get(check),
        "line": line_chart(found.months, [p.percent for p in scope.points]),
        "bars": bar_chart(
            found.months, [p.met for p in scope.points], [p.due for p in scope.points]
        ),
        "share_caption": share_caption(indicator, found, scope),
        "count_caption": count_caption(indicator, found, scope),
    }
    if indicator.by_check:
        context["by_check"] = alerts_by_check(
            first=first, last=last, agency_id=agency.pk if agency else None
        )
    return render(request, "indicators/indicator.html", context)
