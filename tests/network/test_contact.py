"""Contact arrangements from the feeds, and what they mean beside an adult's history."""

from __future__ import annotations

import pytest

from tests.feeds.records import lines
from tests.matching.family import police_feed, social_care_feed, the_two_records
from threadline.feeds.results import FeedRejected
from threadline.feeds.services import ingest_feed
from threadline.matching.models import Candidate
from threadline.matching.services import decide
from threadline.network.models import Arrangement, ContactArrangement
from threadline.network.risks import risks_through_network
from threadline.people.models import PersonRecord
from threadline.people.selectors import person_profile

pytestmark = pytest.mark.django_db


def contact(source_id: str = "K1", **fields) -> dict:
    return {
        "kind": "contact_arrangement",
        "agency": "csc",
        "id": source_id,
        "child": "C1",
        "adult": "C2",
        "arrangement": "unsupervised",
        "basis": "informal",
        "frequency": "every other weekend",
        "from": "2024-01-06",
        **fields,
    }


def test_an_arrangement_is_recorded_once_however_often_it_is_sent() -> None:
    ingest_feed(social_care_feed())
    ingest_feed(lines(contact()))
    summary = ingest_feed(lines(contact()))
    assert summary.counts["contact_arrangement"].unchanged == 1
    arrangement = ContactArrangement.objects.get()
    assert (arrangement.arrangement, arrangement.frequency) == (
        Arrangement.UNSUPERVISED,
        "every other weekend",
    )
    assert arrangement.is_unwatched


def test_bad_arrangements_are_refused_naming_the_record_and_field() -> None:
    ingest_feed(social_care_feed())
    with pytest.raises(FeedRejected) as refused:
        ingest_feed(lines(contact(adult="C1"), contact("K2", child="NOPE")))
    messages = [str(error) for error in refused.value.errors]
    assert any("K1" in m and "adult" in m and "same person" in m for m in messages)
    assert any("K2" in m and "child" in m and "unknown person csc:NOPE" in m for m in messages)
    assert ContactArrangement.objects.count() == 0


def test_unsupervised_contact_with_an_adult_with_a_history_is_flagged() -> None:
    manager = the_two_records()
    ingest_feed(lines(contact()))
    decide(Candidate.objects.get(), same_person=True, by=manager, reason="PNC address history")
    child = PersonRecord.objects.get(source_id="C1").person
    [risk] = risks_through_network(child, person_profile(manager, child).network)
    assert risk.unwatched_contact is not None
    assert risk.unwatched_contact.get_arrangement_display() == "Unsupervised contact"


def test_supervised_contact_is_not_flagged() -> None:
    ingest_feed(social_care_feed())
    ingest_feed(police_feed())
    ingest_feed(lines(contact(arrangement="supervised", supervised_by="Family centre")))
    assert not ContactArrangement.objects.get().is_unwatched
