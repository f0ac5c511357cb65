"""Alerts for practitioners: the inbox, the team dashboard, one alert and what can be done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from threadline import clock
from threadline.access.selectors import access_person
from threadline.agencies.models import Practitioner
from threadline.checks.forms import ActionForm, JudgementForm
from threadline.checks.models import Alert, AlertState
from threadline.checks.registry import get_check
from threadline.checks.selectors import escalated_to, inbox, team_dashboard
from threadline.checks.services import (
    AlertError,
    acknowledge_alert,
    record_action,
    record_judgement,
)


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _alert_for(request: PractitionerRequest, pk: int) -> Alert:
    """The alert, only if the user may see its subject (the look is audited)."""
    alert = get_object_or_404(Alert.objects.select_related("subject"), pk=pk)
    if alert.state == AlertState.WATCHING:
        raise Http404("No such alert")
    access_person(
        request.user, alert.subject_id, purpose=f"alert {alert.check_id}", request=request
    )
    return alert


@login_required
def inbox_view(request: PractitionerRequest) -> HttpResponse:
    alerts = list(inbox(request.user))
    escalated = list(escalated_to(request.user))
    return render(request, "checks/inbox.html", {"alerts": alerts, "escalated": escalated})


@login_required
def dashboard_view(request: PractitionerRequest) -> HttpResponse:
    return render(request, "checks/dashboard.html", {"board": team_dashboard(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def alert_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    alert = _alert_for(request, pk)
    action_form = ActionForm(initial={"occurred": clock.today().isoformat()})
    judgement_form = JudgementForm()
    if request.method == "POST" and request.POST.get("form") == "action":
        action_form = ActionForm(request.POST)
        if action_form.is_valid():
            return _record_action(request, alert, action_form)
    elif request.method == "POST" and request.POST.get("form") == "judgement":
        judgement_form = JudgementForm(request.POST)
        if judgement_form.is_valid():
            return _record_judgement(request, alert, judgement_form)
    context = {
        "alert": alert,
        "check": get_check(alert.check_id),
        "steps": alert.steps.select_related("actor"),
        "action_form": action_form,
        "judgement_form": judgement_form,
    }
    return render(request, "checks/alert.html", context)


def _record_action(request: PractitionerRequest, alert: Alert, form: ActionForm) -> HttpResponse:
    try:
        alert = record_action(alert, actor=request.user, **form.cleaned_data)
    except AlertError as error:
        messages.error(request, str(error))
        return redirect("alert", pk=alert.pk)
    if alert.state == AlertState.RESOLVED:
        messages.success(request, "Recorded. The record now shows this was done: alert closed.")
    else:
        messages.warning(request, "Recorded in the chronology, but the alert is still open.")
    return redirect("alert", pk=alert.pk)


def _record_judgement(
    request: PractitionerRequest, alert: Alert, form: JudgementForm
) -> HttpResponse:
    try:
        record_judgement(alert, actor=request.user, reason=form.cleaned_data["reason"])
    except AlertError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Judgement recorded; the alert is closed and your reason kept.")
    return redirect("alert", pk=alert.pk)


@login_required
@require_POST
def acknowledge_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    alert = _alert_for(request, pk)
    try:
        acknowledge_alert(alert, actor=request.user)
    except AlertError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Acknowledged: you are dealing with it.")
    return redirect("alert", pk=alert.pk)
