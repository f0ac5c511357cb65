from __future__ import annotations

import json

import pytest

from threadline.casework.models import EpisodeFactor, Involvement, StatusEpisode
from threadline.chronology.models import Event, EventPerson
from threadline.chronology.vocabulary import DatePrecision
from threadline.feeds.services import ingest_feed
from threadline.people.models import Person, PersonRecord, Relationship

from .records import VALID_NHS, event, family_feed, lines, person

pytestmark = pytest.mark.django_db


def test_a_family_feed_creates_the_shared_record() -> None:
    summary = ingest_feed(family_feed())

    assert summary.counts["person"].created == 3
    child = Person.objects.get(nhs_number=VALID_NHS[0])
    assert PersonRecord.objects.filter(person=child).count() == 2, "police and CSC joined on NHS"
    assert Relationship.objects.get().relative == child
    assert Involvement.objects.get().team.name == "Assessment Team"
    assert StatusEpisode.objects.get().person == child
    assert list(EpisodeFactor.objects.values_list("code", flat=True)) == ["3B"]
    incident = Event.objects.get(source_id="E2")
    assert incident.precision == DatePrecision.MINUTE
    assert set(incident.people.values_list("role", flat=True)) == {"subject", "victim"}
    assert summary.touched_people == set(Person.objects.values_list("pk", flat=True))


def test_resending_the_same_feed_changes_nothing() -> None:
    ingest_feed(family_feed())
    before = list(Event.objects.values_list("pk", "version"))

    summary = ingest_feed(family_feed())

    assert all(c.created == 0 and c.updated == 0 for c in summary.counts.values())
    assert summary.counts["event"].unchanged == 2
    assert list(Event.objects.values_list("pk", "version")) == before


def test_a_changed_event_is_a_new_version_not_an_overwrite() -> None:
    ingest_feed(family_feed())
    original = Event.objects.get(source_id="E1")
    corrected = [
        line.replace("child seen in her bedroom", "child seen in the kitchen")
        for line in family_feed()
    ]

    summary = ingest_feed(corrected)

    assert summary.counts["event"].updated == 1
    original.refresh_from_db()
    assert not original.is_current
    assert original.summary.endswith("bedroom"), "the old version is kept as it was"
    newest = Event.objects.get(source_id="E1", is_current=True)
    assert (newest.version, newest.supersedes) == (2, original)
    assert EventPerson.objects.filter(event=original, is_current=True).count() == 0
    assert EventPerson.objects.filter(event=newest, is_current=True).count() == 1


def test_a_correction_can_be_corrected_again() -> None:
    ingest_feed(family_feed())
    for summary_text in ("second", "third"):
        ingest_feed(lines(event("E1", ["C1"], summary=summary_text)))
    versions = Event.objects.filter(source_id="E1").order_by("version")
    assert [(e.version, e.is_current) for e in versions] == [(1, False), (2, False), (3, True)]


def test_a_changed_person_updates_the_record_and_keeps_old_names() -> None:
    ingest_feed(family_feed())
    renamed = person("C1", nhs_number=VALID_NHS[0], name={"given": "Lily", "family": "Osei"})

    summary = ingest_feed(lines(renamed))

    assert summary.counts["person"].updated == 1
    child = Person.objects.get(nhs_number=VALID_NHS[0])
    assert child.family_name == "Osei"
    families = set(child.names.values_list("family_name", flat=True))
    assert {"Hartley", "Osei"} <= families


def test_events_take_dates_at_the_precision_given() -> None:
    ingest_feed(family_feed())
    ingest_feed(lines(event("M", ["C1"], occurred="2023-05"), event("Y", ["C1"], occurred="2021")))
    assert Event.objects.get(source_id="M").precision == DatePrecision.MONTH
    assert Event.objects.get(source_id="Y").precision == DatePrecision.YEAR


def test_the_same_record_twice_with_the_same_content_is_accepted_once() -> None:
    feed = family_feed()
    summary = ingest_feed([*feed, feed[-1]])
    assert summary.counts["event"].created == 2


def test_people_from_two_agencies_with_one_nhs_number_in_one_batch_are_one_person() -> None:
    feed = family_feed()
    ingest_feed(feed[:2])
    both = lines(
        person("X1", nhs_number=VALID_NHS[1]),
        person("X9", "police", nhs_number=VALID_NHS[1], name={"given": "Lil", "family": "Hartley"}),
    )
    ingest_feed(both)
    assert Person.objects.filter(nhs_number=VALID_NHS[1]).count() == 1
    assert PersonRecord.objects.filter(person__nhs_number=VALID_NHS[1]).count() == 2


def test_summary_reads_as_json() -> None:
    summary = ingest_feed(family_feed())
    assert json.loads(json.dumps(summary.as_dict()))["kinds"]["person"]["created"] == 3


def test_events_carry_outcome_due_date_counterpart_and_what_they_answer() -> None:
    ingest_feed(family_feed())
    meeting = event("SD1", ["C1"], type="strategy_discussion", outcome="single_assessment")
    minutes = event(
        "MR1",
        [{"agency": "csc", "id": "C1"}],
        agency="police",
        type="minutes_received",
        counterpart="csc",
        refers_to={"agency": "csc", "id": "SD1"},
    )
    release = event("RP1", ["C2"], type="release_planned", due="2024-09-30")
    ingest_feed(lines(minutes, meeting, release))

    received = Event.objects.get(source_id="MR1")
    assert received.refers_to == Event.objects.get(source_id="SD1")
    assert received.counterpart.code == "csc"
    assert Event.objects.get(source_id="SD1").outcome == "single_assessment"
    assert str(Event.objects.get(source_id="RP1").due_on) == "2024-09-30"


def test_plan_outcomes_belong_to_their_plan() -> None:
    from threadline.casework.models import PlanOutcome

    ingest_feed(family_feed())
    outcome = {
        "kind": "plan_outcome",
        "agency": "csc",
        "id": "O1",
        "episode": "S1",
        "risk": "Lily is exposed to violence between adults at home",
        "change_wanted": "No further incidents; Owen completes a perpetrator programme",
        "written": "2024-02-10",
    }
    ingest_feed(lines(outcome))
    saved = PlanOutcome.objects.get()
    assert saved.episode.source_id == "S1"
    assert saved.missing_parts == ["by when", "what happens if it is not achieved"]
