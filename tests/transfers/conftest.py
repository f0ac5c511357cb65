"""A child on a child protection plan whose family moves to another authority, and the two
Threadlines either side of the move: each with its own signing key, the receiving one trusting
the sender's."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from tests.checks.family import at, feed
from tests.factories import PractitionerFactory, TeamFactory
from tests.meetings.conftest import Family, family
from tests.plans.test_services import plan_for
from threadline.agencies.models import Agency, Practitioner, Role, TeamKind
from threadline.plans.services import add_condition, add_plan_action, record_evidence
from threadline.sharing.services import SharingBasis
from threadline.transfers import signing
from threadline.transfers.models import TransferOut, TrustedAuthority
from threadline.transfers.services import send_transfer, trust_authority

__all__ = ["family"]

NHS_NUMBER = "9434765919"
SENDER = "northshire-csc"  # the code Northshire's children's social care signs packs with
REFERRAL = "Domestic abuse between the parents, reported by the police"


@pytest.fixture(autouse=True)
def signing_key(settings: Any, tmp_path: Path) -> Iterator[Path]:
    """This Threadline's key lives in the test's own folder, never in the project's var/."""
    path = tmp_path / "sender" / "signing-key.pem"
    settings.THREADLINE_SIGNING_KEY_FILE = path
    yield path


# Sharing the pack: a statutory duty, safeguarding, and the family told.
TRANSFER_BASIS = SharingBasis(
    lawful_basis="public_task",
    special_condition="safeguarding",
    reason="Child protection plan transfers with the family; the new authority must continue it",
    consent="given",
)


def moving(family: Family) -> None:
    """Ada on a child protection plan with actions and a written agreement; her known name,
    school number and addresses; her mother's new partner; then the move out of the area."""
    plan = plan_for(family)  # ICPC on 18 March, CP plan from then, plan written on 20 March
    csc = family.agencies["csc"]
    add_plan_action(
        plan,
        by=family.worker,
        description="Health visitor to see Ada weekly",
        agency=family.agencies["health_visiting"],
        due_on=dt.date(2024, 4, 30),
        owner_name="Hana Visitor",
    )
    condition = add_condition(
        plan,
        by=family.worker,
        text="Carl not to return home until drug-free",
        about=family.father,
        monitor_agency=csc,
        monitor_name="Sam Worker",
    )
    at("2024-04-02")
    record_evidence(condition, by=family.worker, on=dt.date(2024, 4, 2), note="Negative test")
    feed(
        {
            "kind": "person",
            "agency": "csc",
            "id": "child",
            "name": {"given": "Ada", "family": "Marsh"},
            "other_names": [{"given": "Addie", "family": "Marsh", "kind": "known_as"}],
            "date_of_birth": "2019-06-01",
            "sex": "female",
            "nhs_number": NHS_NUMBER,
            "language": "English",
            "identifiers": [{"scheme": "upn", "value": "A123456789012"}],
            "addresses": [
                {
                    "line1": "1 Mill Lane",
                    "postcode": "NS1 1AA",
                    "from": "2019-06-01",
                    "to": "2024-04-08",
                    "local_authority": "Northshire",
                },
                {
                    "line1": "9 Harbour Road",
                    "postcode": "SS9 9ZZ",
                    "from": "2024-04-08",
                    "local_authority": "Southshire",
                },
            ],
        },
        {
            "kind": "person",
            "agency": "csc",
            "id": "partner",
            "name": {"given": "Dean", "family": "Pike"},
            "date_of_birth": "1988-01-01",
            "sex": "male",
        },
        {
            "kind": "relationship",
            "agency": "csc",
            "id": "r3",
            "person": "partner",
            "relative": "mother",
            "type": "partner",
            "from": "2024-01-01",
        },
        {
            "kind": "event",
            "agency": "gp",
            "id": "gp-1",
            "type": "missed_appointment",
            "occurred": "2023-11",
            "people": [{"agency": "csc", "id": "child"}],
            "summary": "Ada not brought to her immunisations",
            "reliability": "self_reported",
        },
    )
    at("2024-04-08", 15)
    feed(
        {
            "kind": "event",
            "agency": "police",
            "id": "pol-9",
            "type": "domestic_abuse_incident",
            "occurred": "2024-04-06T23:40:00+01:00",
            "people": [
                {"agency": "csc", "id": "child"},
                {"person": {"agency": "csc", "id": "mother"}, "role": "victim"},
            ],
            "summary": "Shouting heard; Dean Pike at the address",
            "detail": "Officers attended. Ada asleep upstairs.",
            "significance": "significant",
        },
        {
            "kind": "event",
            "agency": "csc",
            "id": "move-1",
            "type": "address_move",
            "occurred": "2024-04-08",
            "people": ["child", "mother"],
            "summary": "Family moved to 9 Harbour Road, Southshire",
            "outcome": "moved_out_of_area",
        },
    )


def send(family: Family, receiving: str = "Southshire County Council") -> TransferOut:
    at("2024-04-09", 11)
    return send_transfer(
        family.child,
        by=family.worker,
        receiving_authority=receiving,
        reason="The family moved to Southshire on 8 April 2024; the plan continues there.",
        basis=TRANSFER_BASIS,
    )


@dataclass
class Receiving:
    """The receiving authority's Threadline, after the move."""

    worker: Practitioner
    csc: Agency
    gp: Agency
    sender_pem: str


def become_receiving(settings: Any, tmp_path: Path, sender_pem: str) -> Receiving:
    """Empty the database and set up Southshire: its own key, its own agencies and staff, a GP
    who has registered Ada already, and trust in Northshire's key."""
    if connection.vendor == "postgresql":
        # The test's transaction holds deferred foreign-key checks, and PostgreSQL will not
        # truncate a table with checks pending: run them now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    settings.THREADLINE_SIGNING_KEY_FILE = tmp_path / "receiver" / "signing-key.pem"
    at("2024-04-10", 9)
    feed(
        {
            "kind": "agency",
            "code": "ss-csc",
            "name": "Southshire children's services",
            "agency_kind": "csc",
            "local_authority": "Southshire",
        },
        {"kind": "agency", "code": "ss-gp", "name": "Harbour Surgery", "agency_kind": "gp"},
        {
            "kind": "agency",
            "code": "ss-school",
            "name": "Harbour Primary",
            "agency_kind": "education",
        },
        {
            "kind": "person",
            "agency": "ss-gp",
            "id": "G-77",
            "name": {"given": "Ada", "family": "Marsh"},
            "date_of_birth": "2019-06-01",
            "sex": "female",
            "nhs_number": NHS_NUMBER,
        },
        {
            "kind": "involvement",
            "agency": "ss-gp",
            "id": "gp-inv",
            "person": "G-77",
            "opened": "2024-04-09",
        },
    )
    csc = Agency.objects.get(code="ss-csc")
    team = TeamFactory(agency=csc, name="Southshire CP team", kind=TeamKind.CHILD_PROTECTION)
    worker = PractitionerFactory(team=team, role=Role.PRACTITIONER, username="ss.worker")
    trust_authority(code=SENDER, name="Northshire Council", public_key_pem=sender_pem)
    return Receiving(
        worker=worker, csc=csc, gp=Agency.objects.get(code="ss-gp"), sender_pem=sender_pem
    )


@pytest.fixture
def sent(family: Family) -> TransferOut:
    moving(family)
    return send(family)


@pytest.fixture
def handed_over(sent: TransferOut, settings: Any, tmp_path: Path) -> tuple[bytes, Receiving]:
    """The signed pack as Northshire sent it, and Southshire ready to take it in."""
    data = sent.signed.encode("utf-8")
    pem = signing.own_public_pem()
    return data, become_receiving(settings, tmp_path, pem)


def signed_with(pack: dict[str, Any], key: Any = None, key_id: str = SENDER) -> bytes:
    """A pack signed with ``key`` (by default this Threadline's own), as a file's bytes."""
    key = key or signing.private_key()
    envelope = {"pack": pack, "signature": signing.sign(pack, key), "key_id": key_id}
    return json.dumps(envelope).encode("utf-8")


def trusted(code: str = SENDER) -> TrustedAuthority:
    return TrustedAuthority.objects.get(code=code)


def sender_key(tmp_path: Path) -> Any:
    """Northshire's private key, to sign altered packs as Northshire would."""
    return signing._load(tmp_path / "sender" / "signing-key.pem")
