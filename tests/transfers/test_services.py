"""Sending a case: the notice in the chronology, the signed pack; trusting another authority."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.checks.family import at, feed
from tests.meetings.conftest import Family
from tests.transfers.conftest import REFERRAL, SENDER, TRANSFER_BASIS, moving, send
from threadline.checks.models import OPEN_STATES, Alert, AlertState, Resolution
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType
from threadline.transfers import signing
from threadline.transfers.models import TransferOut, TrustedAuthority
from threadline.transfers.services import send_transfer, trust_authority
from threadline.transfers.verify import TransferError

pytestmark = pytest.mark.django_db


def test_sending_notifies_in_the_chronology_and_signs_the_pack(family: Family) -> None:
    moving(family)
    transfer = send(family)
    notice = Event.objects.get(event_type=EventType.TRANSFER_NOTIFIED)
    assert notice.agency.code == "csc" and notice.counterpart is None
    assert notice.summary.startswith("Transfer to Southshire County Council notified")
    assert f"Original reason for referral: {REFERRAL}" in notice.detail
    assert "Receiving authority: Southshire County Council" in notice.detail
    assert notice.refers_to is not None and notice.refers_to.source_id == "move-1"
    signed = json.loads(transfer.signed)
    assert signed["key_id"] == SENDER == signed["pack"]["sending_authority"]["code"]
    key = signing.private_key().public_key()
    assert signing.verify(signed["pack"], signed["signature"], key)
    assert transfer.digest == signing.digest(signed["pack"])
    assert notice.source_id.removeprefix("csc:") in {
        e["id"].split(":", 1)[1] for e in signed["pack"]["chronology"]
    }, "the pack's chronology includes the notice itself"


def test_the_receiving_authority_is_the_counterpart_when_registered(family: Family) -> None:
    moving(family)
    feed(
        {
            "kind": "agency",
            "code": "southshire",
            "name": "Southshire children's services",
            "agency_kind": "csc",
        }
    )
    transfer = send(family, receiving="southshire")
    assert (transfer.receiving_code, transfer.receiving_name) == (
        "southshire",
        "Southshire children's services",
    )
    notice = Event.objects.get(event_type=EventType.TRANSFER_NOTIFIED)
    assert notice.counterpart is not None and notice.counterpart.code == "southshire"


def test_the_notice_resolves_shr_11_for_the_sender(family: Family) -> None:
    moving(family)
    watched = Alert.objects.get(check_id="SHR-11", occurrence__endswith=":notified")
    assert watched.state == AlertState.WATCHING
    send(family)
    watched.refresh_from_db()
    assert (watched.state, watched.resolution) == (AlertState.RESOLVED, Resolution.DONE)


@pytest.mark.parametrize(
    ("field", "receiving", "reason"),
    [
        ("receiving_authority", " ", "Moved"),
        ("receiving_authority", "csc", "Moved"),
        ("receiving_authority", SENDER, "Moved"),
        ("reason", "Southshire", "  "),
        ("reason", "Southshire", "x" * 4001),
    ],
)
def test_bad_input_is_refused_by_name(
    family: Family, field: str, receiving: str, reason: str
) -> None:
    moving(family)
    with pytest.raises(TransferError) as refused:
        send_transfer(
            family.child,
            by=family.worker,
            receiving_authority=receiving,
            reason=reason,
            basis=TRANSFER_BASIS,
        )
    assert refused.value.field == field
    assert not TransferOut.objects.exists()
    assert not Event.objects.filter(event_type=EventType.TRANSFER_NOTIFIED).exists()


def test_only_social_care_transfers_a_case(family: Family) -> None:
    moving(family)
    with pytest.raises(TransferError) as refused:
        send_transfer(
            family.child,
            by=family.staff["police"],
            receiving_authority="Southshire",
            reason="Moved",
            basis=TRANSFER_BASIS,
        )
    assert refused.value.field == "user"
    assert not TransferOut.objects.exists()


def test_trusting_an_authority_checks_its_key(family: Family) -> None:
    pem = signing.public_pem(Ed25519PrivateKey.generate().public_key())
    at("2024-03-02")
    trusted = trust_authority(code="westshire", name="Westshire Council", public_key_pem=pem)
    assert (trusted.code, trusted.name, trusted.public_key_pem) == (
        "westshire",
        "Westshire Council",
        pem,
    )
    assert trust_authority(code="westshire", name="Westshire", public_key_pem=pem).pk == trusted.pk
    other = signing.public_pem(Ed25519PrivateKey.generate().public_key())
    with pytest.raises(TransferError) as refused:
        trust_authority(code="westshire", name="Westshire", public_key_pem=other)
    assert refused.value.field == "code"
    replaced = trust_authority(
        code="westshire", name="Westshire", public_key_pem=other, replace=True
    )
    assert replaced.public_key_pem == other
    for code, key, field in [("West Shire", pem, "code"), ("east", "not a key", "public_key")]:
        with pytest.raises(TransferError) as refused:
            trust_authority(code=code, name="X", public_key_pem=key)
        assert refused.value.field == field
    assert TrustedAuthority.objects.count() == 1


def test_no_open_shr_11_notice_once_sent(family: Family) -> None:
    moving(family)
    send(family)
    assert not Alert.objects.filter(
        check_id="SHR-11", occurrence__endswith=":notified", state__in=OPEN_STATES
    ).exists()


def test_the_sharing_decision_is_recorded_with_the_transfer(family: Family) -> None:
    from threadline.sharing.models import SharingDecision

    moving(family)
    transfer = send(family)
    decision = SharingDecision.objects.get()
    assert decision.transfer == transfer and decision.person == family.child
    assert (decision.lawful_basis, decision.consent) == ("public_task", "given")
    assert decision.shared_with == "Southshire County Council"


def test_a_transfer_without_a_complete_sharing_decision_sends_nothing(family: Family) -> None:
    from dataclasses import replace

    moving(family)
    with pytest.raises(TransferError) as refused:
        send_transfer(
            family.child,
            by=family.worker,
            receiving_authority="Southshire",
            reason="The family moved; the plan continues there.",
            basis=replace(TRANSFER_BASIS, consent="overridden"),
        )
    assert refused.value.field == "consent_note"
    assert not TransferOut.objects.exists()
