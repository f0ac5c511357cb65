"""Meeting pages: a child's meetings, booking, the meeting itself (held, actions, minutes and
receipts) and printable minutes. Every page is reached through the child's record, so access is
need-to-know and audited like the child's page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from threadline import clock
from threadline.access.models import AuditAction
from threadline.access.selectors import access_person
from threadline.agencies.models import Practitioner, Role
from threadline.meetings import forms
from threadline.meetings.models import Meeting, MeetingAction, MeetingKind, Minutes, Response
from threadline.meetings.selectors import (
    awaiting_receipt,
    meeting_detail,
    meetings_of,
    minutes_owed_to,
    open_actions,
    proposed_invitations,
)
from threadline.meetings.services import (
    MANAGERS,
    ActionSpec,
    MeetingError,
    Upload,
    acknowledge_minutes,
    add_action,
    answer_invitation,
    book_meeting,
    cancel_meeting,
    circulate_minutes,
    complete_action,
    hold_meeting,
    review_decision,
    write_minutes,
)
from threadline.meetings.timescales import latest_day
from threadline.people.models import Person
from threadline.sharing.models import SharingKind
from threadline.sharing.services import GOLDEN_RULES, suggested

# What a held meeting leads to, offered as the next booking.
NEXT_MEETING: dict[str, str] = {
    MeetingKind.STRATEGY_DISCUSSION: MeetingKind.ICPC,
    MeetingKind.ICPC: MeetingKind.CORE_GROUP,
    MeetingKind.RCPC: MeetingKind.CORE_GROUP,
    MeetingKind.TRANSFER_IN: MeetingKind.CORE_GROUP,
}


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _child(request: PractitionerRequest, pk: int, purpose: str) -> Person:
    return access_person(request.user, pk, purpose=purpose, request=request)


def _meeting(
    request: PractitionerRequest, pk: int, action: AuditAction = AuditAction.VIEW
) -> Meeting:
    try:
        meeting = meeting_detail(pk)
    except Meeting.DoesNotExist as missing:
        raise Http404("No such meeting") from missing
    child = meeting.children.all()[0]
    access_person(
        request.user, child.pk, action=action, purpose=f"meeting {meeting.pk}", request=request
    )
    return meeting


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=timezone.get_current_timezone())


def _refuse(form: Any, error: MeetingError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message[:1].upper() + error.message[1:])


@login_required
@require_GET
def child_meetings(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = _child(request, pk, "meetings")
    context = {
        "child": child,
        "meetings": meetings_of(child),
        "actions": open_actions([child]),
        "today": clock.today(),
    }
    return render(request, "meetings/child_meetings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def book(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = _child(request, pk, "book a meeting")
    follows = _follows(request, child)
    kind = (
        request.POST.get("kind")
        or request.GET.get("kind")
        or (NEXT_MEETING.get(follows.kind) if follows else None)
    )
    proposals = proposed_invitations(kind or MeetingKind.CORE_GROUP, [child], clock.today())
    latest = _latest(kind, follows)
    initial = {"kind": kind, "day": latest, "time": dt.time(10)}
    form = forms.BookingForm(request.POST or None, proposals=proposals, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = book_meeting(
                kind=data["kind"],
                children=[child],
                by=request.user,
                when=_at(data["day"], data["time"]),
                agencies=form.invited_agencies(),
                people=form.invited_people(),
                chair=request.user if request.user.role == Role.CP_CHAIR else None,
                venue=data["venue"],
                follows=follows,
                delay_reason=data["delay_reason"],
            )
        except MeetingError as error:
            _refuse(form, error)
        else:
            messages.success(request, f"{meeting} booked and the invitations sent")
            return redirect("meeting", meeting.pk)
    context = {"child": child, "form": form, "follows": follows, "latest": latest}
    return render(request, "meetings/book.html", context)


def _follows(request: PractitionerRequest, child: Person) -> Meeting | None:
    pk = request.GET.get("follows") or request.POST.get("follows")
    if not pk or not str(pk).isdigit():
        return None
    return get_object_or_404(Meeting, pk=int(pk), children=child)


def _latest(kind: str | None, follows: Meeting | None) -> dt.date | None:
    if kind is None or follows is None or follows.held_at is None:
        return None
    nation = follows.convened_by.nation
    return latest_day(kind, follows.kind, clock.local_date(follows.held_at), nation)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    now = clock.now()
    held_form = forms.HeldForm(
        meeting=meeting,
        initial={"day": clock.today(), "time": now.time().replace(second=0, microsecond=0)},
    )
    action_form = forms.ActionForm(initial={"agency": meeting.convened_by_id})
    minutes_form = forms.MinutesForm()
    circulate_form = forms.CirculateForm(initial=suggested(SharingKind.MINUTES))
    step = request.POST.get("form")
    if step == "held":
        held_form = forms.HeldForm(request.POST, meeting=meeting)
        if held_form.is_valid() and _held(request, meeting, held_form):
            return redirect("meeting", meeting.pk)
    elif step == "action":
        action_form = forms.ActionForm(request.POST)
        if action_form.is_valid() and _action(request, meeting, action_form):
            return redirect("meeting", meeting.pk)
    elif step == "minutes":
        minutes_form = forms.MinutesForm(request.POST, request.FILES)
        if minutes_form.is_valid() and _minutes(request, meeting, minutes_form):
            return redirect("meeting", meeting.pk)
    return render(
        request,
        "meetings/meeting.html",
        _meeting_context(request, meeting, held_form, action_form, minutes_form, circulate_form),
    )


def _meeting_context(
    request: PractitionerRequest,
    meeting: Meeting,
    held_form: Any,
    action_form: Any,
    minutes_form: Any,
    circulate_form: Any,
) -> dict[str, Any]:
    minutes = getattr(meeting, "minutes", None) if meeting.is_held else None
    copies = list(minutes.copies.all()) if minutes else []
    mine = next((c for c in copies if c.agency_id == request.user.agency_id), None)
    invitation = next(
        (
            i
            for i in meeting.invitations.all()
            if i.agency_id and i.agency_id == request.user.agency_id
        ),
        None,
    )
    return {
        "meeting": meeting,
        "child": meeting.children.all()[0],
        "minutes": minutes,
        "copies": copies,
        "my_copy": mine,
        "my_invitation": invitation,
        "owed": minutes_owed_to(meeting) if minutes and not minutes.circulated_at else [],
        "held_form": held_form,
        "action_form": action_form,
        "minutes_form": minutes_form,
        "circulate_form": circulate_form,
        "golden_rules": GOLDEN_RULES,
        "sharing": list(minutes.sharing.all()[:1]) if minutes else [],
        "next_kind": NEXT_MEETING.get(meeting.kind),
        "is_convenor": request.user.agency_id == meeting.convened_by_id,
        "is_manager": request.user.role in MANAGERS,
        "today": clock.today(),
    }


def _held(request: PractitionerRequest, meeting: Meeting, form: forms.HeldForm) -> bool:
    data = form.cleaned_data
    decisions = [(data["outcome"], data["decision"])] if data["decision"].strip() else []
    try:
        hold_meeting(
            meeting,
            by=request.user,
            held_at=_at(data["day"], data["time"]),
            attended=[int(pk) for pk in data["attended"]],
            decisions=decisions,
        )
    except MeetingError as error:
        _refuse(form, error)
        return False
    messages.success(request, "The meeting is recorded as held")
    return True


def _action(request: PractitionerRequest, meeting: Meeting, form: forms.ActionForm) -> bool:
    data = form.cleaned_data
    spec = ActionSpec(
        data["description"], data["agency"], data["due_on"], owner_name=data["owner_name"]
    )
    try:
        add_action(meeting, spec, by=request.user)
    except MeetingError as error:
        _refuse(form, error)
        return False
    messages.success(request, "Action added")
    return True


def _minutes(request: PractitionerRequest, meeting: Meeting, form: forms.MinutesForm) -> bool:
    data = form.cleaned_data
    file = data.get("upload")
    upload = Upload(file.name, file.content_type or "", file.read()) if file else None
    try:
        write_minutes(meeting, by=request.user, text=data["text"] or "", upload=upload)
    except MeetingError as error:
        _refuse(form, error)
        return False
    messages.success(request, "Minutes saved. Circulate them when they are ready.")
    return True


@login_required
@require_POST
def circulate(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    form = forms.CirculateForm(request.POST)
    if form.is_valid():
        try:
            copies = circulate_minutes(minutes, by=request.user, basis=form.basis())
        except MeetingError as error:
            _refuse(form, error)
        else:
            messages.success(
                request, f"Minutes sent to {len(copies)} agencies; each must confirm receipt"
            )
            return redirect("meeting", meeting.pk)
    held_form = forms.HeldForm(meeting=meeting)
    action_form = forms.ActionForm(initial={"agency": meeting.convened_by_id})
    context = _meeting_context(request, meeting, held_form, action_form, forms.MinutesForm(), form)
    return render(request, "meetings/meeting.html", context, status=400)


@login_required
@require_POST
def acknowledge(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    try:
        acknowledge_minutes(minutes, by=request.user)
    except MeetingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Receipt confirmed for {request.user.agency}")
    return redirect("meeting", meeting.pk)


@login_required
@require_POST
def answer(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    invitation = get_object_or_404(meeting.invitations, agency=request.user.agency)
    response = request.POST.get("response", "")
    try:
        answer_invitation(invitation, response=response, by=request.user)
    except MeetingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Recorded: {Response(response).label.lower()}")
    return redirect("meeting", meeting.pk)


@login_required
@require_POST
def review(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    try:
        review_decision(meeting, by=request.user, note=request.POST.get("note", ""))
    except MeetingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your review of the decision is recorded")
    return redirect("meeting", meeting.pk)


@login_required
@require_POST
def action_done(request: PractitionerRequest, pk: int, action_pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    action = get_object_or_404(MeetingAction, pk=action_pk, meeting=meeting)
    try:
        complete_action(action, by=request.user, on=clock.today())
    except MeetingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Action recorded as completed")
    return redirect("meeting", meeting.pk)


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    form = forms.CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cancel_meeting(meeting, by=request.user, reason=form.cleaned_data["reason"])
        except MeetingError as error:
            _refuse(form, error)
        else:
            messages.success(
                request, "Meeting cancelled; the invited agencies see it in the chronology"
            )
            return redirect("meeting", meeting.pk)
    return render(request, "meetings/cancel.html", {"meeting": meeting, "form": form})


@login_required
@require_GET
def minutes_print(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, AuditAction.PRINT)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    return render(request, "meetings/minutes_print.html", {"meeting": meeting, "minutes": minutes})


@login_required
@require_GET
def minutes_file(request: PractitionerRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, AuditAction.EXPORT)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    if not minutes.file_name:
        return redirect("meeting", meeting.pk)
    response = HttpResponse(
        bytes(minutes.file_content), content_type=minutes.file_type or "application/octet-stream"
    )
    response["Content-Disposition"] = f'attachment; filename="{minutes.file_name}"'
    return response


@login_required
@require_GET
def awaiting(request: PractitionerRequest) -> HttpResponse:
    return render(request, "meetings/awaiting.html", {"copies": awaiting_receipt(request.user)})
