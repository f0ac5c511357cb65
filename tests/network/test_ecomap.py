from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.factories import EventFactory, InvolvementFactory, PractitionerFactory
from tests.network.family import large_family
from threadline import clock
from threadline.chronology.models import EventPerson, SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.network.ecomap import ecomap_svg
from threadline.network.graph import network_of
from threadline.network.risks import risks_through_network
from threadline.people.selectors import person_profile

pytestmark = pytest.mark.django_db


def ties(svg: str) -> dict[str, str]:
    return dict(re.findall(r'data-ecomap="([\w-]+)" data-tie="(\w+)"', svg))


def test_the_household_sits_at_the_centre_with_agencies_and_people_around_it() -> None:
    family = large_family()
    worker = PractitionerFactory()
    InvolvementFactory(person=family["index"], agency=worker.agency, lead_practitioner=worker)
    svg = ecomap_svg(network_of(family["index"], steps=2))

    drawn = ties(svg)
    assert drawn[f"agency-{worker.agency_id}"] == "strong", "a named lead practitioner"
    assert 'data-ecomap="household"' in svg
    assert "Dean Marsh" in svg.split('data-ecomap="household"')[1], "he lives there"
    assert drawn[f"person-{family['partners'][0].pk}"] == "tenuous", "a former partner"


def test_an_adult_with_a_history_of_harm_is_a_stressful_tie() -> None:
    family = large_family()
    partner = family["partners"][0]
    event = EventFactory(event_type=EventType.ARREST, people=[partner])
    EventPerson.objects.filter(event=event).update(role=SubjectRole.SUBJECT)
    assert ties(ecomap_svg(network_of(family["index"], steps=2)))[f"person-{partner.pk}"] == (
        "stressful"
    )


def test_the_drawing_and_the_risks_survive_29_february() -> None:
    family = large_family()
    with clock.frozen_at(dt.datetime(2028, 2, 29, 12, tzinfo=dt.UTC)):
        child = family["index"]
        worker = PractitionerFactory()
        InvolvementFactory(person=child, agency=worker.agency, lead_practitioner=worker)
        assert 'data-ecomap="household"' in ecomap_svg(network_of(child, steps=2))
        assert risks_through_network(child, person_profile(worker, child).network) == []
