"""Plan pages: write the plan, then run it (actions, conditions and their evidence, reviews),
and print it. Every page goes through the child's need-to-know access."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from threadline import clock
from threadline.access.models import AuditAction
from threadline.access.selectors import access_person
from threadline.agencies.models import Practitioner
from threadline.plans import forms
from threadline.plans.models import Condition, Plan, PlanAction
from threadline.plans.selectors import adults_around, current_plan, outcomes_of, plan_detail
from threadline.plans.services import (
    PlanError,
    add_condition,
    add_plan_action,
    complete_plan_action,
    current_episode,
    record_evidence,
    review_plan,
    write_plan,
)


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _refuse(form: Any, error: PlanError) -> None:
    field = error.field.replace("-", "_")
    form.add_error(
        field if field in form.fields else None, error.message[:1].upper() + error.message[1:]
    )


@login_required
@require_http_methods(["GET", "POST"])
def child_plan(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = access_person(request.user, pk, purpose="plan", request=request)
    plan = current_plan(child)
    if plan is not None:
        return redirect("plan", plan.pk)
    form = forms.PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = write_plan(
                child,
                by=request.user,
                focus=form.cleaned_data["focus"],
                outcomes=form.outcomes(),
                focus_change_rationale=form.cleaned_data["focus_change_rationale"],
            )
        except PlanError as error:
            _refuse(form, error)
        else:
            messages.success(request, "Plan written and shared with the agencies on the record")
            return redirect("plan", plan.pk)
    context = {"child": child, "form": form, "episode": current_episode(child, clock.today())}
    return render(request, "plans/write.html", context)


def _plan(request: PractitionerRequest, pk: int, action: AuditAction = AuditAction.VIEW) -> Plan:
    plan = get_object_or_404(Plan.objects.only("child_id"), pk=pk)
    access_person(request.user, plan.child_id, action=action, purpose=f"plan {pk}", request=request)
    return plan_detail(pk)


@login_required
@require_http_methods(["GET", "POST"])
def plan_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    adults = adults_around(plan.child)
    today = {"on": clock.today(), "due_on": None}
    action_form = forms.PlanActionForm(initial={"agency": plan.agency_id})
    condition_form = forms.ConditionForm(adults=adults, initial={"monitor_agency": plan.agency_id})
    review_form = forms.ReviewForm(initial=today)
    step = request.POST.get("form")
    done = False
    if step == "action":
        action_form = forms.PlanActionForm(request.POST)
        done = action_form.is_valid() and _act(
            action_form, lambda d: add_plan_action(plan, by=request.user, **d)
        )
    elif step == "condition":
        condition_form = forms.ConditionForm(request.POST, adults=adults)
        done = condition_form.is_valid() and _act(
            condition_form, lambda d: add_condition(plan, by=request.user, **d)
        )
    elif step == "review":
        review_form = forms.ReviewForm(request.POST)
        done = review_form.is_valid() and _act(
            review_form, lambda d: review_plan(plan, by=request.user, **d)
        )
    if done:
        messages.success(request, "Saved to the plan and the shared chronology")
        return redirect("plan", plan.pk)
    context = {
        "plan": plan,
        "child": plan.child,
        "outcomes": outcomes_of(plan),
        "action_form": action_form,
        "condition_form": condition_form,
        "review_form": review_form,
        "evidence_form": forms.EvidenceForm(initial=today),
        "today": clock.today(),
    }
    return render(request, "plans/plan.html", context)


def _act(form: Any, change: Any) -> bool:
    try:
        change(form.cleaned_data)
    except PlanError as error:
        _refuse(form, error)
        return False
    return True


@login_required
@require_http_methods(["POST"])
def action_done(request: PractitionerRequest, pk: int, action_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    action = get_object_or_404(PlanAction, pk=action_pk, plan=plan)
    try:
        complete_plan_action(action, by=request.user, on=clock.today())
    except PlanError as error:
        messages.error(request, error.message)
    return redirect("plan", plan.pk)


@login_required
@require_http_methods(["POST"])
def evidence(request: PractitionerRequest, pk: int, condition_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    condition = get_object_or_404(Condition, pk=condition_pk, plan=plan)
    form = forms.EvidenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the date and what was found")
        return redirect("plan", plan.pk)
    try:
        record_evidence(condition, by=request.user, **form.cleaned_data)
    except PlanError as error:
        messages.error(request, error.message)
    else:
        word = (
            "Breach recorded: an urgent alert goes to the allocated worker"
            if form.cleaned_data["breach"]
            else "Evidence recorded"
        )
        messages.success(request, word)
    return redirect("plan", plan.pk)


@login_required
@require_GET
def plan_print(request: PractitionerRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, AuditAction.PRINT)
    return render(request, "plans/print.html", {"plan": plan, "outcomes": outcomes_of(plan)})
