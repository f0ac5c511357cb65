from __future__ import annotations

import pytest

from tests.factories import PractitionerFactory, TeamFactory
from tests.matching.family import the_two_records
from threadline.agencies.models import Agency
from threadline.matching.models import Candidate
from threadline.matching.services import decide
from threadline.network.risks import risks_through_network
from threadline.people.models import Person, PersonRecord
from threadline.people.selectors import person_profile

pytestmark = pytest.mark.django_db


def _child() -> Person:
    return PersonRecord.objects.get(source_id="C1").person


def _risks(viewer):
    child = _child()
    return risks_through_network(child, person_profile(viewer, child).network)


def test_the_fathers_police_history_shows_once_the_records_are_one_man() -> None:
    manager = the_two_records()
    assert _risks(manager) == [], "until the records are joined, nobody sees it"

    decide(Candidate.objects.get(), same_person=True, by=manager, reason="PNC address history")

    [risk] = _risks(manager)
    assert risk.adult.given_name == "William"
    assert [item.what for item in risk.items] == ["Arrest", "Domestic abuse incident"]
    assert risk.items[0].summary == "", "social care has no involvement with him: no detail"


def test_the_police_see_the_detail_of_their_own_records() -> None:
    manager = the_two_records()
    decide(Candidate.objects.get(), same_person=True, by=manager, reason="PNC address history")
    officer = PractitionerFactory(team=TeamFactory(agency=Agency.objects.get(code="police")))
    from tests.factories import InvolvementFactory

    InvolvementFactory(person=_child(), agency=Agency.objects.get(code="police"))
    InvolvementFactory(
        person=PersonRecord.objects.get(source_id="P9").person,
        agency=Agency.objects.get(code="police"),
    )
    [risk] = _risks(officer)
    assert risk.items[0].summary == "Arrested for possession with intent to supply"


def test_an_adult_who_was_only_the_victim_is_not_shown_as_a_risk() -> None:
    manager = the_two_records()
    decide(Candidate.objects.get(), same_person=True, by=manager, reason="PNC address history")
    from threadline.chronology.models import EventPerson, SubjectRole

    EventPerson.objects.filter(event__source_id__in=["E7", "E8"]).update(role=SubjectRole.VICTIM)
    assert _risks(manager) == []
