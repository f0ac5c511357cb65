"""Emergency access: find and open a record outside any relationship, with a reason; the
manager's review of each such look; and, for managers, who has looked at a record."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from threadline.access.emergency import (
    MANAGERS,
    EmergencyError,
    check_reason,
    may_break_glass,
    open_in_emergency,
    review,
    to_review,
)
from threadline.access.models import AuditAction
from threadline.access.selectors import (
    LOOKS_PER_PAGE,
    access_person,
    looks_at,
    may_see_looks,
    record_audit,
)
from threadline.access.subject_access import subject_access_pack
from threadline.agencies.models import Practitioner
from threadline.people.models import Person
from threadline.people.selectors import search_people
from threadline.web.forms import SearchForm


class PractitionerRequest(HttpRequest):
    user: Practitioner


class EmergencyForm(SearchForm):
    reason = forms.CharField(
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why you need this record now"},
    )

    def clean_reason(self) -> str:
        try:
            return check_reason(self.cleaned_data["reason"])
        except EmergencyError as problem:
            raise forms.ValidationError(problem.message.capitalize()) from problem


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[("justified", "Justified"), ("unjustified", "Not justified")],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the access was justified"},
    )
    note = forms.CharField(
        max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def _may_break_glass(request: PractitionerRequest) -> Practitioner:
    if not may_break_glass(request.user):
        raise PermissionDenied("Administrators manage users; they do not open records.")
    return request.user


@login_required
@require_http_methods(["GET", "POST"])
def emergency_search(request: PractitionerRequest) -> HttpResponse:
    user = _may_break_glass(request)
    form = EmergencyForm(request.POST or None, initial={"q": request.GET.get("q", "")})
    matches = None
    if request.method == "POST" and form.is_valid() and form.terms is not None:
        matches = search_people(
            user, form.terms, request=request, emergency_reason=form.cleaned_data["reason"]
        )
    elif request.method == "POST" and form.is_valid():
        form.add_error("q", "Enter a name, a date of birth or an NHS number")
    return render(
        request,
        "access/emergency.html",
        {"form": form, "matches": matches, "section": "search"},
    )


@login_required
@require_POST
def emergency_open(request: PractitionerRequest, pk: int) -> HttpResponse:
    user = _may_break_glass(request)
    person = get_object_or_404(Person, pk=pk, merged_into__isnull=True)
    try:
        open_in_emergency(user, person, reason=request.POST.get("reason", ""), request=request)
    except EmergencyError as problem:
        raise Http404(str(problem)) from problem
    return redirect("person", pk=person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def emergency_review(request: PractitionerRequest) -> HttpResponse:
    grants = list(to_review(request.user))
    forms_by_grant = {grant.pk: ReviewForm(prefix=f"g{grant.pk}") for grant in grants}
    if request.method == "POST":
        grant = next((g for g in grants if str(g.pk) == request.POST.get("grant")), None)
        if grant is None:
            raise Http404("No such emergency access to review")
        form = ReviewForm(request.POST, prefix=f"g{grant.pk}")
        forms_by_grant[grant.pk] = form
        if form.is_valid():
            try:
                review(
                    grant,
                    by=request.user,
                    justified=form.cleaned_data["outcome"] == "justified",
                    note=form.cleaned_data["note"],
                )
            except EmergencyError as problem:
                form.add_error("note" if problem.field == "note" else None, problem.message)
            else:
                messages.success(request, "Review recorded.")
                return redirect("emergency-review")
    rows = [(grant, forms_by_grant[grant.pk]) for grant in grants]
    return render(request, "access/review.html", {"rows": rows, "section": "emergency-review"})


@login_required
@require_GET
def person_audit(request: PractitionerRequest, pk: int) -> HttpResponse:
    """Who has looked at this record: for managers, who see a look that had no reason."""
    person = access_person(
        request.user, pk, action=AuditAction.VIEW, purpose="who has looked", request=request
    )
    if not may_see_looks(request.user):
        raise PermissionDenied("Who has looked at a record is for managers.")
    looks = looks_at(person)
    page = Paginator(looks, LOOKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "access/looks.html", {"person": person, "page": page})


class SubjectAccessForm(forms.Form):
    reference = forms.CharField(
        max_length=100, error_messages={"required": "Enter the request's reference"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def subject_access(request: PractitionerRequest, pk: int) -> HttpResponse:
    """A subject access request answered: the pack for the person, downloaded as JSON."""
    person = access_person(
        request.user, pk, action=AuditAction.VIEW, purpose="subject access", request=request
    )
    if request.user.role not in MANAGERS:
        raise PermissionDenied("Subject access requests are answered by managers.")
    form = SubjectAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reference = form.cleaned_data["reference"].strip()
        record_audit(
            request.user,
            AuditAction.EXPORT,
            person=person,
            purpose=f"subject access request {reference}"[:200],
            request=request,
        )
        pack = subject_access_pack(person, by=request.user, reference=reference)
        response = JsonResponse(pack, json_dumps_params={"indent": 1, "ensure_ascii": False})
        name = f"subject-access-{person.pk}-{slugify(reference)}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(request, "access/subject_access.html", {"person": person, "form": form})
