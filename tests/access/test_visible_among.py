"""``visible_among`` answers as ``visible_people`` does, for the few people already in hand."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import InvolvementFactory, PersonFactory, PractitionerFactory
from threadline import clock
from threadline.access.models import EmergencyAccess
from threadline.access.selectors import visible_among, visible_people

pytestmark = pytest.mark.django_db


def test_it_agrees_with_visible_people_on_every_route_to_a_record() -> None:
    worker = PractitionerFactory()
    own_agency, allocated, closed, granted, merged, stranger = PersonFactory.create_batch(6)
    InvolvementFactory(person=own_agency, agency=worker.agency)
    InvolvementFactory(person=allocated, lead_practitioner=worker)
    InvolvementFactory(
        person=closed,
        agency=worker.agency,
        opened_on=dt.date(2019, 1, 1),
        closed_on=dt.date(2020, 1, 1),
    )
    EmergencyAccess.objects.create(
        practitioner=worker,
        person=granted,
        reason="Out of hours: the child is at A&E",
        opened_at=clock.now(),
        expires_at=clock.now() + dt.timedelta(hours=4),
    )
    InvolvementFactory(person=merged, agency=worker.agency)
    merged.merged_into = own_agency
    merged.save(update_fields=["merged_into"])
    everyone = [own_agency, allocated, closed, granted, merged, stranger]

    found = visible_among(worker, [person.pk for person in everyone])

    assert found == {own_agency.pk, allocated.pk, granted.pk}
    assert found == set(
        visible_people(worker).filter(pk__in=[p.pk for p in everyone]).values_list("pk", flat=True)
    )
    assert visible_among(worker, []) == set()
