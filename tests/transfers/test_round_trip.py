"""Two Threadlines either side of a move: Northshire exports and signs, the database is emptied
and becomes Southshire's, which registers Northshire's key and imports the pack."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.transfers.conftest import NHS_NUMBER, REFERRAL, Receiving
from threadline.chronology.models import Event
from threadline.meetings.models import MeetingKind
from threadline.people.models import Person
from threadline.transfers.services import import_pack

pytestmark = pytest.mark.django_db


def test_the_case_arrives_whole_and_the_conference_is_booked(
    handed_over: tuple[bytes, Receiving],
) -> None:
    data, southshire = handed_over
    imported = import_pack(data, by=southshire.worker)
    assert imported.created
    child = imported.transfer.child
    assert child.nhs_number == NHS_NUMBER
    assert Person.objects.filter(nhs_number=NHS_NUMBER).count() == 1, "joined to the GP's Ada"
    meeting = imported.transfer.meeting
    assert meeting is not None and meeting.kind == MeetingKind.TRANSFER_IN
    assert meeting.scheduled_for.date() == dt.date(2024, 4, 29)
    assert REFERRAL in meeting.reason_for_referral
    events = Event.objects.filter(agency__code="la-northshire-csc", is_current=True)
    assert events.count() > 10
