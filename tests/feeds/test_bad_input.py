"""Each kind of bad input gets its own clear error, and the database is left exactly as it was."""

from __future__ import annotations

import pytest

from threadline.feeds.results import FeedRejected
from threadline.feeds.services import ingest_feed

from .conftest import table_counts
from .records import event, family_feed, involvement, lines, person, relationship

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored() -> dict[str, int]:
    ingest_feed(family_feed())
    return table_counts()


def refused(feed: list[str]) -> FeedRejected:
    with pytest.raises(FeedRejected) as caught:
        ingest_feed(feed)
    return caught.value


def assert_only_error(rejected: FeedRejected, line: int, field: str, words: str) -> None:
    assert len(rejected.errors) == 1, rejected.report()
    error = rejected.errors[0]
    assert (error.line, error.field) == (line, field), str(error)
    assert words in error.message, str(error)


def good_then(*bad: str) -> list[str]:
    """A valid new record first, so a refused batch would have had something to write."""
    return [*lines(person("NEW1", name={"given": "Mia", "family": "Cole"})), *bad]


def test_malformed_json(stored: dict[str, int]) -> None:
    rejected = refused(good_then('{"kind": "person", "agency": "csc",'))
    assert_only_error(rejected, 2, "(line)", "malformed JSON")
    assert table_counts() == stored


def test_unknown_event_type(stored: dict[str, int]) -> None:
    rejected = refused(good_then(*lines(event("E9", ["C1"], type="home_visti"))))
    assert_only_error(rejected, 2, "type", "'home_visti' is not one of the allowed values")
    assert rejected.errors[0].record_id == "E9"
    assert table_counts() == stored


@pytest.mark.parametrize(
    ("record", "field", "words"),
    [
        (person("B1", date_of_birth="2019-02-30"), "date_of_birth", "not a real date"),
        (person("B2", date_of_birth="2031-01-01"), "date_of_birth", "in the future"),
        (event("B3", ["C1"], occurred="2023-13"), "occurred", "no month 13"),
        (event("B4", ["C1"], occurred="2024-04-31"), "occurred", "not a real date"),
        (involvement("B5", "C1", opened="2024-03-01", closed="2024-02-01"), "closed", "is before"),
        (event("B6", ["C1"], occurred="2030-01-01"), "occurred", "in the future"),
    ],
)
def test_impossible_dates(stored: dict[str, int], record: dict, field: str, words: str) -> None:
    rejected = refused(good_then(*lines(record)))
    assert_only_error(rejected, 2, field, words)
    assert table_counts() == stored


def test_nhs_number_failing_its_check_digit(stored: dict[str, int]) -> None:
    rejected = refused(good_then(*lines(person("B7", nhs_number="9434765918"))))
    assert_only_error(rejected, 2, "nhs_number", "not a valid NHS number")
    assert table_counts() == stored


def test_relationship_to_an_unknown_person(stored: dict[str, int]) -> None:
    rejected = refused(good_then(*lines(relationship("R9", "C2", "NOBODY"))))
    assert_only_error(rejected, 2, "relative", "unknown person csc:NOBODY")
    assert table_counts() == stored


def test_a_marriage_recorded_on_a_tie_that_is_not_a_partnership(stored: dict[str, int]) -> None:
    record = relationship("R9", "C2", "C1", type="parent", legal_union="married")
    rejected = refused(good_then(*lines(record)))
    assert_only_error(rejected, 2, "legal_union", "is for partner or former_partner, not parent")
    assert rejected.errors[0].record_id == "R9"
    assert table_counts() == stored


def test_event_about_an_unknown_person(stored: dict[str, int]) -> None:
    rejected = refused(good_then(*lines(event("E8", ["C1", {"nhs_number": "4010232137"}]))))
    assert_only_error(rejected, 2, "people.1", "unknown person 4010232137")
    assert table_counts() == stored


def test_same_record_id_twice_with_different_content(stored: dict[str, int]) -> None:
    first = event("E7", ["C1"], summary="Visit one")
    second = event("E7", ["C1"], summary="Visit two")
    rejected = refused(good_then(*lines(first, second)))
    assert_only_error(rejected, 3, "id", "sent on line 2 with different content")
    assert table_counts() == stored


def test_unregistered_agency(stored: dict[str, int]) -> None:
    rejected = refused(good_then(*lines(person("Z1", "nowhere"))))
    assert_only_error(rejected, 2, "agency", "'nowhere' is not registered")
    assert table_counts() == stored


def test_a_field_the_format_does_not_define(stored: dict[str, int]) -> None:
    rejected = refused(good_then(*lines(person("Z2", favourite_colour="red"))))
    assert_only_error(rejected, 2, "favourite_colour", "not a field the feed format defines")
    assert table_counts() == stored


def test_every_error_in_a_batch_is_reported(stored: dict[str, int]) -> None:
    rejected = refused(
        [
            "not json",
            *lines(person("B1", date_of_birth="2019-02-30"), event("E9", ["C1"], type="x")),
        ]
    )
    assert [error.line for error in rejected.errors] == [1, 2, 3]
    assert table_counts() == stored


def test_an_answer_to_an_unknown_event(stored: dict[str, int]) -> None:
    answer = event("A1", ["C1"], type="minutes_received", refers_to="NO-SUCH-MEETING")
    rejected = refused(good_then(*lines(answer)))
    assert_only_error(rejected, 2, "refers_to", "unknown event csc:NO-SUCH-MEETING")
    assert table_counts() == stored


def test_a_kind_that_is_not_a_word(stored: dict[str, int]) -> None:
    rejected = refused(good_then('{"kind": ["person"], "agency": "csc", "id": "X1"}'))
    assert_only_error(rejected, 2, "kind", "unknown record kind ['person']")
    assert table_counts() == stored
