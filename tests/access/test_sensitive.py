"""Sensitive categories: read by the recording agency and those the category admits; everyone
else who may see the child sees the entry is there, with its words redacted, on every surface."""

from __future__ import annotations

import pytest

from tests.factories import (
    AgencyFactory,
    EventFactory,
    InvolvementFactory,
    PersonFactory,
    PractitionerFactory,
    TeamFactory,
)
from threadline.access.sensitive import may_read, words_for
from threadline.agencies.models import AgencyKind, TeamKind
from threadline.chronology.vocabulary import Sensitivity

pytestmark = pytest.mark.django_db

SECRET = "Source reports he is storing weapons at the flat"


def worker_in(kind: str, code: str, team_kind: str = TeamKind.SAFEGUARDING):
    agency = AgencyFactory(code=code, kind=kind, name=f"Northshire {code}")
    return PractitionerFactory(team=TeamFactory(agency=agency, kind=team_kind))


@pytest.fixture
def world():
    police = worker_in(AgencyKind.POLICE, "police")
    school = worker_in(AgencyKind.EDUCATION, "school")
    gp = worker_in(AgencyKind.GP, "gp")
    mash = worker_in(AgencyKind.CHILDRENS_SOCIAL_CARE, "csc", TeamKind.MASH)
    child = PersonFactory()
    for worker in (police, school, gp, mash):
        InvolvementFactory(person=child, agency=worker.agency)
    intelligence = EventFactory(
        agency=police.agency,
        people=[child],
        summary=SECRET,
        detail="Grade B2",
        sensitivity=Sensitivity.POLICE_INTELLIGENCE,
    )
    return {
        "police": police,
        "school": school,
        "gp": gp,
        "mash": mash,
        "child": child,
        "intelligence": intelligence,
    }


@pytest.mark.parametrize(
    ("category", "readers"),
    [
        (Sensitivity.POLICE_INTELLIGENCE, {"police", "mash"}),
        (Sensitivity.MENTAL_HEALTH, {"police", "gp"}),
        (Sensitivity.SEXUAL_HEALTH, {"police"}),
        (Sensitivity.ADOPTION, {"police", "mash"}),
        (Sensitivity.NONE, {"police", "school", "gp", "mash"}),
    ],
)
def test_who_reads_each_category(world, category, readers) -> None:
    event = world["intelligence"]
    event.sensitivity = category  # recorded by the police in each case
    for who in ("police", "school", "gp", "mash"):
        assert may_read(world[who], event) == (who in readers), (category, who)


def test_redacted_words_say_what_is_held_and_by_whom_never_what_it_says(world) -> None:
    words = words_for(world["school"], world["intelligence"])
    assert words.redacted and SECRET not in words.summary and words.detail == ""
    assert words.summary == (
        "Restricted: police intelligence held by Northshire police. Ask them if you need it."
    )


def test_the_page_print_and_csv_redact_for_the_school_and_not_for_the_police(client, world) -> None:
    child = world["child"]
    pages = (
        f"/people/{child.pk}/",
        f"/people/{child.pk}/chronology/print/",
        f"/people/{child.pk}/chronology.csv",
    )
    client.force_login(world["school"])
    for url in pages:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        assert SECRET not in text and "Grade B2" not in text, url
        assert "Restricted: police intelligence held by Northshire police" in text, url
    client.force_login(world["police"])
    for url in pages:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET in body.decode(), url


def test_the_transfer_pack_carries_only_what_its_sender_may_read(world) -> None:
    from threadline.transfers.export import Authority, build_pack

    pack = build_pack(
        world["child"],
        by=world["school"],
        receiving_authority=Authority("E09000001", "Another Council"),
        reason="Family moved",
    )
    [entry] = pack["chronology"]
    assert SECRET not in entry["summary"] and entry["detail"] == ""


def test_a_feed_marks_an_entry_sensitive_and_an_unknown_category_is_refused() -> None:
    from tests.feeds.records import event, family_feed, lines
    from threadline.chronology.models import Event
    from threadline.feeds.results import FeedRejected
    from threadline.feeds.services import ingest_feed

    ingest_feed(family_feed())
    ingest_feed(lines(event("S1", ["C1"], sensitivity="mental_health")))
    assert Event.objects.get(source_id="S1").sensitivity == Sensitivity.MENTAL_HEALTH

    with pytest.raises(FeedRejected) as refused:
        ingest_feed(lines(event("S2", ["C1"], sensitivity="gossip")))
    [error] = refused.value.errors
    assert (error.line, error.field, error.record_id) == (1, "sensitivity", "S2")
    assert not Event.objects.filter(source_id="S2").exists()


def named_on_intelligence(world):
    associate = PersonFactory(given_name="Quillon", family_name="Abernethy-Vosk")
    EventFactory(
        agency=world["police"].agency,
        people=[world["child"], associate],
        summary="Seen with an associate known to carry a knife",
        sensitivity=Sensitivity.POLICE_INTELLIGENCE,
    )
    return associate


def test_a_name_held_only_on_a_restricted_entry_stays_restricted(client, world) -> None:
    from threadline.chronology.selectors import filter_options
    from threadline.people.selectors import parse_search_terms, search_people

    associate = named_on_intelligence(world)
    child = world["child"]
    client.force_login(world["school"])
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Abernethy-Vosk" not in page and "1 other person" in page
    assert associate not in filter_options(child).people
    typed = parse_search_terms("Quillon Abernethy-Vosk")
    reason = "The child is missing and this name was given by a neighbour tonight"
    assert search_people(world["school"], typed, emergency_reason=reason) == []
    found = search_people(world["police"], typed, emergency_reason=reason)
    assert [m.person for m in found] == [associate], "the police may read what they hold"
    client.force_login(world["police"])
    assert "Abernethy-Vosk" in client.get(f"/people/{child.pk}/").content.decode()


def test_a_name_also_held_openly_is_found_as_any_other(world) -> None:
    from threadline.people.selectors import parse_search_terms, search_people

    associate = named_on_intelligence(world)
    EventFactory(agency=world["school"].agency, people=[associate], summary="Collected the child")
    typed = parse_search_terms("Quillon Abernethy-Vosk")
    reason = "The child is missing and this name was given by a neighbour tonight"
    found = search_people(world["school"], typed, emergency_reason=reason)
    assert [m.person for m in found] == [associate]
