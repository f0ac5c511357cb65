"""The transfer pack: everything the receiving authority needs, in the published format."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.checks.family import at, feed
from tests.meetings.conftest import Family
from tests.transfers.conftest import NHS_NUMBER, REFERRAL, moving
from threadline.chronology.models import Event
from threadline.transfers.export import Authority, authority_of, build_pack
from threadline.transfers.schema import FORMAT, VERSION, pack_validator

pytestmark = pytest.mark.django_db

SOUTHSHIRE = Authority(code="", name="Southshire County Council")


def pack_of(family: Family) -> dict[str, Any]:
    return build_pack(
        family.child, by=family.worker, receiving_authority=SOUTHSHIRE, reason="Moved south"
    )


@pytest.fixture
def pack(family: Family) -> dict[str, Any]:
    moving(family)
    at("2024-04-09", 11)
    return pack_of(family)


def test_the_pack_is_in_the_published_format(pack: dict[str, Any]) -> None:
    pack_validator()(pack)
    assert (pack["format"], pack["version"]) == (FORMAT, VERSION)
    assert pack["sending_authority"] == {
        "code": "northshire-csc",
        "name": "Northshire csc",
        "local_authority": "",
        "nation": "ENG",
    }
    assert pack["receiving_authority"] == {"code": "", "name": "Southshire County Council"}
    assert pack["generated_at"] == "2024-04-09T11:00:00+01:00"
    assert pack["sent_by"]["email"] == "sw@example.org"


def test_the_child_with_other_names_identifiers_and_address_history(
    pack: dict[str, Any],
) -> None:
    child = pack["child"]
    assert child["name"] == {"given": "Ada", "family": "Marsh"}
    assert child["other_names"] == [{"given": "Addie", "family": "Marsh", "kind": "known_as"}]
    assert (child["date_of_birth"], child["sex"], child["nhs_number"]) == (
        "2019-06-01",
        "female",
        NHS_NUMBER,
    )
    assert child["language"] == "English"
    assert child["identifiers"] == [{"scheme": "upn", "value": "A123456789012"}]
    assert [(a["line1"], a["from"], a["to"]) for a in child["addresses"]] == [
        ("1 Mill Lane", "2019-06-01", "2024-04-08"),
        ("9 Harbour Road", "2024-04-08", None),
    ]


def test_the_original_reason_for_referral_and_the_move(pack: dict[str, Any]) -> None:
    assert pack["reason_for_referral"] == {
        "reason": REFERRAL,
        "on": "2024-01-02",
        "agency": "Northshire csc",
        "episode": "Child in need",
        "referral_source": "",
    }
    assert pack["move"]["date"] == "2024-04-08"
    assert "Harbour Road" in pack["move"]["summary"]


def test_status_episodes_with_census_codes(pack: dict[str, Any]) -> None:
    episodes = {e["id"]: e for e in pack["status_episodes"]}
    assert episodes["csc:ep1"]["status"] == "cin" and episodes["csc:ep1"]["current"]
    cp = episodes["csc:cp1"]
    assert (cp["status"], cp["start"], cp["category_of_abuse"], cp["current"]) == (
        "cp",
        "2024-03-18",
        "EMO",
        True,
    )


def test_the_plan_with_outcomes_actions_and_written_agreements(pack: dict[str, Any]) -> None:
    plan = pack["plan"]
    assert plan["episode"] == "csc:cp1" and plan["focus"] == "Domestic abuse at home"
    assert plan["reason_for_referral"].startswith(REFERRAL)
    (outcome,) = plan["outcomes"]
    assert outcome["risk"] == "Ada is exposed to violence between her parents"
    assert outcome["achieve_by"] == "2024-09-01"
    assert outcome["consequence"] == "Legal advice will be sought on care proceedings"
    assert outcome["change_wanted"].startswith("No further incidents")
    assert [a["description"] for a in plan["actions"]] == ["Health visitor to see Ada weekly"]
    (agreement,) = plan["written_agreements"]
    assert agreement["about_name"] == "Carl Marsh" and agreement["monitor_name"] == "Sam Worker"
    assert agreement["about"] in {p["ref"] for p in pack["network"]["people"]}
    assert agreement["evidence"] == [{"on": "2024-04-02", "note": "Negative test", "breach": False}]


def test_recent_meetings_with_decisions_and_open_actions(pack: dict[str, Any]) -> None:
    kinds = [m["kind"] for m in pack["meetings"]]
    assert kinds == ["strategy_discussion", "icpc"]
    icpc = pack["meetings"][1]
    assert icpc["decisions"] == [
        {"outcome": "cp_plan", "text": "Child protection plan under emotional abuse"}
    ]
    assert [a["description"] for a in icpc["open_actions"]] == [
        "Refer the father to a perpetrator programme"
    ]
    assert "Northshire police" in icpc["attended"]


def test_the_family_network_with_parental_responsibility(pack: dict[str, Any]) -> None:
    people = {p["name"]["given"]: p for p in pack["network"]["people"]}
    assert {name: p["relation_to_child"] for name, p in people.items()} == {
        "Beth": "Mother",
        "Carl": "Father",
        "Dean": "Partner of Beth Marsh",
    }
    child = pack["child"]["ref"]
    responsible = {
        r["person"]
        for r in pack["network"]["relationships"]
        if r["relative"] == child and r["parental_responsibility"]
    }
    assert responsible == {people["Beth"]["ref"], people["Carl"]["ref"]}


def test_contacts_name_every_involved_agency_and_its_lead(pack: dict[str, Any]) -> None:
    contacts = {(c["agency"]["code"], c["with"]): c for c in pack["contacts"]}
    child, mother = pack["child"]["ref"], pack["network"]["people"][0]["ref"]
    assert set(contacts) == {
        ("csc", child),
        ("police", child),
        ("gp", child),
        ("education", child),
        ("health_visiting", child),
        ("housing", mother),
    }
    lead = contacts[("csc", child)]
    assert lead["email"] == "sw@example.org" and lead["team"] == "Child Protection Team"
    assert lead["lead_practitioner"]


def test_the_whole_current_chronology_oldest_first(family: Family, pack: dict[str, Any]) -> None:
    current = Event.objects.filter(people__person=family.child, is_current=True)
    assert {e["id"] for e in pack["chronology"]} == {
        f"{e.agency.code}:{e.source_id}" for e in current
    }
    assert len(pack["chronology"]) == current.count() > 10
    first = pack["chronology"][0]
    assert (first["id"], first["date"], first["precision"], first["reliability"]) == (
        "gp:gp-1",
        "2023-11",
        "month",
        "self_reported",
    )
    incident = next(e for e in pack["chronology"] if e["id"] == "police:pol-9")
    assert incident["date"] == "2024-04-06T23:40:00+01:00"
    assert incident["detail"] == "Officers attended. Ada asleep upstairs."
    assert {p["role"] for p in incident["people"]} == {"subject", "victim"}
    notice = [e for e in pack["chronology"] if e["type"] == "invitation"]
    booked = {e["refers_to"] for e in notice}
    assert len(booked) == 1, "every invitation answers the one booking"
    booking_id = booked.pop()
    booking = next(e for e in pack["chronology"] if e["id"] == booking_id)
    assert booking["type"] == "meeting_scheduled"


def test_a_corrected_event_is_sent_in_its_current_version_only(family: Family) -> None:
    moving(family)
    at("2024-04-09", 9)
    feed(
        {
            "kind": "event",
            "agency": "gp",
            "id": "gp-1",
            "type": "missed_appointment",
            "occurred": "2023-11-14",
            "people": [{"agency": "csc", "id": "child"}],
            "summary": "Ada not brought to her immunisations (date confirmed)",
        }
    )
    entries = [e for e in pack_of(family)["chronology"] if e["id"] == "gp:gp-1"]
    assert [(e["version"], e["date"], e["precision"]) for e in entries] == [
        (2, "2023-11-14", "day")
    ]


def test_a_plan_sent_by_a_feed_carries_its_outcomes(family: Family) -> None:
    feed(
        {
            "kind": "plan_outcome",
            "agency": "csc",
            "id": "o1",
            "episode": "ep1",
            "risk": "Ada hears violence at home",
            "change_wanted": "No incidents",
            "achieve_by": "2024-06-01",
            "consequence": "Child protection enquiry",
            "written": "2024-02-01",
        }
    )
    plan = pack_of(family)["plan"]
    assert plan["episode"] == "csc:ep1" and plan["focus"] == "" and plan["actions"] == []
    assert [o["risk"] for o in plan["outcomes"]] == ["Ada hears violence at home"]


def test_the_authority_code_comes_from_the_local_authority(family: Family) -> None:
    csc = family.agencies["csc"]
    assert authority_of(csc).code == "northshire-csc"
    csc.local_authority = "North_Shire & Isles"
    assert authority_of(csc).code == "north-shire-isles"


def test_a_pack_is_dated_by_the_clock(family: Family) -> None:
    at("2024-03-01", 9)
    assert pack_of(family)["generated_at"].startswith(dt.date(2024, 3, 1).isoformat())
