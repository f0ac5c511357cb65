"""Taking a case in: only a pack signed by a trusted authority, unchanged, of a version read
here and well formed is accepted; anything else is refused by name with nothing written. The
case is written as the sending authority's records, once, and the transfer-in conference is
booked within its timescale."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.checks.family import at
from tests.transfers.conftest import REFERRAL, Receiving, sender_key, signed_with, trusted
from threadline.access.selectors import can_view_person
from threadline.agencies.models import Agency
from threadline.casework.models import Involvement, PlanOutcome, StatusEpisode
from threadline.checks.models import OPEN_STATES, Alert, AlertState, Resolution
from threadline.chronology.models import Event, EventPerson
from threadline.chronology.vocabulary import EventType
from threadline.meetings.models import Invitation, Meeting, MeetingKind
from threadline.meetings.services import MeetingError
from threadline.people.models import Address, Person, PersonName, PersonRecord, Relationship
from threadline.transfers import intake
from threadline.transfers.models import TransferIn
from threadline.transfers.services import import_pack
from threadline.transfers.verify import TransferError

pytestmark = pytest.mark.django_db

WRITTEN = (
    Agency,
    Person,
    PersonRecord,
    PersonName,
    Address,
    Relationship,
    Involvement,
    StatusEpisode,
    PlanOutcome,
    Event,
    EventPerson,
    Meeting,
    Invitation,
    TransferIn,
    Alert,
)


def snapshot() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITTEN}


def refused(data: bytes, by: Any, **options: Any) -> TransferError:
    before = snapshot()
    with pytest.raises(TransferError) as error:
        import_pack(data, by=by, **options)
    assert snapshot() == before, "nothing was written"
    return error.value


def pack_in(data: bytes) -> dict[str, Any]:
    return copy.deepcopy(json.loads(data)["pack"])


# Refused, with nothing written.


def test_a_pack_changed_by_one_byte_is_refused(handed_over: tuple[bytes, Receiving]) -> None:
    data, southshire = handed_over
    at_name = data.index(b'"given": "Ada"') + len(b'"given": "Ad')
    tampered = data[:at_name] + b"b" + data[at_name + 1 :]
    error = refused(tampered, southshire.worker)
    assert error.field == "signature"
    assert "changed after it was signed" in error.message


def test_a_pack_from_an_authority_not_trusted_is_refused(
    handed_over: tuple[bytes, Receiving],
) -> None:
    data, southshire = handed_over
    trusted().delete()
    error = refused(data, southshire.worker)
    assert error.field == "key_id"
    assert "'northshire-csc', an authority this Threadline does not trust" in error.message


def test_a_pack_signed_with_another_key_is_refused(handed_over: tuple[bytes, Receiving]) -> None:
    data, southshire = handed_over
    forged = signed_with(pack_in(data), Ed25519PrivateKey.generate())
    assert refused(forged, southshire.worker).field == "signature"


def test_a_pack_of_another_version_is_refused(
    handed_over: tuple[bytes, Receiving], tmp_path: Path
) -> None:
    data, southshire = handed_over
    pack = pack_in(data)
    pack["version"] = 2
    error = refused(signed_with(pack, sender_key(tmp_path)), southshire.worker)
    assert error.field == "pack.version"
    assert "this Threadline reads version 1" in error.message


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(pack: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = pack
        for part in parents:
            target = target[part]
        target[last] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(pack: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = pack
        for part in parents:
            target = target[int(part) if part.isdigit() else part]
        del target[last]

    return change


def _future(path: str) -> Callable[[dict[str, Any]], None]:
    """An entry dated after today, to the day (whatever precision it had)."""
    set_precision, set_date = _set(f"{path}.precision", "day"), _set(f"{path}.date", "2031-01-01")

    def change(pack: dict[str, Any]) -> None:
        set_precision(pack)
        set_date(pack)

    return change


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("chronology.3.type", "teleport"), "pack.chronology.3.type"),
        (_drop("child.date_of_birth"), "pack.child.date_of_birth"),
        (_set("child.nhs_number", "12345"), "pack.child.nhs_number"),
        (
            _set("network.relationships.0.person", "person-999"),
            "pack.network.relationships.0.person",
        ),
        (_set("chronology.0.precision", "day"), "pack.chronology.0.date"),
        (_set("chronology.2.people.0.ref", "nobody"), "pack.chronology.2.people.0.ref"),
        (
            _set("status_episodes.0.category_of_abuse", "XYZ"),
            "pack.status_episodes.0.category_of_abuse",
        ),
        (_set("plan.episode", "csc:nope"), "pack.plan.episode"),
        (_set("sending_authority.code", "westshire"), "pack.sending_authority.code"),
        (_set("child.surprise", 1), "pack.child"),
        (_future("chronology.5"), "pack.chronology.5 (occurred)"),
    ],
)
def test_malformed_content_is_refused_naming_the_field(
    handed_over: tuple[bytes, Receiving],
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    field: str,
) -> None:
    data, southshire = handed_over
    pack = pack_in(data)
    change(pack)
    error = refused(signed_with(pack, sender_key(tmp_path)), southshire.worker)
    assert error.field == field, error.message


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (b"\xff\xfe", "file"),
        (b"{not json", "file"),
        (b"[]", "file"),
        (b'{"pack": {}, "key_id": "northshire-csc"}', "signature"),
        (b'{"pack": [], "signature": "", "key_id": "x"}', "pack"),
        (b'{"pack": {}, "signature": "", "key_id": "x", "note": 1}', "note"),
    ],
)
def test_a_file_that_is_not_a_signed_pack_is_refused(
    handed_over: tuple[bytes, Receiving], data: bytes, field: str
) -> None:
    assert refused(data, handed_over[1].worker).field == field


def test_nothing_is_written_when_booking_the_conference_fails(
    handed_over: tuple[bytes, Receiving], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case is written before the conference is booked: a failure then undoes it all."""
    data, southshire = handed_over

    def fail(**_: Any) -> Meeting:
        raise MeetingError("when", "the room is flooded")

    monkeypatch.setattr("threadline.transfers.services.book_meeting", fail)
    error = refused(data, southshire.worker)
    assert (error.field, error.message) == ("conference.when", "the room is flooded")


def test_only_social_care_takes_a_transfer_in(handed_over: tuple[bytes, Receiving]) -> None:
    data, southshire = handed_over
    from tests.factories import PractitionerFactory, TeamFactory

    gp = PractitionerFactory(team=TeamFactory(agency=southshire.gp), username="gp.lead")
    assert refused(data, gp).field == "user"


def test_a_conference_date_outside_its_timescale_is_refused(
    handed_over: tuple[bytes, Receiving],
) -> None:
    data, southshire = handed_over
    error = refused(data, southshire.worker, conference_on=dt.date(2024, 4, 30))
    assert error.field == "conference_on"
    assert "between 11 April 2024 and 29 April 2024" in error.message


# Accepted.


def test_the_case_is_written_as_the_sending_authoritys_records(
    handed_over: tuple[bytes, Receiving],
) -> None:
    data, southshire = handed_over
    pack = pack_in(data)
    child = import_pack(data, by=southshire.worker).transfer.child
    sender = Agency.objects.get(code="la-northshire-csc")
    assert (sender.name, sender.kind) == ("Northshire Council", "csc")
    events = Event.objects.filter(people__person=child, is_current=True)
    assert events.filter(agency=sender).count() == len(pack["chronology"])
    assert set(events.exclude(agency=sender).values_list("event_type", flat=True)) == {
        EventType.MEETING_SCHEDULED,
        EventType.INVITATION,
    }, "besides the history, only the booking of the transfer-in conference and its invitations"
    gp = events.get(source_id="gp:gp-1")
    assert (gp.precision, gp.reliability) == ("month", "self_reported")
    assert gp.practitioner_name == "Northshire gp"
    incident = events.get(source_id="police:pol-9")
    assert incident.detail.startswith("Officers attended.")
    assert "first recorded by Northshire police" in incident.detail
    invitations = events.filter(agency=sender, event_type=EventType.INVITATION)
    bookings = {e.refers_to for e in invitations}
    assert invitations and len(bookings) == 1, "every invitation answers the one booking"
    booking = bookings.pop()
    assert booking is not None and booking.event_type == EventType.MEETING_SCHEDULED
    assert booking.agency == sender
    cp = StatusEpisode.objects.get(agency=sender, source_id="csc:cp1")
    assert (cp.person, cp.kind, cp.category_of_abuse, cp.ended_on) == (child, "cp", "EMO", None)
    outcome = PlanOutcome.objects.get(episode=cp)
    assert outcome.missing_parts == []
    parents = Relationship.objects.filter(relative=child, parental_responsibility=True)
    assert {r.person.given_name for r in parents} == {"Beth", "Carl"}
    assert {n.given_name for n in PersonName.objects.filter(person=child, kind="known_as")} == {
        "Addie"
    }
    assert can_view_person(southshire.worker, child), "the importing team can see the child"


def test_the_transfer_in_conference_is_booked_within_its_timescale(
    handed_over: tuple[bytes, Receiving],
) -> None:
    data, southshire = handed_over
    transfer = import_pack(data, by=southshire.worker).transfer
    meeting = transfer.meeting
    assert meeting is not None
    assert (meeting.kind, meeting.convened_by) == (MeetingKind.TRANSFER_IN, southshire.csc)
    # 15 working days from the import (1 May) or the move (29 April), whichever is sooner.
    assert meeting.scheduled_for == dt.datetime(
        2024, 4, 29, 10, tzinfo=meeting.scheduled_for.tzinfo
    )
    assert meeting.reason_for_referral.startswith(REFERRAL)
    invited = {i.agency.code for i in meeting.invitations.all() if i.agency}
    assert invited == {"ss-csc", "ss-gp", "la-northshire-csc"}
    people = {i.person.given_name for i in meeting.invitations.all() if i.person}
    assert {"Beth", "Carl"} <= people, "both parents, the father included"
    booking = Event.objects.get(event_type=EventType.MEETING_SCHEDULED, agency=southshire.csc)
    assert (booking.outcome, booking.due_on) == ("transfer_in", dt.date(2024, 4, 29))


def test_the_conference_can_be_booked_sooner(handed_over: tuple[bytes, Receiving]) -> None:
    data, southshire = handed_over
    meeting = import_pack(data, by=southshire.worker, conference_on=dt.date(2024, 4, 17))
    assert meeting.transfer.meeting is not None
    assert meeting.transfer.meeting.scheduled_for.date() == dt.date(2024, 4, 17)


def test_shr_11_resolves_on_the_imported_record(handed_over: tuple[bytes, Receiving]) -> None:
    data, southshire = handed_over
    child = import_pack(data, by=southshire.worker).transfer.child
    shr_11 = Alert.objects.filter(check_id="SHR-11", subject=child)
    assert not shr_11.filter(state__in=OPEN_STATES).exists()
    # Watched while the history was written, closed by the booking in the same transaction.
    conference = shr_11.get(occurrence__endswith=":transfer_in")
    assert (conference.state, conference.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_shr_11_stays_open_when_the_case_is_taken_in_too_late(
    handed_over: tuple[bytes, Receiving],
) -> None:
    data, southshire = handed_over
    at("2024-05-20", 9)
    transfer = import_pack(data, by=southshire.worker).transfer
    assert transfer.meeting is not None
    assert transfer.meeting.scheduled_for.date() == dt.date(2024, 5, 21), "the first day possible"
    alert = Alert.objects.get(check_id="SHR-11", subject=transfer.child)
    assert alert.state == AlertState.RAISED
    assert "conference to be held by 29 Apr 2024" in alert.what


def test_importing_the_same_pack_twice_changes_nothing(
    handed_over: tuple[bytes, Receiving],
) -> None:
    data, southshire = handed_over
    first = import_pack(data, by=southshire.worker)
    before = snapshot()
    again = import_pack(data, by=southshire.worker)
    assert (again.created, again.transfer) == (False, first.transfer)
    assert snapshot() == before


def test_writing_the_same_pack_again_finds_every_record_unchanged(
    handed_over: tuple[bytes, Receiving],
) -> None:
    """Below the pack's own digest: the records themselves are keyed on the sender's ids."""
    data, southshire = handed_over
    import_pack(data, by=southshire.worker)
    before = snapshot()
    from threadline.transfers.verify import read_signed

    _, summary = intake.write_pack(read_signed(data), southshire.worker)
    assert snapshot() == before
    assert all(c.created == c.updated == 0 for c in summary.counts.values())
    assert summary.records == before["PersonRecord"] - 1 + sum(  # less the GP's own record
        summary.counts[k].total for k in summary.counts if k != "person"
    )
