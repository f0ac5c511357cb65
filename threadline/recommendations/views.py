"""The tracker's pages: the board report across reviews and per review, an action, and the
forms that create and update actions. Reading is open to every signed-in user; changing is
for the partnership's keepers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from threadline import clock
from threadline.access.partnership import may_keep_the_library
from threadline.agencies.models import Practitioner
from threadline.indicators.access import may_see_indicators
from threadline.learning.models import Item, Review, ReviewStatus
from threadline.recommendations.forms import ActionForm, DeadlineForm, UpdateForm
from threadline.recommendations.models import Action
from threadline.recommendations.selectors import board_report, review_report
from threadline.recommendations.services import (
    TrackerError,
    create_action,
    is_overdue,
    move_deadline,
    record_update,
)


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _keeper(request: PractitionerRequest) -> None:
    if not may_keep_the_library(request.user):
        raise PermissionDenied("Only the partnership's analysts and managers change the tracker")


@login_required
def board(request: PractitionerRequest) -> HttpResponse:
    report = board_report(clock.today())
    return render(
        request,
        "recommendations/board.html",
        {
            "report": report,
            "section": "library",
            "today": clock.today(),
            "sees_indicators": may_see_indicators(request.user),
        },
    )


@login_required
def review_board(request: PractitionerRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(Review, pk=pk, status=ReviewStatus.PUBLISHED)
    return render(
        request,
        "recommendations/review.html",
        {
            "report": review_report(review, clock.today()),
            "may_keep": may_keep_the_library(request.user),
            "section": "library",
            "today": clock.today(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_action(request: PractitionerRequest, item_pk: int) -> HttpResponse:
    _keeper(request)
    recommendation = get_object_or_404(
        Item.objects.select_related("review"), pk=item_pk, review__status=ReviewStatus.PUBLISHED
    )
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = create_action(recommendation, form.plan(), by=request.user)
        except TrackerError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Action added to the tracker")
            return redirect("recommendation-action", pk=action.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "recommendations/new.html",
        {"form": form, "recommendation": recommendation, "section": "library"},
        status=status,
    )


def _action(pk: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related("recommendation__review", "owner_agency", "lead"), pk=pk
    )


def _action_page(
    request: PractitionerRequest,
    action: Action,
    update_form: UpdateForm | None = None,
    deadline_form: DeadlineForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "recommendations/action.html",
        {
            "action": action,
            "updates": list(action.updates.select_related("by")),
            "overdue": is_overdue(action, clock.today()),
            "may_keep": may_keep_the_library(request.user),
            "sees_indicators": may_see_indicators(request.user),
            "update_form": update_form or UpdateForm(initial={"status": action.status}),
            "deadline_form": deadline_form or DeadlineForm(),
            "section": "library",
        },
        status=status,
    )


@login_required
def action_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    return _action_page(request, _action(pk))


@login_required
@require_POST
def update(request: PractitionerRequest, pk: int) -> HttpResponse:
    _keeper(request)
    action = _action(pk)
    form = UpdateForm(request.POST)
    if form.is_valid():
        try:
            record_update(action, by=request.user, **form.cleaned_data)
        except TrackerError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Update recorded")
            return redirect("recommendation-action", pk=action.pk)
    return _action_page(request, action, update_form=form, status=400)


@login_required
@require_POST
def deadline(request: PractitionerRequest, pk: int) -> HttpResponse:
    _keeper(request)
    action = _action(pk)
    form = DeadlineForm(request.POST)
    if form.is_valid():
        try:
            move_deadline(action, by=request.user, **form.cleaned_data)
        except TrackerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Deadline moved")
            return redirect("recommendation-action", pk=action.pk)
    return _action_page(request, action, deadline_form=form, status=400)
