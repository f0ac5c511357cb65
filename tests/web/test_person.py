"""The child's page: who they are, their status, worker, first concern and network, at a glance,
fetched only through need-to-know access."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from tests.factories import (
    EventFactory,
    InvolvementFactory,
    PersonFactory,
    PractitionerFactory,
    RelationshipFactory,
    StatusEpisodeFactory,
    TeamFactory,
)
from tests.web.builders import TODAY, Family, at, many_events
from threadline.access.models import AuditAction, AuditEntry
from threadline.agencies.models import Role, TeamKind
from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.chronology.vocabulary import EventType
from threadline.people.models import RelationshipKind, Sex
from threadline.people.selectors import current_status, person_profile, relationship_label


def page_of(client: Client, family: Family) -> str:
    response = client.get(reverse("person", args=[family.child.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_answers_who_the_child_is(worker_client: Client, family: Family) -> None:
    page = page_of(worker_client, family)
    assert "<h1" in page and "John Smith" in page
    assert "Born 3 April 2019 (5 years old)" in page
    assert "943 476 5919" in page
    assert "Johnny Smyth-Jones" in page  # another agency's name for him
    assert "English" in page
    assert "14 Mill Lane" in page and "2 Station Road" in page


def test_the_page_shows_status_worker_and_first_concern(
    worker_client: Client, family: Family
) -> None:
    page = page_of(worker_client, family)
    assert "Child protection plan" in page
    assert "Neglect" in page
    assert "Since 12 February 2024 (3\xa0months, 3\xa0weeks)" in page
    assert "Priya Chandra" in page
    assert "Health visitor worried about home conditions and missed health appointments" in page


def test_the_page_shows_what_the_learning_checks_ask(worker_client: Client, family: Family) -> None:
    page = page_of(worker_client, family)
    assert 'id="alerts"' in page
    assert "No open alerts for John" in page


def test_the_page_shows_the_people_around_the_child(worker_client: Client, family: Family) -> None:
    page = page_of(worker_client, family)
    assert escape(family.father.full_name) in page and "Father" in page
    assert escape(family.mother.full_name) in page and "Mother" in page
    assert "Stepfather" in page and "Ended 31 Jan 2023" in page


def test_the_page_shows_the_agencies_involved(worker_client: Client, family: Family) -> None:
    page = page_of(worker_client, family)
    for agency in (family.social_care, family.police, family.health_visiting):
        assert escape(agency.name) in page
    assert "Hannah Okafor (HV)" in page


def test_an_insiders_view_is_audited(worker_client: Client, family: Family) -> None:
    page_of(worker_client, family)
    entry = AuditEntry.objects.get(actor=family.worker)
    assert (entry.action, entry.person) == (AuditAction.VIEW, family.child)


def test_an_outsider_gets_not_found_and_a_denied_audit_row(
    outsider_client: Client, family: Family
) -> None:
    response = outsider_client.get(reverse("person", args=[family.child.pk]))
    assert response.status_code == 404
    assert "John Smith" not in response.content.decode()
    entry = AuditEntry.objects.get(actor=family.outsider)
    assert (entry.action, entry.person) == (AuditAction.DENIED, family.child)


def test_someone_who_does_not_exist_looks_the_same_as_someone_hidden(
    outsider_client: Client, family: Family
) -> None:
    response = outsider_client.get(reverse("person", args=[family.child.pk + 999]))
    assert response.status_code == 404
    assert AuditEntry.objects.get(actor=family.outsider).action == AuditAction.DENIED


def test_the_page_costs_the_same_queries_however_long_the_chronology(
    worker_client: Client, family: Family
) -> None:
    page_of(worker_client, family)  # the first page after signing in also saves the session
    with CaptureQueriesContext(connection) as few:
        page_of(worker_client, family)
    many_events(family, 80)
    with CaptureQueriesContext(connection) as many:
        page_of(worker_client, family)
    assert len(many) == len(few)
    # The session and the user (with their agency and team), access, the profile, alerts, the
    # filter options, one page of the chronology, the risk panel (the adults' history, their
    # conditions, the child's contact arrangements), and the audit entry after the chain's head
    # (PostgreSQL takes the writers' turn first): twenty-two.
    assert len(many) <= 22 + (connection.vendor == "postgresql")


def episode(kind: str, started: dt.date, ended: dt.date | None = None) -> StatusEpisode:
    return StatusEpisode(kind=kind, started_on=started, ended_on=ended, pk=None)


def test_status_is_the_highest_open_level() -> None:
    episodes = [
        episode(EpisodeKind.EARLY_HELP, dt.date(2024, 1, 1)),
        episode(EpisodeKind.CHILD_PROTECTION, dt.date(2024, 2, 1)),
        episode(EpisodeKind.LOOKED_AFTER, dt.date(2023, 1, 1), ended=dt.date(2023, 6, 1)),
        episode(EpisodeKind.CHILD_IN_NEED, dt.date(2023, 12, 1)),
    ]
    status = current_status(episodes, TODAY)
    assert status is not None and status.kind == EpisodeKind.CHILD_PROTECTION
    episodes.append(episode(EpisodeKind.LOOKED_AFTER, dt.date(2024, 5, 1)))
    status = current_status(episodes, TODAY)
    assert status is not None and status.kind == EpisodeKind.LOOKED_AFTER


def test_no_open_episode_means_no_status() -> None:
    ended = episode(EpisodeKind.CHILD_IN_NEED, dt.date(2023, 1, 1), ended=dt.date(2023, 2, 1))
    assert current_status([ended], TODAY) is None


def test_social_cares_worker_comes_first_then_any_other(family: Family) -> None:
    profile = person_profile(family.worker, family.child)
    assert profile.allocation is not None and profile.allocation.name == "Priya Chandra"

    baby = PersonFactory()
    InvolvementFactory(agency=family.police, person=baby, lead_practitioner=family.officer)
    InvolvementFactory(agency=family.social_care, person=baby, opened_on=dt.date(2024, 5, 1))
    allocation = person_profile(family.worker, baby).allocation
    assert allocation is not None and allocation.agency == family.police


def test_the_first_concern_comes_from_the_chronology_when_no_episode_gives_one(
    family: Family,
) -> None:
    baby = PersonFactory()
    StatusEpisodeFactory(agency=family.social_care, person=baby, reason="")
    EventFactory(
        agency=family.police,
        event_type=EventType.REFERRAL,
        occurred_at=at(dt.date(2024, 1, 9)),
        summary="Police referral after a domestic abuse incident",
        people=[baby],
    )
    EventFactory(
        agency=family.social_care,
        event_type=EventType.REFERRAL,
        occurred_at=at(dt.date(2024, 4, 9)),
        summary="A later referral",
        people=[baby],
    )
    referral = person_profile(family.worker, baby).original_referral
    assert referral is not None
    assert referral.reason == "Police referral after a domestic abuse incident"
    assert referral.agency == family.police


def test_relationships_read_from_the_childs_side() -> None:
    assert relationship_label(RelationshipKind.PARENT, relative_is_subject=True, sex=Sex.MALE) == (
        "Father"
    )
    assert (
        relationship_label(RelationshipKind.PARENT, relative_is_subject=False, sex=Sex.MALE)
        == "Child"
    )
    assert (
        relationship_label(RelationshipKind.SIBLING, relative_is_subject=False, sex=Sex.UNKNOWN)
        == "Sibling"
    )
    assert (
        relationship_label(RelationshipKind.CARER, relative_is_subject=True, sex=Sex.FEMALE)
        == "Carer"
    )


def test_a_young_parents_child_appears_with_the_inverse_label(family: Family) -> None:
    baby = PersonFactory(sex=Sex.FEMALE)
    RelationshipFactory(
        agency=family.social_care, person=family.mother, relative=baby, kind=RelationshipKind.PARENT
    )
    labels = {
        link.other: link.label for link in person_profile(family.worker, family.mother).network
    }
    assert labels[baby] == "Child"
    assert labels[family.child] == "Child"


def test_one_relationship_from_two_agencies_is_one_row(family: Family) -> None:
    RelationshipFactory(
        agency=family.health_visiting,
        person=family.father,
        relative=family.child,
        kind=RelationshipKind.PARENT,
    )
    network = person_profile(family.worker, family.child).network
    fathers = [link for link in network if link.other == family.father]
    assert len(fathers) == 1
    assert fathers[0].parental_responsibility
    assert set(fathers[0].agencies) == {family.police, family.health_visiting}


def test_ended_relationships_come_last(family: Family) -> None:
    network = person_profile(family.worker, family.child).network
    assert network[-1].other == family.stepfather and network[-1].has_ended


def test_only_people_the_user_may_see_are_linked(family: Family) -> None:
    links = {
        link.other: link.can_open for link in person_profile(family.worker, family.child).network
    }
    assert links[family.mother] is True  # social care is working with her too
    assert links[family.father] is False


def test_an_unborn_baby_shows_the_expected_date(worker_client: Client, family: Family) -> None:
    unborn = PersonFactory(date_of_birth=None, expected_date_of_birth=dt.date(2024, 9, 1))
    InvolvementFactory(agency=family.social_care, person=unborn)
    page = worker_client.get(reverse("person", args=[unborn.pk])).content.decode()
    assert "Unborn baby" in page
    assert "Unborn, due 1 September 2024" in page


def test_a_mash_practitioner_sees_children_at_the_front_door(
    client: Client, family: Family
) -> None:
    mash_team = TeamFactory(agency=family.police, name="MASH", kind=TeamKind.MASH)
    contact = PersonFactory()
    InvolvementFactory(agency=family.social_care, person=contact, team=mash_team)
    screener = PractitionerFactory(team=TeamFactory(agency=family.health_visiting), role=Role.MASH)
    client.force_login(screener)
    assert client.get(reverse("person", args=[contact.pk])).status_code == 200
