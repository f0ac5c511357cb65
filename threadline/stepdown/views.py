"""The step-down or closure decision for a child, with what stands in its way."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from threadline.access.selectors import access_person
from threadline.agencies.models import Practitioner
from threadline.meetings.models import MeetingStatus
from threadline.meetings.selectors import meetings_of
from threadline.stepdown.forms import StepDownForm
from threadline.stepdown.selectors import readiness
from threadline.stepdown.services import MANAGERS, StepDownError, decide_step_down


class PractitionerRequest(HttpRequest):
    user: Practitioner


@login_required
@require_http_methods(["GET", "POST"])
def step_down(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = access_person(request.user, pk, purpose="step-down", request=request)
    held = meetings_of(child).filter(status=MeetingStatus.HELD)
    form = StepDownForm(request.POST or None, meetings=held, initial={"meeting": held.first()})
    refused: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = decide_step_down(child, by=request.user, **data)
        except StepDownError as error:
            refused = error.unmet
            _refuse(form, error, is_manager=request.user.role in MANAGERS)
        else:
            messages.success(
                request,
                f"{decision.get_destination_display()}: every agency still working with the family has been told",
            )
            return redirect("person", child.pk)
    meeting = (
        form.cleaned_data.get("meeting") if form.is_bound and form.is_valid() else held.first()
    )
    context = {
        "child": child,
        "form": form,
        "state": readiness(child, meeting),
        "refused": refused,
        "is_manager": request.user.role in MANAGERS,
    }
    return render(request, "stepdown/step_down.html", context)


def _refuse(form: StepDownForm, error: StepDownError, *, is_manager: bool) -> None:
    if error.field == "override_reason" and not is_manager:
        form.add_error(None, "Complete what is not met, or ask a manager to decide it")
        return
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message[:1].upper() + error.message[1:])
