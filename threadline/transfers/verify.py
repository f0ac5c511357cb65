"""Reading a signed transfer pack: who signed it, whether the signature holds, whether it is a
version this Threadline reads, and whether its content is well formed. Nothing here writes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import fastjsonschema

from threadline.transfers.models import TrustedAuthority
from threadline.transfers.schema import FORMAT, VERSION, pack_validator
from threadline.transfers.signing import digest, public_key_from_pem, verify

ENVELOPE_FIELDS = ("pack", "signature", "key_id")
_DATE_FORMS = {
    "year": re.compile(r"^\d{4}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "minute": re.compile(r"^\d{4}-\d{2}-\d{2}T"),
}


class TransferError(ValueError):
    """Refused: ``field`` names what was wrong (``pack.chronology.3.type``), and nothing was
    written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class VerifiedPack:
    pack: dict[str, Any]
    authority: TrustedAuthority
    digest: str
    text: str


def read_signed(data: bytes) -> VerifiedPack:
    """The pack in ``data``, once its signature and content are shown to be good."""
    text, envelope = _parse(data)
    authority = _signer(envelope)
    pack = envelope["pack"]
    key = public_key_from_pem(authority.public_key_pem)
    if not verify(pack, envelope["signature"], key):
        raise TransferError(
            "signature",
            f"does not match the pack: it was changed after it was signed, or it was not signed "
            f"with {authority.name}'s key",
        )
    _check_version(pack)
    _check_schema(pack)
    _check_meaning(pack, authority)
    return VerifiedPack(pack=pack, authority=authority, digest=digest(pack), text=text)


def _parse(data: bytes) -> tuple[str, dict[str, Any]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TransferError("file", f"is not UTF-8 text (byte {error.start})") from error
    try:
        envelope = json.loads(text)
    except json.JSONDecodeError as error:
        raise TransferError(
            "file", f"is not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from error
    if not isinstance(envelope, dict):
        raise TransferError("file", "is not a signed transfer pack (a JSON object)")
    for name in ENVELOPE_FIELDS:
        if name not in envelope:
            raise TransferError(name, "is missing: this is not a signed transfer pack")
    unknown = sorted(set(envelope) - set(ENVELOPE_FIELDS))
    if unknown:
        raise TransferError(unknown[0], "is not a field of a signed transfer pack")
    if not isinstance(envelope["pack"], dict):
        raise TransferError("pack", "must be a JSON object")
    for name in ("signature", "key_id"):
        if not isinstance(envelope[name], str):
            raise TransferError(name, "must be a string")
    return text, envelope


def _signer(envelope: dict[str, Any]) -> TrustedAuthority:
    code = envelope["key_id"]
    authority = TrustedAuthority.objects.filter(code=code).first()
    if authority is None:
        raise TransferError(
            "key_id",
            f"the pack is signed by '{code[:40]}', an authority this Threadline does not trust; "
            "an administrator registers its public key with: threadline transferkey --trust",
        )
    return authority


def _check_version(pack: dict[str, Any]) -> None:
    if pack.get("format") != FORMAT:
        raise TransferError("pack.format", f"is not '{FORMAT}'")
    version = pack.get("version")
    if version != VERSION or isinstance(version, bool):
        raise TransferError(
            "pack.version",
            f"version {version!r} packs cannot be read here: this Threadline reads version "
            f"{VERSION}",
        )


def _check_schema(pack: dict[str, Any]) -> None:
    try:
        pack_validator()(pack)
    except fastjsonschema.JsonSchemaValueException as error:
        path = ".".join(str(part) for part in (error.path or [])[1:])
        field = f"pack.{path}" if path else "pack"
        message = str(error.message).replace("data.", "").replace("data ", "")
        if error.rule == "additionalProperties":
            message = "has fields the transfer pack format does not define"
        if error.rule == "required" and isinstance(error.value, dict):
            missing = [name for name in error.rule_definition or [] if name not in error.value]
            field, message = f"{field}.{missing[0]}", "is missing"
        raise TransferError(field, message) from error


def _check_meaning(pack: dict[str, Any], authority: TrustedAuthority) -> None:
    """What the schema cannot say: the signer is the sender, every person referred to is in
    the pack, and each entry's date has the precision it claims."""
    sender = pack["sending_authority"]["code"]
    if sender != authority.code:
        raise TransferError(
            "pack.sending_authority.code",
            f"names '{sender}', but the pack was signed by '{authority.code}'",
        )
    child = pack["child"]["ref"]
    refs = [child, *(person["ref"] for person in pack["network"]["people"])]
    if len(set(refs)) != len(refs):
        raise TransferError("pack.network.people", "names the same person twice")
    known = set(refs)
    for field, ref in _references(pack):
        if ref not in known:
            raise TransferError(field, f"refers to '{ref}', who is not in the pack")
    for index, entry in enumerate(pack["chronology"]):
        form = _DATE_FORMS[entry["precision"]]
        if not form.match(entry["date"]):
            raise TransferError(
                f"pack.chronology.{index}.date",
                f"'{entry['date']}' is not a date to the precision '{entry['precision']}'",
            )
    plan = pack["plan"]
    if plan is not None and plan["episode"] not in {e["id"] for e in pack["status_episodes"]}:
        raise TransferError("pack.plan.episode", "is not one of the pack's status episodes")


def _references(pack: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for index, rel in enumerate(pack["network"]["relationships"]):
        found += [
            (f"pack.network.relationships.{index}.person", rel["person"]),
            (f"pack.network.relationships.{index}.relative", rel["relative"]),
        ]
    for index, contact in enumerate(pack["contacts"]):
        found.append((f"pack.contacts.{index}.with", contact["with"]))
    for index, entry in enumerate(pack["chronology"]):
        for number, person in enumerate(entry["people"]):
            found.append((f"pack.chronology.{index}.people.{number}.ref", person["ref"]))
    if pack["plan"] is not None:
        for index, agreement in enumerate(pack["plan"]["written_agreements"]):
            if agreement["about"] is not None:
                found.append((f"pack.plan.written_agreements.{index}.about", agreement["about"]))
    return found
