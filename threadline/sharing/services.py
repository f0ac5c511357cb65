"""Recording a sharing decision, checked so that it says what the law asks of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from threadline import clock
from threadline.agencies.models import Agency, Practitioner
from threadline.people.models import Person
from threadline.sharing.models import (
    Consent,
    LawfulBasis,
    SharingDecision,
    SharingKind,
    SpecialCondition,
)

# The seven golden rules for sharing information (HM Government, Information sharing advice
# for practitioners, 2018), in short, shown beside every decision as its aid.
GOLDEN_RULES = (
    "Data protection law is not a barrier to justified sharing.",
    "Be open with the person and family about what you share, why and with whom, unless that "
    "is unsafe or inappropriate.",
    "If in doubt, seek advice, without naming the person where you can.",
    "Share with consent where you can, and respect a refusal, unless there is a lawful basis to "
    "share without it, such as where safety may be at risk.",
    "Base the decision on the safety and well-being of the person and others affected.",
    "Share only what is necessary, proportionate, relevant, adequate, accurate, timely and secure.",
    "Record the decision and the reasons for it, whether you share or not.",
)


class SharingError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class SharingBasis:
    lawful_basis: str
    special_condition: str
    reason: str
    consent: str
    consent_note: str = ""


def checked(basis: SharingBasis) -> SharingBasis:
    """The basis, or a SharingError naming the first thing missing from it."""
    if basis.lawful_basis not in LawfulBasis.values:
        raise SharingError("lawful_basis", "choose the lawful basis for sharing")
    if basis.special_condition not in SpecialCondition.values:
        raise SharingError("special_condition", "choose a condition, or none")
    if basis.consent not in Consent.values:
        raise SharingError("consent", "say whether consent was given, refused or not sought")
    reason = " ".join(basis.reason.split())
    if len(reason) < 10:
        raise SharingError("reason", "say why sharing is necessary and proportionate")
    note = " ".join(basis.consent_note.split())
    if basis.consent != Consent.GIVEN and not note:
        raise SharingError(
            "consent_note", "say why it was shared without consent, or why it was not sought"
        )
    if basis.lawful_basis == LawfulBasis.CONSENT and basis.consent != Consent.GIVEN:
        raise SharingError("lawful_basis", "consent is the basis only when consent was given")
    return SharingBasis(basis.lawful_basis, basis.special_condition, reason, basis.consent, note)


def record_sharing(
    person: Person,
    *,
    by: Practitioner,
    from_agency: Agency,
    kind: str,
    shared_with: str,
    basis: SharingBasis,
    **links: object,
) -> SharingDecision:
    return _create(person, by, from_agency, kind, shared_with, checked(basis), links)


def _create(
    person: Person,
    by: Practitioner,
    from_agency: Agency,
    kind: str,
    shared_with: str,
    basis: SharingBasis,
    links: dict[str, object],
) -> SharingDecision:
    return SharingDecision.objects.create(
        person=person,
        kind=kind,
        from_agency=from_agency,
        shared_with=shared_with[:300],
        lawful_basis=basis.lawful_basis,
        special_condition=basis.special_condition,
        reason=basis.reason,
        consent=basis.consent,
        consent_note=basis.consent_note,
        decided_by=by,
        decided_at=clock.now(),
        **links,
    )


def record_for_each(
    people: Iterable[Person],
    *,
    by: Practitioner,
    from_agency: Agency,
    kind: str,
    shared_with: str,
    basis: SharingBasis,
    **links: object,
) -> list[SharingDecision]:
    """One decision per person the information is about, all on the same basis."""
    basis = checked(basis)
    return [_create(person, by, from_agency, kind, shared_with, basis, links) for person in people]


# What a form starts from for the usual shares; the practitioner confirms or changes it.
SUGGESTED: dict[str, dict[str, str]] = {
    SharingKind.MINUTES: {
        "lawful_basis": LawfulBasis.PUBLIC_TASK,
        "special_condition": SpecialCondition.SAFEGUARDING,
        "reason": "So every agency invited knows what was decided and its own part in the plan.",
        "consent": Consent.NOT_SOUGHT,
        "consent_note": (
            "Minutes of a statutory meeting go to the agencies invited (Working Together 2023); "
            "the family were told at the meeting who receives them."
        ),
    },
    SharingKind.ASSESSMENT: {
        "lawful_basis": LawfulBasis.PUBLIC_TASK,
        "special_condition": SpecialCondition.SAFEGUARDING,
        "reason": "So the agencies around the child have the assessment and its analysis for "
        "their own work with the family.",
    },
}


def suggested(kind: str) -> dict[str, str]:
    return dict(SUGGESTED.get(kind, {}))


def suggested_basis(kind: str) -> SharingBasis:
    """The suggestion as a decision, for records made without a form (the demo's history)."""
    values = {"consent": Consent.NOT_SOUGHT, "consent_note": "", **suggested(kind)}
    return SharingBasis(
        lawful_basis=values["lawful_basis"],
        special_condition=values.get("special_condition", ""),
        reason=values["reason"],
        consent=values["consent"],
        consent_note=values["consent_note"] or "Shared under a statutory duty.",
    )
