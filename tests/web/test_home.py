"""Home: the children a practitioner is working with, and a way to find anyone else."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.factories import InvolvementFactory, PersonFactory
from tests.web.builders import Family
from threadline.people.selectors import people_worked_with


def test_allocated_worker_sees_the_child_and_their_teams_people(family: Family) -> None:
    people = people_worked_with(family.worker)
    assert family.child in people
    assert family.mother in people  # open with the worker's team, not allocated to anyone


def test_a_team_mate_sees_the_teams_children(family: Family) -> None:
    assert family.child in people_worked_with(family.team_mate)


def test_another_agencys_practitioner_sees_only_their_allocations(family: Family) -> None:
    assert people_worked_with(family.officer) == [family.child]
    assert people_worked_with(family.outsider) == []


def test_closed_work_is_not_listed(family: Family) -> None:
    person = PersonFactory()
    InvolvementFactory(
        agency=family.social_care,
        person=person,
        lead_practitioner=family.worker,
        opened_on="2024-01-01",
        closed_on="2024-02-01",
    )
    assert person not in people_worked_with(family.worker)


def test_the_list_is_capped(family: Family) -> None:
    for _ in range(3):
        InvolvementFactory(
            agency=family.social_care, person=PersonFactory(), lead_practitioner=family.worker
        )
    assert len(people_worked_with(family.worker, limit=2)) == 2


def test_home_shows_status_and_a_search_box(worker_client: Client, family: Family) -> None:
    page = worker_client.get(reverse("home")).content.decode()
    assert "Children you are working with" in page
    assert family.child.full_name in page
    assert "Child protection plan" in page
    assert 'name="q"' in page
