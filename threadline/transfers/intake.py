"""Writing a verified pack into this Threadline through the feed ingest.

Every record is written as the record of one agency standing for the sending authority
(``la-<code>``, children's social care), so the imported history shows as the other authority's,
with each entry's original agency and practitioner named on it. Ids are the sending Threadline's
own, so importing the same pack again changes nothing, and a later pack from the same authority
brings only what changed (a changed event becomes a new version, as with any feed).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Practitioner
from threadline.feeds.results import FeedRejected, IngestSummary
from threadline.feeds.services import ingest_feed
from threadline.people.models import Person, PersonRecord
from threadline.transfers.models import TrustedAuthority
from threadline.transfers.verify import TransferError, VerifiedPack

MAX_ID = 100
MAX_DETAIL = 20000
CENSUS_CODES = ("referral_source", "primary_need", "category_of_abuse", "closure_reason")


@dataclass(frozen=True)
class Line:
    """One feed record, and the part of the pack it came from (for errors)."""

    record: dict[str, Any]
    where: str


def sender_code(authority: TrustedAuthority) -> str:
    return f"la-{authority.code}"


def feed_id(pack_id: str) -> str:
    """A pack id as a feed id (at most 100 characters; longer ones keep a readable start)."""
    if len(pack_id) <= MAX_ID:
        return pack_id
    tail = hashlib.sha256(pack_id.encode()).hexdigest()[:16]
    return f"{pack_id[: MAX_ID - 17].rstrip()}~{tail}"


def write_pack(verified: VerifiedPack, by: Practitioner) -> tuple[Person, IngestSummary]:
    """Write the pack's records; the caller holds the transaction. Returns the child here."""
    lines = records_for(verified, by)
    try:
        summary = ingest_feed([json.dumps(line.record) for line in lines])
    except FeedRejected as rejected:
        error = rejected.errors[0]
        where = lines[error.line - 1].where if 0 < error.line <= len(lines) else "pack"
        raise TransferError(f"{where} ({error.field})", error.message) from rejected
    code = sender_code(verified.authority)
    record = PersonRecord.objects.select_related("person").get(
        agency__code=code, source_id=verified.pack["child"]["ref"]
    )
    return record.person, summary


def records_for(verified: VerifiedPack, by: Practitioner) -> list[Line]:
    pack, authority = verified.pack, verified.authority
    code = sender_code(authority)
    lines = list(_agency(pack, authority))
    lines.append(Line(_person(code, pack["child"]), "pack.child"))
    for index, person in enumerate(pack["network"]["people"]):
        lines.append(Line(_person(code, person), f"pack.network.people.{index}"))
    for index, rel in enumerate(pack["network"]["relationships"]):
        lines.append(Line(_relationship(code, rel), f"pack.network.relationships.{index}"))
    lines += _involvements(code, pack, authority, by)
    for index, episode in enumerate(pack["status_episodes"]):
        lines.append(Line(_episode(code, pack, episode), f"pack.status_episodes.{index}"))
    if pack["plan"] is not None:
        for index, outcome in enumerate(pack["plan"]["outcomes"]):
            where = f"pack.plan.outcomes.{index}"
            lines.append(Line(_outcome(code, pack["plan"], outcome), where))
    ids = {entry["id"] for entry in pack["chronology"]}
    for index, entry in enumerate(pack["chronology"]):
        lines.append(Line(_event(code, authority, entry, ids), f"pack.chronology.{index}"))
    return lines


def _agency(pack: dict[str, Any], authority: TrustedAuthority) -> Iterable[Line]:
    code = sender_code(authority)
    existing = Agency.objects.filter(code=code).first()
    if existing is not None:
        if existing.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
            raise TransferError(
                "pack.sending_authority.code",
                f"agency '{code}' is registered here as {existing.get_kind_display().lower()}, "
                "not as the children's social care of another authority",
            )
        return
    sender = pack["sending_authority"]
    yield Line(
        {
            "kind": "agency",
            "code": code,
            "name": authority.name[:200],
            "agency_kind": AgencyKind.CHILDRENS_SOCIAL_CARE,
            "nation": sender["nation"],
            "local_authority": sender["local_authority"],
        },
        "pack.sending_authority",
    )


def _person(code: str, person: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": "person",
        "agency": code,
        "id": person["ref"],
        "name": person["name"],
        "other_names": person["other_names"],
        "date_of_birth": person["date_of_birth"],
        "expected_date_of_birth": person["expected_date_of_birth"],
        "date_of_death": person["date_of_death"],
        "sex": person["sex"],
        "identifiers": person["identifiers"],
        "addresses": person["addresses"],
    }
    for name in ("nhs_number", "language"):
        if person[name]:
            record[name] = person[name]
    return record


def _relationship(code: str, rel: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "relationship",
        "agency": code,
        "id": feed_id(rel["id"]),
        "person": rel["person"],
        "relative": rel["relative"],
        "type": rel["type"],
        "parental_responsibility": rel["parental_responsibility"],
        "from": rel["from"],
        "to": rel["to"],
    }


def _involvements(
    code: str, pack: dict[str, Any], authority: TrustedAuthority, by: Practitioner
) -> list[Line]:
    """The sending authority's work with the child (its lead is invited to the transfer-in
    conference), and this authority's, which gives its staff need-to-know access."""
    child = pack["child"]["ref"]
    lead = next(
        (
            c
            for c in pack["contacts"]
            if c["with"] == child and c["agency"]["kind"] == AgencyKind.CHILDRENS_SOCIAL_CARE
        ),
        None,
    )
    sending = {
        "kind": "involvement",
        "agency": code,
        "id": f"transfer-{child}",
        "person": child,
        "lead_practitioner": lead["lead_practitioner"] if lead else pack["sent_by"]["name"],
        "reason": f"Transferring the case: {pack['reason']}"[:500],
        "opened": lead["since"] if lead else pack["generated_at"][:10],
    }
    lines = [Line(sending, "pack.contacts")]
    assert by.agency is not None
    own_id = f"tl-transfer-in-{authority.code}-{child}"[:MAX_ID]
    if not by.agency.involvements.filter(source_id=own_id).exists():
        receiving: dict[str, Any] = {
            "kind": "involvement",
            "agency": by.agency.code,
            "id": own_id,
            "person": {"agency": code, "id": child},
            "lead_practitioner": (by.get_full_name() or by.username)[:200],
            "lead_practitioner_username": by.username,
            "reason": f"Case transferred in from {authority.name}"[:500],
            "opened": clock.today().isoformat(),
        }
        if by.team is not None:
            receiving.update(team=by.team.name, team_kind=by.team.kind)
        lines.append(Line(receiving, "(this authority's involvement)"))
    return lines


def _episode(code: str, pack: dict[str, Any], episode: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": "status_episode",
        "agency": code,
        "id": feed_id(episode["id"]),
        "person": pack["child"]["ref"],
        "status": episode["status"],
        "start": episode["start"],
        "reason": episode["reason"],
        "end_reason": episode["end_reason"],
        "factors": episode["factors"],
    }
    if episode["end"]:
        record["end"] = episode["end"]
    record.update({name: episode[name] for name in CENSUS_CODES if episode[name]})
    return record


def _outcome(code: str, plan: dict[str, Any], outcome: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "plan_outcome",
        "agency": code,
        "id": feed_id(outcome["id"]),
        "episode": feed_id(plan["episode"]),
        "risk": outcome["risk"],
        "change_wanted": outcome["change_wanted"],
        "achieve_by": outcome["achieve_by"],
        "consequence": outcome["consequence"],
        "written": outcome["written"],
    }


def _event(
    code: str, authority: TrustedAuthority, entry: dict[str, Any], ids: set[str]
) -> dict[str, Any]:
    """A chronology entry as the sending authority's record, naming who first recorded it."""
    agency = entry["agency"]["name"]
    practitioner = f"{entry['practitioner']}, {agency}" if entry["practitioner"] else agency
    provenance = (
        f"From {authority.name}'s record, received in a signed transfer pack; first recorded "
        f"by {agency}."
    )
    detail = entry["detail"][: MAX_DETAIL - len(provenance) - 2]
    record: dict[str, Any] = {
        "kind": "event",
        "agency": code,
        "id": feed_id(entry["id"]),
        "type": entry["type"],
        "occurred": entry["date"],
        "recorded": entry["recorded_at"],
        "people": [{"person": p["ref"], "role": p["role"]} for p in entry["people"]],
        "summary": entry["summary"],
        "detail": f"{detail}\n\n{provenance}" if detail else provenance,
        "practitioner": practitioner[:200],
        "reliability": entry["reliability"],
        "significance": entry["significance"],
    }
    for name in ("outcome", "due"):
        if entry[name]:
            record[name] = entry[name]
    if entry["refers_to"] in ids:
        record["refers_to"] = feed_id(entry["refers_to"])
    return record
