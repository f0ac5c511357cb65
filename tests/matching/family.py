"""A child known to social care, her father as social care recorded him, and the same man as the
police recorded him: another birth date by a digit, an old address, no NHS number."""

from __future__ import annotations

from tests.factories import PractitionerFactory, TeamFactory
from tests.feeds.records import VALID_NHS, agency, event, involvement, lines, person, relationship
from threadline.agencies.models import Agency, Practitioner, Role
from threadline.feeds.services import ingest_feed


def social_care_feed() -> list[str]:
    return lines(
        agency("csc", "csc"),
        person("C1", nhs_number=VALID_NHS[0]),
        person(
            "C2",
            name={"given": "William", "family": "Hartley"},
            sex="male",
            date_of_birth="1988-07-14",
            addresses=[{"line1": "4 Mill Lane", "postcode": "NE1 4ST", "from": "2019-01-01"}],
        ),
        relationship("R1", "C2", "C1", parental_responsibility=True),
        involvement("I1", "C1", team="Assessment Team", team_kind="assessment"),
    )


def police_feed() -> list[str]:
    return lines(
        agency("police", "police"),
        person(
            "P9",
            "police",
            name={"given": "Bill", "family": "Hartley"},
            sex="male",
            date_of_birth="1988-07-04",
            addresses=[{"line1": "12 Quay Road", "postcode": "NE2 1AA"}],
        ),
        event(
            "E7",
            [{"person": "P9", "role": "alleged_perpetrator"}],
            agency="police",
            type="domestic_abuse_incident",
            occurred="2023-11-02T22:10",
            summary="Former partner assaulted at her address; he left before officers arrived",
            reliability="verified",
        ),
        event(
            "E8",
            [{"person": "P9", "role": "subject"}],
            agency="police",
            type="arrest",
            occurred="2024-01-15T09:00",
            summary="Arrested for possession with intent to supply",
            reliability="verified",
        ),
    )


def the_two_records() -> Practitioner:
    """Both feeds in, and a social care team manager who reviews matches."""
    ingest_feed(social_care_feed())
    ingest_feed(police_feed())
    csc = Agency.objects.get(code="csc")
    return PractitionerFactory(team=TeamFactory(agency=csc), role=Role.TEAM_MANAGER)
