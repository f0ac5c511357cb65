"""The form a person's record is compared in: folded names, the formal given name, the postcode
district, and a valid NHS number or none."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from threadline.matching.nicknames import formal_name
from threadline.people.names import fold, soundex
from threadline.people.nhs import is_valid_nhs_number, normalise_nhs_number

COLUMNS = (
    "unique_id",
    "given",
    "given_formal",
    "family",
    "family_key",
    "dob",
    "sex",
    "postcode",
    "district",
    "nhs",
)
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


@dataclass(frozen=True)
class Features:
    unique_id: str
    given: str | None
    given_formal: str | None
    family: str | None
    family_key: str | None
    dob: str | None
    sex: str | None
    postcode: str | None
    district: str | None
    nhs: str | None

    def row(self) -> tuple[str | None, ...]:
        return tuple(getattr(self, column) for column in COLUMNS)


def _postcode(raw: str | None) -> tuple[str | None, str | None]:
    found = _POSTCODE.match((raw or "").upper().strip())
    if not found:
        return None, None
    return f"{found[1]} {found[2]}", found[1]


def features(
    unique_id: str,
    *,
    given_name: str = "",
    family_name: str = "",
    date_of_birth: dt.date | str | None = None,
    sex: str | None = None,
    postcode: str | None = None,
    nhs_number: str | None = None,
) -> Features:
    nhs = normalise_nhs_number(nhs_number or "")
    full_postcode, district = _postcode(postcode)
    dob = date_of_birth.isoformat() if isinstance(date_of_birth, dt.date) else date_of_birth
    return Features(
        unique_id=unique_id,
        given=fold(given_name) or None,
        given_formal=formal_name(given_name) or None,
        family=fold(family_name) or None,
        family_key=soundex(family_name) or None,
        dob=dob or None,
        sex=sex if sex in {"female", "male"} else None,
        postcode=full_postcode,
        district=district,
        nhs=nhs if is_valid_nhs_number(nhs) else None,
    )
