"""A transfer pack as people read it: dates as dates, codes as words, people by name. The
printable document and the transfer pages are drawn from the signed pack itself, so what is
printed is exactly what was handed over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from threadline.casework.census import (
    AssessmentFactor,
    CategoryOfAbuse,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
)
from threadline.casework.models import EpisodeKind
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome, Reliability, Significance
from threadline.meetings.models import MeetingKind, MeetingStatus
from threadline.people.models import NameKind, Sex
from threadline.plans.models import ContactTerms


def label(choices: type[models.TextChoices], value: str) -> str:
    """The words for a code; the code itself if this Threadline does not know it."""
    return str(dict(choices.choices).get(value, value)) if value else ""


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def when(value: str, precision: str) -> str:
    """An event's date to the precision its agency knew it: 2023, November 2023, 8 April 2024,
    6 April 2024 23:40."""
    if precision == "year":
        return value[:4]
    if precision == "month":
        return f"{dt.date.fromisoformat(value + '-01'):%B %Y}"
    if precision == "day":
        day = dt.date.fromisoformat(value)
        return f"{day.day} {day:%B %Y}"
    moment = dt.datetime.fromisoformat(value)
    return f"{moment.day} {moment:%B %Y %H:%M}"


def full_name(person: dict[str, Any]) -> str:
    name = person["name"]
    return " ".join(p for p in (name.get("given", ""), name.get("family", "")) if p) or "Unnamed"


@dataclass
class Document:
    """Everything the transfer pages and the printed document show."""

    pack: dict[str, Any]
    generated_at: dt.datetime
    child: dict[str, Any]
    referral: dict[str, Any] | None
    move: dict[str, Any] | None
    episodes: list[dict[str, Any]]
    plan: dict[str, Any] | None
    meetings: list[dict[str, Any]]
    network: list[dict[str, Any]]
    contacts: list[dict[str, Any]]
    chronology: list[dict[str, Any]]
    names: dict[str, str] = field(default_factory=dict)

    @property
    def current_episodes(self) -> list[dict[str, Any]]:
        return [episode for episode in self.episodes if episode["current"]]


def document(pack: dict[str, Any]) -> Document:
    names = {pack["child"]["ref"]: full_name(pack["child"])}
    names.update({p["ref"]: full_name(p) for p in pack["network"]["people"]})
    return Document(
        pack=pack,
        generated_at=dt.datetime.fromisoformat(pack["generated_at"]),
        child=_person(pack["child"]),
        referral=_referral(pack["reason_for_referral"]),
        move={**pack["move"], "on": _date(pack["move"]["date"])} if pack["move"] else None,
        episodes=[_episode(e) for e in pack["status_episodes"]],
        plan=_plan(pack["plan"]) if pack["plan"] else None,
        meetings=[_meeting(m) for m in pack["meetings"]],
        network=_network(pack),
        contacts=[
            {**c, "with_name": names.get(c["with"], ""), "since_on": _date(c["since"])}
            for c in pack["contacts"]
        ],
        chronology=[_entry(e, names, pack["child"]["ref"]) for e in pack["chronology"]],
        names=names,
    )


def _person(person: dict[str, Any]) -> dict[str, Any]:
    return {
        **person,
        "full_name": full_name(person),
        "born": _date(person["date_of_birth"]),
        "expected": _date(person["expected_date_of_birth"]),
        "died": _date(person["date_of_death"]),
        "sex_label": label(Sex, person["sex"]),
        "other_names_text": "; ".join(
            f"{full_name({'name': n})} ({label(NameKind, n.get('kind', '')).lower()})"
            for n in person["other_names"]
        ),
        "addresses": [
            {**a, "from_on": _date(a.get("from")), "to_on": _date(a.get("to"))}
            for a in person["addresses"]
        ],
    }


def _referral(referral: dict[str, Any] | None) -> dict[str, Any] | None:
    return {**referral, "on_day": _date(referral["on"])} if referral else None


def _episode(episode: dict[str, Any]) -> dict[str, Any]:
    codes = [
        ("Referral source", label(ReferralSource, episode["referral_source"])),
        ("Primary need", label(PrimaryNeed, episode["primary_need"])),
        ("Category of abuse", label(CategoryOfAbuse, episode["category_of_abuse"])),
        ("Reason for closure", label(ReasonForClosure, episode["closure_reason"])),
    ]
    return {
        **episode,
        "status_label": label(EpisodeKind, episode["status"]),
        "start_on": _date(episode["start"]),
        "end_on": _date(episode["end"]),
        "census": [(name, value) for name, value in codes if value],
        "factor_labels": [label(AssessmentFactor, code) for code in episode["factors"]],
    }


def _plan(plan: dict[str, Any]) -> dict[str, Any]:
    return {
        **plan,
        "status_label": label(EpisodeKind, plan["status"]),
        "started": _date(plan["started_on"]),
        "review": _date(plan["review_by"]),
        "outcomes": [
            {**o, "by": _date(o["achieve_by"]), "written_on": _date(o["written"])}
            for o in plan["outcomes"]
        ],
        "actions": [
            {**a, "due_on": _date(a["due"]), "completed_on": _date(a["completed"])}
            for a in plan["actions"]
        ],
        "written_agreements": [
            {
                **w,
                "agreed_on": _date(w["agreed"]),
                "contact_label": label(ContactTerms, w["contact"]),
                "evidence": [{**e, "day": _date(e["on"])} for e in w["evidence"]],
            }
            for w in plan["written_agreements"]
        ],
    }


def _meeting(meeting: dict[str, Any]) -> dict[str, Any]:
    return {
        **meeting,
        "kind_label": label(MeetingKind, meeting["kind"]),
        "status_label": label(MeetingStatus, meeting["status"]),
        "scheduled": _moment(meeting["scheduled_for"]),
        "held": _moment(meeting["held_at"]),
        "open_actions": [{**a, "due_on": _date(a["due"])} for a in meeting["open_actions"]],
    }


def _network(pack: dict[str, Any]) -> list[dict[str, Any]]:
    """The people around the child, those with parental responsibility for the child first."""
    child = pack["child"]["ref"]
    responsible = {
        rel["person"]
        for rel in pack["network"]["relationships"]
        if rel["relative"] == child and rel["parental_responsibility"] and not rel["to"]
    }
    people = [
        {**_person(p), "relation": p["relation_to_child"], "has_pr": p["ref"] in responsible}
        for p in pack["network"]["people"]
    ]
    return sorted(people, key=lambda p: (not p["has_pr"], p["relation"], p["full_name"]))


def _entry(entry: dict[str, Any], names: dict[str, str], child: str) -> dict[str, Any]:
    others = [
        f"{names.get(p['ref'], p['ref'])} ({label(SubjectRole, p['role']).lower()})"
        for p in entry["people"]
        if p["ref"] != child
    ]
    return {
        **entry,
        "when": when(entry["date"], entry["precision"]),
        "type_label": label(EventType, entry["type"]),
        "outcome_label": label(Outcome, entry["outcome"]),
        "reliability_label": label(Reliability, entry["reliability"]),
        "significance_label": label(Significance, entry["significance"]),
        "others": ", ".join(others),
    }
