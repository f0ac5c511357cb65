"""The access matrix: every page about a person, for every role, from inside the child's
network and from outside it. Outside gets 404 or 403 and the attempt is on the audit log;
inside gets the page. Every route must be placed in one of the lists below, so a new page
cannot be added without saying who may open it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import (
    AgencyFactory,
    InvolvementFactory,
    PersonFactory,
    PractitionerFactory,
    TeamFactory,
)
from threadline.access.models import AuditAction, AuditEntry
from threadline.agencies.models import AgencyKind, Role

pytestmark = pytest.mark.django_db

PERSON_PREFIX = "people/<int:pk>/"
# Pages about no one in particular: each shows only what the signed-in user may see.
NOT_ABOUT_A_PERSON = {
    # The partnership's library, tracker and indicators hold published reviews and aggregates.
    "library",
    "library-upload",
    "library-review",
    "library-original",
    "library-publish",
    "library-correct",
    "library-remove",
    "library-themes",
    "library-search",
    "library-checks",
    "recommendations-board",
    "recommendations-review",
    "recommendation-new",
    "recommendation-action",
    "recommendation-update",
    "recommendation-deadline",
    "indicators",
    "indicator",
    "api-schema",
    "api-send-feed",
    "alert-inbox",
    "alert-dashboard",
    "match-queue",
    "emergency-search",
    "emergency-review",
    "minutes-awaiting",
    "transfer-import",
    "login",
    "two-factor",
    "two-factor-setup",
    "logout",
    "home",
    "search",
}
# Pages about one record of another kind (an alert, a meeting, a plan...): each checks need to
# know on the child the record is about, and has its own tests of that.
ABOUT_A_RECORD = {
    "alert",
    "alert-acknowledge",
    "match-candidate",
    "match-merge",
    "emergency-open",
    "meeting",
    "meeting-answer",
    "meeting-cancel",
    "meeting-review",
    "meeting-circulate",
    "meeting-acknowledge",
    "meeting-minutes-print",
    "meeting-minutes-file",
    "meeting-action-done",
    "assessment",
    "dash",
    "dash-marac",
    "child-risk",
    "plan",
    "plan-print",
    "plan-action-done",
    "plan-evidence",
    "transfer-out",
    "transfer-out-pack",
    "transfer-out-print",
    "transfer-in",
    "transfer-in-print",
}
ROLES = [role for role in Role.values if role != Role.ADMIN]
# Person pages only some roles inside the network may open; the others are refused with 403.
ONLY_FOR = {
    "people/<int:pk>/subject-access/": {
        Role.TEAM_MANAGER,
        Role.SERVICE_MANAGER,
        Role.PRACTICE_MANAGER,
    },
    "people/<int:pk>/looks/": {
        Role.TEAM_MANAGER,
        Role.SERVICE_MANAGER,
        Role.PRACTICE_MANAGER,
        Role.SAFEGUARDING_LEAD,
    },
}


def routes(patterns=None, prefix: str = ""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name


PERSON_PAGES = sorted(route for route, _ in routes() if route.startswith(PERSON_PREFIX))


def test_every_route_is_placed_in_the_matrix() -> None:
    for route, name in routes():
        placed = route.startswith(PERSON_PREFIX) or name in NOT_ABOUT_A_PERSON | ABOUT_A_RECORD
        assert placed, f"{route} ({name}): say who may open it, in tests/access/test_matrix.py"
    assert len(PERSON_PAGES) >= 15


@pytest.fixture
def child():
    social_care = AgencyFactory(code="csc", kind=AgencyKind.CHILDRENS_SOCIAL_CARE)
    child = PersonFactory()
    InvolvementFactory(person=child, agency=social_care)
    return child


def _visit(client, route: str, child) -> int:
    url = "/" + route.replace("<int:pk>", str(child.pk))
    # As htmx asks: a panel asked for without it only redirects to its page.
    status = client.get(url, headers={"HX-Request": "true"}).status_code
    if status == 405:  # a page that only takes a form
        status = client.post(url, {}).status_code
    return status


@pytest.mark.parametrize("role", ROLES)
def test_outside_the_network_every_person_page_is_refused_and_audited(client, child, role) -> None:
    outsider = PractitionerFactory(team=TeamFactory(agency=AgencyFactory(code="school")), role=role)
    client.force_login(outsider)
    for route in PERSON_PAGES:
        before = AuditEntry.objects.filter(actor=outsider, action=AuditAction.DENIED).count()
        status = _visit(client, route, child)
        assert status in (403, 404), f"{role} outside: {route} gave {status}"
        refused = AuditEntry.objects.filter(actor=outsider, action=AuditAction.DENIED)
        assert refused.count() == before + 1, f"{role} outside: {route} not audited"
        assert refused.latest("pk").person == child


@pytest.mark.parametrize("role", ROLES)
def test_inside_the_network_every_person_page_opens(client, child, role) -> None:
    insider = PractitionerFactory(
        team=TeamFactory(agency=child.involvements.get().agency), role=role
    )
    client.force_login(insider)
    for route in PERSON_PAGES:
        status = _visit(client, route, child)
        if role not in ONLY_FOR.get(route, {role}):
            assert status == 403, f"{role} inside: {route} gave {status}, not 403"
            continue
        assert status not in (403, 404, 500), f"{role} inside: {route} gave {status}"


def test_an_administrator_of_the_childs_own_agency_cannot_read_the_record(client, child) -> None:
    admin = PractitionerFactory(
        team=TeamFactory(agency=child.involvements.get().agency), role=Role.ADMIN
    )
    client.force_login(admin)
    for route in PERSON_PAGES:
        assert _visit(client, route, child) in (403, 404), route


# Pages about one record: each from outside the child's network, refused and audited. The
# child, plan, meeting, alert and transfer come from tests/access/conftest.py.

RECORD_URLS = {
    "meeting": "/meetings/{meeting}/",
    "meeting-minutes-print": "/meetings/{meeting}/minutes/print/",
    "meeting-answer": "/meetings/{meeting}/answer/",
    "meeting-review": "/meetings/{meeting}/review/",
    "meeting-circulate": "/meetings/{meeting}/circulate/",
    "meeting-acknowledge": "/meetings/{meeting}/acknowledge/",
    "meeting-cancel": "/meetings/{meeting}/cancel/",
    "plan": "/plans/{plan}/",
    "plan-print": "/plans/{plan}/print/",
    "plan-action-done": "/plans/{plan}/actions/{plan_action}/done/",
    "plan-evidence": "/plans/{plan}/conditions/{condition}/evidence/",
    "transfer-out": "/transfers/out/{transfer}/",
    "transfer-out-pack": "/transfers/out/{transfer}/pack.json",
    "transfer-out-print": "/transfers/out/{transfer}/print/",
    "alert": "/alerts/{alert}/",
    "alert-acknowledge": "/alerts/{alert}/acknowledge/",
    "meeting-minutes-file": "/meetings/{held}/minutes/file/",
    "meeting-action-done": "/meetings/{held}/actions/{meeting_action}/done/",
    "assessment": "/assessments/{assessment}/",
    "dash": "/assessments/dash/{dash}/",
    "dash-marac": "/assessments/dash/{dash}/marac/",
    "child-risk": "/assessments/child-risk/{child_risk}/",
}
# Whose record each page is about, where it is not the child's.
ABOUT = {"dash": "mother", "dash-marac": "mother"}


@pytest.fixture
def records(sent, signing_key, family) -> dict[str, int]:
    from threadline.checks.models import Alert
    from threadline.meetings.models import Meeting
    from threadline.plans.models import Plan

    child = sent.child
    plan = Plan.objects.get(child=child)
    return {
        "child": child.pk,
        "meeting": Meeting.objects.filter(children=child).order_by("pk").first().pk,
        "plan": plan.pk,
        "plan_action": plan.actions.first().pk,
        "condition": plan.conditions.first().pk,
        "transfer": sent.pk,
        "alert": Alert.objects.filter(subject=child).order_by("pk").first().pk,
        **_assessments_and_minutes(family),
    }


def _assessments_and_minutes(family) -> dict[str, int]:
    """An assessment, a DASH checklist, a child's risk level, and a held conference with an
    action and uploaded minutes: the record pages the transfer's fixture does not make."""
    from tests.assessments.test_child_risk import graded
    from tests.assessments.test_dash import answers_with
    from tests.checks.family import at
    from threadline.assessments.services import assess_child_risk, complete_dash, start_assessment
    from threadline.meetings.models import Meeting, MeetingStatus
    from threadline.meetings.services import ActionSpec, Upload, add_action, write_minutes

    held = Meeting.objects.filter(status=MeetingStatus.HELD, children=family.child).first()
    at("2024-04-10", 10)
    action = add_action(
        held,
        ActionSpec("Health visitor to visit weekly", family.agencies["csc"], dt.date(2024, 5, 1)),
        by=family.chair,
    )
    minutes = Upload("minutes.pdf", "application/pdf", b"%PDF-1.4 minutes")
    write_minutes(held, by=family.chair, upload=minutes)
    assessment = start_assessment(
        family.child,
        kind="single_assessment",
        by=family.worker,
        referred_on=dt.date(2024, 4, 9),
        started_on=dt.date(2024, 4, 10),
    )
    dash = complete_dash(
        family.mother, by=family.staff["police"], answers=answers_with(3), perpetrator=None
    )
    risk = assess_child_risk(family.child, by=family.worker, grades=graded(escalation=1))
    return {
        "held": held.pk,
        "meeting_action": action.pk,
        "assessment": assessment.pk,
        "dash": dash.pk,
        "child_risk": risk.pk,
        "mother": family.mother.pk,
    }


@pytest.mark.parametrize("name", sorted(RECORD_URLS))
def test_outside_the_network_every_record_page_is_refused_and_audited(
    client, records, name
) -> None:
    outsider = PractitionerFactory(
        team=TeamFactory(agency=AgencyFactory(code="faraway", name="Faraway School"))
    )
    client.force_login(outsider)
    url = RECORD_URLS[name].format(**records)
    status = client.get(url, headers={"HX-Request": "true"}).status_code
    if status == 405:
        status = client.post(url, {}).status_code
    assert status in (403, 404), f"{name}: {url} gave {status}"
    refused = AuditEntry.objects.filter(actor=outsider, action=AuditAction.DENIED)
    about = records[ABOUT.get(name, "child")]
    assert refused.filter(person_id=about).exists(), f"{name}: not audited"


def test_every_record_page_is_in_the_record_matrix_or_said_why_not() -> None:
    # Not in it: transfers in, which belong to the receiving authority, the matching queue
    # (a manager's, scoped to their agency) and opening in an emergency, which is the way
    # in from outside. Each has its own access tests.
    elsewhere = {
        "match-candidate",
        "match-merge",
        "emergency-open",
        "transfer-in",
        "transfer-in-print",
    }
    assert set(RECORD_URLS) | elsewhere == ABOUT_A_RECORD


# The conference has no minutes yet, so their print is not among them.
READABLE = [
    "meeting",
    "plan",
    "plan-print",
    "transfer-out",
    "transfer-out-pack",
    "transfer-out-print",
    "alert",
]


def test_inside_the_network_the_record_pages_open(client, records, sent) -> None:
    client.force_login(sent.sent_by)
    for name in READABLE:
        url = RECORD_URLS[name].format(**records)
        status = client.get(url).status_code
        assert status == 200, f"{name}: {url} gave {status}"
