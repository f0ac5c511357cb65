"""Changes for transfers between local authorities: trust another authority's key, send a case
(notify, sign the pack), take one in (verify, write, book the transfer-in conference).

Each runs in one transaction; bad input raises ``TransferError`` naming the field, and nothing
is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Nation, Practitioner
from threadline.checks.rules.shr_11 import TRANSFER_IN_DAYS
from threadline.chronology.models import EventPerson, SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.feeds.services import ingest_feed
from threadline.meetings.models import Meeting, MeetingKind, MeetingStatus
from threadline.meetings.selectors import proposed_invitations, reason_for_referral
from threadline.meetings.services import MeetingError, book_meeting
from threadline.people.models import Person, PersonRecord
from threadline.sharing.models import SharingKind
from threadline.sharing.services import SharingBasis, SharingError, checked, record_sharing
from threadline.transfers.export import Authority, authority_of, build_pack
from threadline.transfers.intake import write_pack
from threadline.transfers.models import (
    AUTHORITY_CODE_PATTERN,
    AUTHORITY_CODE_WORDS,
    TransferIn,
    TransferOut,
    TrustedAuthority,
)
from threadline.transfers.signing import digest, private_key, public_key_from_pem, public_pem, sign
from threadline.transfers.verify import TransferError, read_signed
from threadline.workingdays import add_working_days, next_working_day

MAX_REASON = 4000
CONFERENCE_TIME = dt.time(10)

__all__ = ["TransferError", "import_pack", "send_transfer", "trust_authority"]


def _social_care(by: Practitioner, doing: str) -> Agency:
    if by.agency is None or by.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
        raise TransferError("user", f"{doing} is done by children's social care")
    return by.agency


# Trust.


@transaction.atomic
def trust_authority(
    *, code: str, name: str, public_key_pem: str, replace: bool = False
) -> TrustedAuthority:
    """Accept transfer packs signed with this key as coming from authority ``code``."""
    code, name = code.strip(), name.strip()
    if not re.fullmatch(AUTHORITY_CODE_PATTERN, code):
        raise TransferError("code", f"'{code}' is not an authority code ({AUTHORITY_CODE_WORDS})")
    if not name:
        raise TransferError("name", "give the authority's name")
    try:
        key = public_key_from_pem(public_key_pem)
    except ValueError as error:
        raise TransferError("public_key", str(error)) from error
    pem = public_pem(key)
    existing = TrustedAuthority.objects.filter(code=code).first()
    if existing is not None and existing.public_key_pem != pem and not replace:
        raise TransferError(
            "code", f"'{code}' is already trusted with another key; replace it deliberately"
        )
    if existing is None:
        return TrustedAuthority.objects.create(
            code=code, name=name, public_key_pem=pem, added_at=clock.now()
        )
    existing.name, existing.public_key_pem = name, pem
    if replace:
        existing.added_at = clock.now()
    existing.save()
    return existing


# Sending.


def receiving_of(value: str) -> Authority:
    """The receiving authority: a registered agency or trusted authority by its code, or else
    the name as typed."""
    text = value.strip()
    if not text:
        raise TransferError("receiving_authority", "name the local authority the family moved to")
    agency = Agency.objects.filter(code=text).first()
    if agency is not None:
        return Authority(code=agency.code, name=agency.name)
    trusted = TrustedAuthority.objects.filter(code=text).first()
    if trusted is not None:
        return Authority(code=trusted.code, name=trusted.name)
    return Authority(code="", name=text[:200])


@transaction.atomic
def send_transfer(
    child: Person,
    *,
    by: Practitioner,
    receiving_authority: str,
    reason: str,
    basis: SharingBasis,
) -> TransferOut:
    """Notify the receiving authority in the chronology and sign the child's transfer pack, with
    the sharing decision (lawful basis, consent) recorded beside it."""
    agency = _social_care(by, "transferring a case to another authority")
    receiving = receiving_of(receiving_authority)
    ourselves = {agency.code, authority_of(agency).code, agency.name.casefold()}
    if {receiving.code, receiving.name.casefold(), receiving_authority.strip()} & ourselves:
        raise TransferError(
            "receiving_authority", "is this authority: a transfer goes to another one"
        )
    if not reason.strip():
        raise TransferError(
            "reason", "say why the case transfers: the move, and what the new team must know"
        )
    if len(reason.strip()) > MAX_REASON:
        raise TransferError("reason", f"keep it to {MAX_REASON} characters")
    try:
        basis = checked(basis)
    except SharingError as problem:
        raise TransferError(problem.field, problem.message) from problem
    transfer = TransferOut.objects.create(
        child=child,
        agency=agency,
        receiving_code=receiving.code,
        receiving_name=receiving.name,
        reason=reason.strip(),
        sent_by=by,
        sent_at=clock.now(),
    )
    ingest_feed([json.dumps(_notice(transfer, by))])
    pack = build_pack(child, by=by, receiving_authority=receiving, reason=transfer.reason)
    signed = {"pack": pack, "signature": sign(pack, private_key()), "key_id": _key_id(pack)}
    transfer.signed = json.dumps(signed, ensure_ascii=False, indent=1) + "\n"
    transfer.digest = digest(pack)
    transfer.save(update_fields=["signed", "digest"])
    record_sharing(
        child,
        by=by,
        from_agency=agency,
        kind=SharingKind.TRANSFER_PACK,
        shared_with=receiving.name,
        basis=basis,
        transfer=transfer,
    )
    return transfer


def _key_id(pack: dict[str, Any]) -> str:
    return str(pack["sending_authority"]["code"])


def _reference(person: Person, agency: Agency) -> dict[str, str]:
    records = PersonRecord.objects.filter(person=person).select_related("agency")
    record = min(records, key=lambda r: (r.agency_id != agency.pk, r.pk))
    return {"agency": record.agency.code, "id": record.source_id}


def _counterpart(code: str) -> Agency | None:
    if not code:
        return None
    return Agency.objects.filter(code__in=[code, f"la-{code}"]).order_by("code").first()


def _notice(transfer: TransferOut, by: Practitioner) -> dict[str, Any]:
    """The chronology's record that the receiving authority was told (SHR-11)."""
    child, name = transfer.child, transfer.receiving_name
    record: dict[str, Any] = {
        "kind": "event",
        "agency": transfer.agency.code,
        "id": f"tl-transfer-{transfer.pk}-notified",
        "type": EventType.TRANSFER_NOTIFIED,
        "occurred": transfer.sent_at.isoformat(),
        "people": [_reference(child, transfer.agency)],
        "summary": f"Transfer to {name} notified: chronology, plan, network and contacts sent"[
            :500
        ],
        "detail": "\n".join(
            [
                f"Original reason for referral: {reason_for_referral([child])}",
                f"Receiving authority: {name}",
                f"Why the case transfers: {transfer.reason}",
                "Sent as a signed transfer pack with a printable transfer document.",
            ]
        ),
        "practitioner": (by.get_full_name() or by.username)[:200],
        "practitioner_username": by.username,
        "reliability": "verified",
        "significance": "significant",
    }
    counterpart = _counterpart(transfer.receiving_code)
    if counterpart is not None:
        record["counterpart"] = counterpart.code
    move = _latest_move(child)
    if move is not None:
        record["refers_to"] = move
    return record


def _latest_move(child: Person) -> dict[str, str] | None:
    link = (
        EventPerson.objects.filter(
            person=child,
            is_current=True,
            event_type=EventType.ADDRESS_MOVE,
            event__outcome=Outcome.MOVED_OUT_OF_AREA,
        )
        .exclude(role=SubjectRole.MENTIONED)
        .select_related("event", "agency")
        .order_by("-occurred_at", "-event_id")
        .first()
    )
    if link is None:
        return None
    return {"agency": link.agency.code, "id": link.event.source_id}


# Taking a case in.


@dataclass(frozen=True)
class Imported:
    transfer: TransferIn
    created: bool


def conference_window(pack: dict[str, Any], nation: str) -> tuple[dt.date, dt.date]:
    """The first and last days the transfer-in conference can be held: 15 working days from
    the import, and from the move where the pack records one; never earlier than tomorrow."""
    today = clock.today()
    latest = add_working_days(today, TRANSFER_IN_DAYS, nation)
    if pack["move"] is not None:
        moved = dt.date.fromisoformat(pack["move"]["date"])
        latest = min(latest, add_working_days(moved, TRANSFER_IN_DAYS, nation))
    earliest = next_working_day(today, nation)
    return earliest, max(latest, earliest)


def import_pack(data: bytes, *, by: Practitioner, conference_on: dt.date | None = None) -> Imported:
    """Verify a signed pack, write the child's case into this Threadline as the sending
    authority's records, and book the transfer-in conference (on ``conference_on``, or the last
    day its timescale allows). The same pack imported again changes nothing."""
    agency = _social_care(by, "taking in a transfer")
    verified = read_signed(data)
    existing = TransferIn.objects.filter(digest=verified.digest).first()
    if existing is not None:
        return Imported(existing, created=False)
    nation = agency.nation or Nation.ENGLAND
    earliest, latest = conference_window(verified.pack, nation)
    day = conference_on or latest
    if not earliest <= day <= latest:
        raise TransferError(
            "conference_on",
            f"the transfer-in conference must be between {earliest:%d %B %Y} and {latest:%d %B %Y}",
        )
    with transaction.atomic():
        child, _summary = write_pack(verified, by)
        meeting = _conference(child, by, day)
        transfer = TransferIn.objects.create(
            authority=verified.authority,
            child=child,
            digest=verified.digest,
            generated_at=dt.datetime.fromisoformat(verified.pack["generated_at"]),
            signed=verified.text,
            imported_by=by,
            imported_at=clock.now(),
            meeting=meeting,
        )
    return Imported(transfer, created=True)


def _conference(child: Person, by: Practitioner, day: dt.date) -> Meeting:
    """The transfer-in conference, inviting every agency working with the child here and the
    parents; one already booked for the child is kept."""
    booked = Meeting.objects.filter(
        children=child, kind=MeetingKind.TRANSFER_IN, status=MeetingStatus.SCHEDULED
    ).first()
    if booked is not None:
        return booked
    proposals = proposed_invitations(MeetingKind.TRANSFER_IN, [child], clock.today())
    when = dt.datetime.combine(day, CONFERENCE_TIME, tzinfo=timezone.get_current_timezone())
    try:
        return book_meeting(
            kind=MeetingKind.TRANSFER_IN,
            children=[child],
            by=by,
            when=when,
            agencies=[p.agency for p in proposals if p.agency is not None],
            people=[p.person for p in proposals if p.person is not None],
        )
    except MeetingError as error:
        raise TransferError(f"conference.{error.field}", error.message) from error
