"""The practitioner's pages. Thin: each reads through a selector and renders a template.

Every person is fetched through ``access_person`` so each look is checked and audited, and an
outsider gets the same 404 as for someone who does not exist.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from threadline import clock
from threadline.access.emergency import may_break_glass
from threadline.access.models import AuditAction
from threadline.access.selectors import MergedPerson, access_person
from threadline.agencies.models import Practitioner
from threadline.checks.selectors import alerts_for_child
from threadline.chronology.selectors import (
    PRINT_LIMIT,
    child_chronology,
    chronology_count,
    chronology_for_export,
    chronology_to_print,
    filter_options,
)
from threadline.network.risks import current_contact, risks_through_network
from threadline.people.models import Person
from threadline.people.selectors import (
    SEARCH_RESULTS,
    WORKING_WITH_LIMIT,
    people_worked_with,
    person_profile,
    search_people,
)
from threadline.web.exports import chronology_csv_lines
from threadline.web.forms import (
    ChronologyFilterForm,
    SearchForm,
    describe_filters,
    filter_selects,
)
from threadline.web.links import filter_query
from threadline.web.presenters import chronology_rows


class PractitionerRequest(HttpRequest):
    """A signed-in request: every view here is behind login_required."""

    user: Practitioner
    htmx: HtmxDetails


@login_required
@require_GET
def home(request: PractitionerRequest) -> HttpResponse:
    people = people_worked_with(request.user)
    return render(
        request,
        "web/home.html",
        {"people": people, "limit": WORKING_WITH_LIMIT, "search_form": SearchForm()},
    )


@login_required
@require_GET
def search(request: PractitionerRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    terms = form.terms
    matches = search_people(request.user, terms, request=request) if terms else None
    context = {
        "form": form,
        "matches": matches,
        "result_limit": SEARCH_RESULTS,
        "may_break_glass": may_break_glass(request.user),
    }
    return render(request, "web/search.html", context)


def _person(request: PractitionerRequest, pk: int, action: AuditAction) -> Person:
    return access_person(request.user, pk, action=action, request=request)


def _chronology_context(request: PractitionerRequest, person: Person) -> dict[str, object]:
    """The filter form, its options and one page of entries: what the chronology panel shows."""
    form = ChronologyFilterForm(request.GET)
    filters = form.filters()
    options = filter_options(person)
    page = child_chronology(person, filters, request.GET.get("page"))
    return {
        "person": person,
        "filter_form": form,
        "filters": filters,
        "options": options,
        "selects": filter_selects(form, options),
        "filter_words": describe_filters(filters, options),
        "page": page,
        "rows": chronology_rows(list(page), person, request.user),
    }


@login_required
@require_GET
def person(request: PractitionerRequest, pk: int) -> HttpResponse:
    try:
        child = _person(request, pk, AuditAction.VIEW)
    except MergedPerson as merged:  # an old link to a record since merged: the person now
        return redirect("person", pk=merged.survivor_id)
    open_alerts, resolved_alerts = alerts_for_child(child)
    profile = person_profile(request.user, child)
    contact = current_contact(child)
    context = {
        **_chronology_context(request, child),
        "profile": profile,
        "risks": risks_through_network(child, profile.network, contact, viewer=request.user),
        "contact": [arrangement for found in contact.values() for arrangement in found],
        "open_alerts": open_alerts,
        "resolved_alerts": resolved_alerts,
    }
    return render(request, "web/person.html", context)


@login_required
@require_GET
def person_chronology(request: PractitionerRequest, pk: int) -> HttpResponse:
    """The chronology panel alone, for HTMX to swap in when the filters or page change. The
    address bar shows the full page's URL, so a reload or a shared link shows the same view."""
    page_url = reverse("person", args=[pk]) + filter_query(request.GET)
    if not request.htmx:
        return redirect(page_url + "#chronology")
    child = _person(request, pk, AuditAction.VIEW)
    response = render(request, "web/_chronology_partial.html", _chronology_context(request, child))
    return push_url(response, page_url)


@login_required
@require_GET
def chronology_print(request: PractitionerRequest, pk: int) -> HttpResponse:
    child = _person(request, pk, AuditAction.PRINT)
    filters = ChronologyFilterForm(request.GET).filters()
    context = {
        "person": child,
        "profile": person_profile(request.user, child),
        "filters": filters,
        "filter_words": describe_filters(filters, filter_options(child)),
        "rows": chronology_rows(chronology_to_print(child, filters), child, request.user),
        "total": chronology_count(child, filters),
        "limit": PRINT_LIMIT,
        "printed_at": clock.now(),
    }
    return render(request, "web/chronology_print.html", context)


@login_required
@require_GET
def chronology_csv(request: PractitionerRequest, pk: int) -> StreamingHttpResponse:
    child = _person(request, pk, AuditAction.EXPORT)
    filters = ChronologyFilterForm(request.GET).filters()
    response = StreamingHttpResponse(
        chronology_csv_lines(chronology_for_export(child, filters), request.user),
        content_type="text/csv; charset=utf-8",
    )
    # The file name carries the record number, not the child's name, in case it is left about.
    filename = f"chronology-{child.pk}-{clock.today():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
