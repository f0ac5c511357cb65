from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import (
    AgencyFactory,
    PersonFactory,
    PractitionerFactory,
    StatusEpisodeFactory,
    TeamFactory,
)
from tests.matching.family import the_two_records
from threadline import clock
from threadline.agencies.models import Agency
from threadline.matching.models import Candidate
from threadline.matching.services import decide
from threadline.network.risks import risks_through_network
from threadline.people.models import Person, PersonRecord
from threadline.people.selectors import NetworkLink, person_profile
from threadline.plans.models import Condition, Plan

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


def _link(adult: Person, *, can_open: bool) -> NetworkLink:
    return NetworkLink(adult, "Father", True, None, None, (), can_open)


def _condition_on_plan_of(child: Person, about: Person, text: str) -> Condition:
    worker = PractitionerFactory()
    plan = Plan.objects.create(
        child=child,
        episode=StatusEpisodeFactory(person=child),
        agency=worker.agency,
        reason_for_referral="Domestic abuse",
        focus="Domestic abuse",
        started_on=dt.date(2024, 1, 1),
        review_by=dt.date(2024, 4, 1),
        created_by=worker,
        created_at=clock.now(),
    )
    return Condition.objects.create(
        plan=plan,
        text=text,
        about=about,
        monitor_agency=AgencyFactory(name="Northshire Probation"),
        monitor_name="Sam Reid",
        agreed_on=dt.date(2024, 1, 2),
    )


def test_conditions_on_another_childs_plan_are_named_not_read_without_access() -> None:
    child, sister = PersonFactory(), PersonFactory()
    father = PersonFactory(date_of_birth=dt.date(1985, 1, 1))
    _condition_on_plan_of(child, father, "Contact with Kim supervised by her grandmother")
    _condition_on_plan_of(sister, father, "No contact with Lee while he is on bail")

    [risk] = risks_through_network(child, [_link(father, can_open=False)], contact={})
    assert [c.text for c in risk.conditions] == ["Contact with Kim supervised by her grandmother"]
    assert risk.conditions_elsewhere == ["Northshire Probation"]

    [risk] = risks_through_network(child, [_link(father, can_open=True)], contact={})
    assert len(risk.conditions) == 2 and risk.conditions_elsewhere == []


def _arrests(adult: Person, count: int, *, police: Agency, **fields) -> None:
    from tests.factories import EventFactory
    from threadline.chronology.vocabulary import EventType

    for days_ago in range(1, count + 1):
        EventFactory(
            agency=police,
            event_type=EventType.ARREST,
            occurred_at=clock.now() - dt.timedelta(days=days_ago),
            summary=f"Arrest {days_ago} days ago",
            people=[adult],
            **fields,
        )


def test_each_adult_shows_a_dozen_entries_newest_first_and_counts_the_rest() -> None:
    child, police = PersonFactory(), AgencyFactory(code="police", name="Northshire Police")
    father = PersonFactory(date_of_birth=dt.date(1985, 1, 1))
    uncle = PersonFactory(date_of_birth=dt.date(1980, 1, 1))
    _arrests(father, 15, police=police)
    _arrests(uncle, 3, police=police)
    network = [_link(father, can_open=True), _link(uncle, can_open=True)]

    father_risk, uncle_risk = risks_through_network(child, network, contact={})

    assert father_risk.adult == father and len(father_risk.items) == 12
    assert father_risk.items[0].summary == "Arrest 1 days ago"
    assert father_risk.items[-1].summary == "Arrest 12 days ago"
    assert father_risk.more == 3
    assert len(uncle_risk.items) == 3 and uncle_risk.more == 0, "the dozen is for each adult"


def test_restricted_entries_in_the_panel_name_their_category_not_their_words() -> None:
    from threadline.chronology.vocabulary import Sensitivity

    child, police = PersonFactory(), AgencyFactory(code="police", name="Northshire Police")
    father = PersonFactory(date_of_birth=dt.date(1985, 1, 1))
    _arrests(father, 1, police=police, sensitivity=Sensitivity.POLICE_INTELLIGENCE)
    social_worker = PractitionerFactory()

    [risk] = risks_through_network(
        child, [_link(father, can_open=True)], contact={}, viewer=social_worker
    )

    assert risk.items[0].what == "Arrest"
    assert risk.items[0].summary == (
        "Restricted: police intelligence held by Northshire Police. Ask them if you need it."
    )
    [risk] = risks_through_network(child, [_link(father, can_open=True)], contact={}, viewer=None)
    assert risk.items[0].summary == "Arrest 1 days ago", "Threadline itself reads every entry"
