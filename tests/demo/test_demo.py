"""``threadline demo`` on a freshly migrated database: sign-ins that each see someone, and the
demo social worker allocated to the reviews' children.

The demo takes seconds to load, so one test loads it (twice, to show it can be run again) and
checks everything it should have made."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from threadline.access.selectors import visible_people
from threadline.agencies.models import AgencyKind, Practitioner, Role
from threadline.casework.models import Involvement
from threadline.checks.models import Alert
from threadline.demo.accounts import DEMO_PASSWORD, DEMO_USERS, demo_code, demo_key_for_people
from threadline.demo.scenarios import review_scenarios
from threadline.meetings.models import Meeting, MeetingKind
from threadline.people.models import PersonRecord


def run_demo() -> str:
    out = StringIO()
    call_command("demo", people=150, seed=1, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_on_a_fresh_database(client, settings) -> None:
    output = run_demo()
    assert_demo_users_pass_two_factor_with_the_demo_code(client, settings, output)
    assert_every_demo_user_is_in_an_agency_and_team(output)
    assert_social_worker_escalates_up_the_management_chain()
    assert_every_demo_user_can_see_someone()
    assert_social_worker_is_allocated_the_reviews_children(output)
    assert_a_conference_was_run_in_threadline(output)
    users, records = Practitioner.objects.count(), PersonRecord.objects.count()
    run_demo()
    assert (Practitioner.objects.count(), PersonRecord.objects.count()) == (users, records)
    assert Meeting.objects.filter(kind=MeetingKind.ICPC).count() == 1


def assert_demo_users_pass_two_factor_with_the_demo_code(client, settings, output: str) -> None:
    settings.THREADLINE_TWO_FACTOR = True
    assert demo_key_for_people() in output
    client.post("/sign-in/", {"username": "social.worker", "password": DEMO_PASSWORD})
    assert client.get("/search/").status_code == 302, "the password alone is not enough"
    done = client.post("/sign-in/two-factor/", {"code": demo_code(), "next": "/search/"})
    assert done["Location"] == "/search/"
    assert client.get("/search/").status_code == 200
    client.post("/sign-out/")


def assert_every_demo_user_is_in_an_agency_and_team(output: str) -> None:
    assert DEMO_PASSWORD in output
    for user in DEMO_USERS:
        practitioner = Practitioner.objects.get(username=user.username)
        assert practitioner.agency is not None and practitioner.agency.code == user.agency
        assert practitioner.team is not None and practitioner.team.name == user.team
        assert practitioner.role == user.role
        assert user.username in output
    assert Practitioner.objects.get(username="social.worker").check_password(DEMO_PASSWORD)


def assert_social_worker_escalates_up_the_management_chain() -> None:
    chain = []
    worker: Practitioner | None = Practitioner.objects.get(username="social.worker")
    while worker is not None:
        chain.append(worker.role)
        worker = worker.manager
    assert chain == [
        Role.PRACTITIONER,
        Role.PRACTICE_MANAGER,
        Role.TEAM_MANAGER,
        Role.SERVICE_MANAGER,
    ]


def assert_every_demo_user_can_see_someone() -> None:
    for user in Practitioner.objects.all():
        # Administrators manage users and read no child's record.
        assert visible_people(user).exists() == (user.role != Role.ADMIN), user.username


def assert_social_worker_is_allocated_the_reviews_children(output: str) -> None:
    worker = Practitioner.objects.get(username="social.worker")
    for scenario in review_scenarios():
        for source_id in scenario.children:
            person_id = PersonRecord.objects.get(agency__code="csc", source_id=source_id).person_id
            assert Involvement.objects.filter(
                person_id=person_id, lead_practitioner=worker, closed_on__isnull=True
            ).exists()
            assert f"http://127.0.0.1:8000/people/{person_id}/" in output


def assert_a_conference_was_run_in_threadline(output: str) -> None:
    conference = Meeting.objects.get(kind=MeetingKind.ICPC)
    assert f"/meetings/{conference.pk}/" in output
    minutes_alert = Alert.objects.get(
        check_id="SHR-3", occurrence__endswith=f":tl-meeting-{conference.pk}"
    )
    assert minutes_alert.rung == 1, "the GP's missing receipt has reached the practice manager"
    gp_copy = conference.minutes.copies.get(agency__kind=AgencyKind.GP)
    assert gp_copy.acknowledged_at is None
