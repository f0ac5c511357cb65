"""Assessment pages: a person's assessments and risk tools, starting an assessment, the
assessment itself (the child seen and heard, completion, a manager's authorisation), the DASH
checklist with its score and level and the MARAC referral, and the child's risk tool. Every page is
reached through the person's record, so access is need-to-know and audited like their page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from threadline import clock
from threadline.access.selectors import access_person
from threadline.agencies.models import Practitioner
from threadline.assessments import childrisk, dash, forms
from threadline.assessments.models import Assessment, ChildRiskAssessment, DashChecklist
from threadline.assessments.selectors import (
    assessment_detail,
    assessments_of,
    child_risks_of,
    dash_checklists_of,
    dash_detail,
    gaps,
    perpetrator_choices,
    previous_marac,
    share_choices,
)
from threadline.assessments.services import (
    MANAGERS,
    AssessmentError,
    assess_child_risk,
    authorise_assessment,
    complete_assessment,
    complete_dash,
    record_child_seen,
    refer_to_marac,
    share_assessment,
    start_assessment,
)
from threadline.people.models import Person
from threadline.sharing.models import SharingKind
from threadline.sharing.services import GOLDEN_RULES, suggested


class PractitionerRequest(HttpRequest):
    user: Practitioner


def _person(request: PractitionerRequest, pk: int, purpose: str) -> Person:
    return access_person(request.user, pk, purpose=purpose, request=request)


def _refuse(form: Any, error: AssessmentError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message[:1].upper() + error.message[1:])


@login_required
@require_GET
def person_assessments(request: PractitionerRequest, pk: int) -> HttpResponse:
    person = _person(request, pk, "assessments")
    context = {
        "child": person,
        "assessments": assessments_of(person),
        "checklists": dash_checklists_of(person),
        "child_risks": child_risks_of(person),
        "today": clock.today(),
    }
    return render(request, "assessments/person_assessments.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def start(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = _person(request, pk, "start an assessment")
    initial = {"started_on": clock.today(), "lead_practitioner": request.user.pk}
    form = forms.StartForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = start_assessment(
                child,
                kind=data["kind"],
                by=request.user,
                referred_on=data["referred_on"],
                started_on=data["started_on"],
                lead_practitioner=data["lead_practitioner"],
            )
        except AssessmentError as error:
            _refuse(form, error)
        else:
            messages.success(
                request,
                f"{assessment.get_kind_display()} started: due by {assessment.due_on:%d %B %Y}",
            )
            return redirect("assessment", assessment.pk)
    return render(request, "assessments/start.html", {"child": child, "form": form})


def _assessment(request: PractitionerRequest, pk: int) -> Assessment:
    found = get_object_or_404(Assessment.objects.only("pk", "child_id"), pk=pk)
    access_person(request.user, found.child_id, purpose=f"assessment {pk}", request=request)
    return assessment_detail(pk)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    complete_form = forms.CompleteForm(initial={"completed_on": clock.today()})
    seen_form = forms.SeenForm()
    authorise_form = forms.AuthoriseForm()
    choices = share_choices(assessment) if assessment.is_completed else []
    share_form = forms.ShareForm(
        initial={**suggested(SharingKind.ASSESSMENT), "agencies": choices}, choices=choices
    )
    step = request.POST.get("form")
    if step == "complete":
        complete_form = forms.CompleteForm(request.POST)
        if complete_form.is_valid() and _complete(request, assessment, complete_form):
            return redirect("assessment", assessment.pk)
    elif step == "seen":
        seen_form = forms.SeenForm(request.POST)
        if seen_form.is_valid() and _seen(request, assessment, seen_form):
            return redirect("assessment", assessment.pk)
    elif step == "authorise":
        authorise_form = forms.AuthoriseForm(request.POST)
        if authorise_form.is_valid() and _authorise(request, assessment, authorise_form):
            return redirect("assessment", assessment.pk)
    elif step == "share":
        share_form = forms.ShareForm(request.POST, choices=choices)
        if share_form.is_valid() and _share(request, assessment, share_form):
            return redirect("assessment", assessment.pk)
    user = request.user
    context = {
        "assessment": assessment,
        "child": assessment.child,
        "gaps": gaps(assessment),
        "complete_form": complete_form,
        "seen_form": seen_form,
        "authorise_form": authorise_form,
        "share_form": share_form,
        "golden_rules": GOLDEN_RULES,
        "shares": list(assessment.sharing.all()),
        "is_assessor": user.agency_id == assessment.agency_id,
        "may_authorise": user.agency_id == assessment.agency_id and user.role in MANAGERS,
        "today": clock.today(),
    }
    return render(request, "assessments/assessment.html", context)


def _share(request: PractitionerRequest, assessment: Assessment, form: forms.ShareForm) -> bool:
    try:
        told = share_assessment(
            assessment,
            by=request.user,
            agencies=list(form.cleaned_data["agencies"]),
            basis=form.basis(),
        )
    except AssessmentError as error:
        _refuse(form, error)
        return False
    messages.success(request, f"Shared with {', '.join(a.name for a in told)}")
    return True


def _complete(
    request: PractitionerRequest, assessment: Assessment, form: forms.CompleteForm
) -> bool:
    data = form.cleaned_data
    try:
        complete_assessment(
            assessment,
            by=request.user,
            completed_on=data["completed_on"],
            outcome=data["outcome"],
            analysis=data["analysis"],
            fathers_assessed=form.fathers(),
            fathers_note=data["fathers_note"],
            significant_adults_assessed=data["significant_adults_assessed"],
            child_seen_on=data["child_seen_on"],
            child_seen_alone_on=data["child_seen_alone_on"],
            child_views=data["child_views"],
        )
    except AssessmentError as error:
        _refuse(form, error)
        return False
    messages.success(request, "Assessment completed. A manager now authorises it.")
    return True


def _seen(request: PractitionerRequest, assessment: Assessment, form: forms.SeenForm) -> bool:
    data = form.cleaned_data
    try:
        record_child_seen(
            assessment,
            by=request.user,
            seen_on=data["child_seen_on"],
            seen_alone_on=data["child_seen_alone_on"],
            views=data["child_views"],
        )
    except AssessmentError as error:
        _refuse(form, error)
        return False
    messages.success(request, "Recorded in the chronology on the dates given")
    return True


def _authorise(
    request: PractitionerRequest, assessment: Assessment, form: forms.AuthoriseForm
) -> bool:
    try:
        authorise_assessment(assessment, by=request.user, note=form.cleaned_data["note"])
    except AssessmentError as error:
        _refuse(form, error)
        return False
    messages.success(request, "Assessment authorised")
    return True


@login_required
@require_http_methods(["GET", "POST"])
def dash_form(request: PractitionerRequest, pk: int) -> HttpResponse:
    victim = _person(request, pk, "DASH risk checklist")
    today = clock.today()
    last_marac = previous_marac(victim, today)
    initial = {"completed_on": today, "repeat_incident": last_marac is not None}
    form = forms.DashForm(
        request.POST or None, perpetrators=perpetrator_choices(victim), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            checklist = complete_dash(
                victim,
                by=request.user,
                answers=form.answers(),
                completed_on=data["completed_on"],
                perpetrator=form.chosen_perpetrator(),
                professional_judgement=data["professional_judgement"],
                judgement_reason=data["judgement_reason"],
                repeat_incident=data["repeat_incident"],
            )
        except AssessmentError as error:
            _refuse(form, error)
        else:
            messages.success(request, "DASH risk checklist recorded")
            return redirect("dash", checklist.pk)
    context = {"child": victim, "form": form, "last_marac": last_marac, "cutoffs": dash.cutoffs()}
    return render(request, "assessments/dash_form.html", context)


def _checklist(request: PractitionerRequest, pk: int) -> DashChecklist:
    found = get_object_or_404(DashChecklist.objects.only("pk", "victim_id"), pk=pk)
    access_person(request.user, found.victim_id, purpose=f"DASH checklist {pk}", request=request)
    return dash_detail(pk)


@login_required
@require_GET
def dash_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    checklist = _checklist(request, pk)
    form = forms.MaracForm(initial=suggested(SharingKind.ASSESSMENT))
    return render(request, "assessments/dash.html", _dash_context(checklist, form))


def _dash_context(checklist: DashChecklist, marac_form: forms.MaracForm) -> dict[str, Any]:
    answers = {a.question: a for a in checklist.answers.all()}
    rows = [
        (n, question, answers.get(n))
        for n, question in zip(dash.NUMBERS, dash.QUESTIONS, strict=True)
    ]
    return {
        "checklist": checklist,
        "child": checklist.victim,
        "rows": rows,
        "marac_form": marac_form,
        "golden_rules": GOLDEN_RULES,
        "shares": list(checklist.sharing.all()),
    }


# The checklist goes to the MARAC so that every agency round its table can plan for the victim.
MARAC_REASON = (
    "A MARAC referral: the checklist goes to the agencies at the MARAC so they can plan together "
    "for the safety of the victim and the children."
)


@login_required
@require_POST
def marac(request: PractitionerRequest, pk: int) -> HttpResponse:
    checklist = _checklist(request, pk)
    form = forms.MaracForm(request.POST)
    if form.is_valid():
        try:
            refer_to_marac(checklist, by=request.user, basis=form.basis(MARAC_REASON))
        except AssessmentError as error:
            _refuse(form, error)
        else:
            messages.success(request, "Referred to MARAC; the referral is in the chronology")
            return redirect("dash", checklist.pk)
    return render(request, "assessments/dash.html", _dash_context(checklist, form), status=400)


@login_required
@require_http_methods(["GET", "POST"])
def child_risk_form(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = _person(request, pk, "child's domestic abuse risk")
    form = forms.ChildRiskForm(request.POST or None, initial={"completed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = assess_child_risk(
                child,
                by=request.user,
                grades=form.grades(),
                completed_on=data["completed_on"],
                raised_to=form.raised(),
                judgement_reason=data["judgement_reason"],
                notes=data["notes"],
            )
        except AssessmentError as error:
            _refuse(form, error)
        else:
            messages.success(request, "The child's risk is recorded")
            return redirect("child-risk", assessment.pk)
    context = {"child": child, "form": form, "levels": childrisk.LEVELS.values()}
    return render(request, "assessments/child_risk_form.html", context)


@login_required
@require_GET
def child_risk_view(request: PractitionerRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(ChildRiskAssessment.objects.select_related("agency", "child"), pk=pk)
    access_person(request.user, found.child_id, purpose=f"child risk {pk}", request=request)
    rows = [(factor, getattr(found, factor.field)) for factor in childrisk.FACTORS]
    context = {
        "risk": found,
        "child": found.child,
        "rows": rows,
        "level": childrisk.LEVELS[found.level],
        "factor_level": childrisk.factor_level({f: getattr(found, f) for f in childrisk.FIELDS}),
    }
    return render(request, "assessments/child_risk.html", context)
