"""A synthetic family known to three agencies, for the web and browser tests.

Names are invented (faker en_GB, or plain common names where a test needs to misspell them).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from tests.factories import (
    AgencyFactory,
    EventFactory,
    InvolvementFactory,
    PersonFactory,
    PractitionerFactory,
    RelationshipFactory,
    StatusEpisodeFactory,
    TeamFactory,
)
from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Practitioner, TeamKind
from threadline.casework.census import CategoryOfAbuse, ReferralSource
from threadline.casework.models import EpisodeKind
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import DatePrecision, EventType, Reliability, Significance
from threadline.feeds.services import ingest_feed
from threadline.people.models import (
    Address,
    NameKind,
    Person,
    PersonName,
    RelationshipKind,
    Sex,
)
from threadline.people.names import soundex

PASSWORD = "correct horse battery staple"
TODAY = dt.date(2024, 6, 3)
NOW = dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.UTC)


@dataclass
class Family:
    social_care: Agency
    police: Agency
    health_visiting: Agency
    school: Agency
    worker: Practitioner  # the child's allocated social worker
    team_mate: Practitioner  # same team, not allocated
    officer: Practitioner  # police: involved through their agency
    outsider: Practitioner  # a school with no involvement: must never see the child
    child: Person
    mother: Person
    father: Person
    stepfather: Person


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def add_other_name(person: Person, agency: Agency, given: str, family: str) -> PersonName:
    return PersonName.objects.create(
        person=person,
        agency=agency,
        given_name=given,
        family_name=family,
        kind=NameKind.ALIAS,
        given_key=soundex(given),
        family_key=soundex(family),
    )


def build_family() -> Family:
    clock.set_now(NOW)
    social_care = AgencyFactory(
        code="csc", name="Northshire Children's Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE
    )
    police = AgencyFactory(code="police", name="Northshire Police", kind=AgencyKind.POLICE)
    health_visiting = AgencyFactory(
        code="hv", name="Northshire Health Visiting", kind=AgencyKind.HEALTH_VISITING
    )
    school = AgencyFactory(code="school", name="Riverside Primary", kind=AgencyKind.EDUCATION)
    cp_team = TeamFactory(
        agency=social_care, name="Child Protection Team", kind=TeamKind.CHILD_PROTECTION
    )
    worker = PractitionerFactory(
        username="sw.allocated", first_name="Priya", last_name="Chandra", team=cp_team
    )
    team_mate = PractitionerFactory(username="sw.teammate", team=cp_team)
    officer = PractitionerFactory(
        username="pc.officer",
        team=TeamFactory(agency=police, name="Public Protection", kind=TeamKind.PUBLIC_PROTECTION),
    )
    outsider = PractitionerFactory(
        username="dsl.outsider",
        team=TeamFactory(agency=school, name="Safeguarding", kind=TeamKind.SAFEGUARDING),
    )

    child = PersonFactory(
        given_name="John",
        family_name="Smith",
        date_of_birth=dt.date(2019, 4, 3),
        sex=Sex.MALE,
        nhs_number="9434765919",
        language="English",
    )
    mother = PersonFactory(sex=Sex.FEMALE, date_of_birth=dt.date(1998, 1, 20))
    father = PersonFactory(sex=Sex.MALE, date_of_birth=dt.date(1995, 7, 9))
    stepfather = PersonFactory(sex=Sex.MALE, date_of_birth=dt.date(1990, 2, 14))
    add_other_name(child, police, "Johnny", "Smyth-Jones")
    Address.objects.create(
        person=child,
        agency=social_care,
        line1="14 Mill Lane",
        town="Northtown",
        postcode="NT1 4AB",
        lived_from=dt.date(2023, 9, 1),
    )
    Address.objects.create(
        person=child,
        agency=health_visiting,
        line1="2 Station Road",
        town="Southtown",
        postcode="ST2 9ZZ",
        lived_from=dt.date(2019, 4, 3),
        lived_to=dt.date(2023, 8, 31),
    )

    RelationshipFactory(
        agency=social_care,
        person=mother,
        relative=child,
        kind=RelationshipKind.PARENT,
        parental_responsibility=True,
    )
    RelationshipFactory(
        agency=police,
        person=father,
        relative=child,
        kind=RelationshipKind.PARENT,
        parental_responsibility=True,
    )
    RelationshipFactory(
        agency=social_care,
        person=stepfather,
        relative=child,
        kind=RelationshipKind.STEP_PARENT,
        ended_on=dt.date(2023, 1, 31),
    )

    InvolvementFactory(
        agency=social_care,
        person=child,
        team=cp_team,
        lead_practitioner=worker,
        opened_on=dt.date(2023, 10, 2),
        reason="Child protection plan",
    )
    InvolvementFactory(
        agency=police, person=child, lead_practitioner=officer, opened_on=dt.date(2024, 1, 5)
    )
    InvolvementFactory(
        agency=health_visiting,
        person=child,
        lead_practitioner_name="Hannah Okafor (HV)",
        opened_on=dt.date(2019, 4, 10),
    )
    InvolvementFactory(
        agency=social_care, person=mother, team=cp_team, opened_on=dt.date(2023, 10, 2)
    )

    StatusEpisodeFactory(
        agency=social_care,
        person=child,
        kind=EpisodeKind.EARLY_HELP,
        started_on=dt.date(2022, 3, 1),
        ended_on=dt.date(2023, 9, 30),
        reason="Health visitor worried about home conditions and missed health appointments",
        referral_source=ReferralSource.HEALTH_VISITOR,
    )
    StatusEpisodeFactory(
        agency=social_care,
        person=child,
        kind=EpisodeKind.CHILD_IN_NEED,
        started_on=dt.date(2023, 10, 2),
        reason="Stepped up after domestic abuse incident",
    )
    StatusEpisodeFactory(
        agency=social_care,
        person=child,
        kind=EpisodeKind.CHILD_PROTECTION,
        started_on=dt.date(2024, 2, 12),
        category_of_abuse=CategoryOfAbuse.NEGLECT,
        reason="Initial child protection conference: neglect",
    )

    EventFactory(
        agency=health_visiting,
        event_type=EventType.REFERRAL,
        occurred_at=at(dt.date(2022, 2, 20)),
        summary="Referral to early help: home conditions",
        people=[child, mother],
    )
    EventFactory(
        agency=police,
        event_type=EventType.DOMESTIC_ABUSE_INCIDENT,
        occurred_at=at(dt.date(2023, 9, 28), 23),
        precision=DatePrecision.MINUTE,
        summary="Police called to the home: argument between parents",
        detail="Neighbour reported shouting. Child asleep upstairs.\nFather left before police arrived.",
        reliability=Reliability.THIRD_PARTY,
        significance=Significance.CRITICAL,
        practitioner=officer,
        people=[child, mother, father],
    )
    EventFactory(
        agency=social_care,
        event_type=EventType.HOME_VISIT,
        occurred_at=at(dt.date(2024, 5, 20)),
        summary="Home visit: John seen alone in his bedroom",
        practitioner=worker,
        significance=Significance.SIGNIFICANT,
        people=[child],
    )
    EventFactory(
        agency=health_visiting,
        event_type=EventType.MISSED_APPOINTMENT,
        occurred_at=at(dt.date(2023, 3, 1)),
        precision=DatePrecision.MONTH,
        summary="Two-year review not attended",
        reliability=Reliability.SELF_REPORTED,
        practitioner_name="Hannah Okafor",
        people=[child],
    )
    return Family(
        social_care=social_care,
        police=police,
        health_visiting=health_visiting,
        school=school,
        worker=worker,
        team_mate=team_mate,
        officer=officer,
        outsider=outsider,
        child=child,
        mother=mother,
        father=father,
        stepfather=stepfather,
    )


def many_events(family: Family, count: int, *, agency: Agency | None = None) -> list[Event]:
    """``count`` routine case notes, one a day back from the day before the fixed today."""
    source = agency or family.social_care
    return [
        EventFactory(
            agency=source,
            event_type=EventType.NOTE,
            occurred_at=at(TODAY - dt.timedelta(days=day + 1), 8),
            summary=f"Case note {day}",
            people=[family.child],
        )
        for day in range(count)
    ]


def feed(*records: dict[str, Any]) -> None:
    """Send records through the real ingest, as an agency system would."""
    ingest_feed([json.dumps(record) for record in records])
