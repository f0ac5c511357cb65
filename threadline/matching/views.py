"""The review queue: pairs the model could not settle, decided by a practitioner; and a merge's
own page, where a wrong one is undone."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from threadline.access.models import AuditAction
from threadline.access.selectors import record_audit
from threadline.agencies.models import Practitioner
from threadline.matching.selectors import (
    evidence_rows,
    may_review,
    merges_reviewable_by,
    reviewable_by,
    side_of,
    waiting,
)
from threadline.matching.services import DecisionError, decide, undo_merge


class PractitionerRequest(HttpRequest):
    user: Practitioner


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("same", "The same person: merge them"), ("different", "Different people")],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether these are the same person"},
    )
    reason = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the decision rests on"},
    )


class UndoForm(forms.Form):
    reason = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why these are different people"},
    )


def _reviewer(request: PractitionerRequest) -> Practitioner:
    if not may_review(request.user):
        raise PermissionDenied("Match review is for the MASH and for managers.")
    return request.user


@login_required
@require_GET
def queue(request: PractitionerRequest) -> HttpResponse:
    reviewer = _reviewer(request)
    candidates = list(waiting(reviewer)[:200])
    record_audit(
        reviewer,
        AuditAction.SEARCH,
        purpose="match review",
        detail=f"review queue: {len(candidates)} pairs listed",
        request=request,
    )
    return render(request, "matching/queue.html", {"candidates": candidates})


@login_required
@require_http_methods(["GET", "POST"])
def candidate(request: PractitionerRequest, pk: int) -> HttpResponse:
    reviewer = _reviewer(request)
    pair = get_object_or_404(reviewable_by(reviewer), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decide(
                pair,
                same_person=form.cleaned_data["decision"] == "same",
                by=reviewer,
                reason=form.cleaned_data["reason"],
            )
        except DecisionError as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "Decision recorded.")
            return redirect("match-queue")
    for person in (pair.person, pair.other):
        record_audit(
            reviewer, AuditAction.VIEW, person=person, purpose="match review", request=request
        )
    context = {
        "pair": pair,
        "form": form,
        "evidence": evidence_rows(pair),
        "sides": [side_of(pair.person), side_of(pair.other)],
    }
    return render(request, "matching/candidate.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def merge(request: PractitionerRequest, pk: int) -> HttpResponse:
    reviewer = _reviewer(request)
    done = get_object_or_404(merges_reviewable_by(reviewer), pk=pk)
    form = UndoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            undo_merge(done, by=reviewer, reason=form.cleaned_data["reason"])
        except DecisionError as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "Merge undone: the two records are apart again.")
            return redirect("match-merge", pk=done.pk)
    for person in (done.survivor, done.absorbed):
        record_audit(
            reviewer, AuditAction.VIEW, person=person, purpose="merge review", request=request
        )
    context = {"merge": done, "form": form, "moved": done.moved.count()}
    return render(request, "matching/merge.html", context)
