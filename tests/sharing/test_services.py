"""A sharing decision says what the law asks of it, or is refused naming what is missing."""

from __future__ import annotations

import pytest

from threadline.sharing.services import GOLDEN_RULES, SharingBasis, SharingError, checked

GOOD = SharingBasis(
    lawful_basis="public_task",
    special_condition="safeguarding",
    reason="Child protection plan continues in the new authority",
    consent="given",
)


def test_a_complete_decision_is_taken_with_its_words_tidied() -> None:
    basis = checked(SharingBasis(**{**GOOD.__dict__, "reason": "  Plan   continues there  "}))
    assert basis.reason == "Plan continues there"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"lawful_basis": ""}, "lawful_basis"),
        ({"special_condition": "gut feeling"}, "special_condition"),
        ({"consent": "maybe"}, "consent"),
        ({"reason": "moved"}, "reason"),
        ({"consent": "overridden"}, "consent_note"),
        ({"consent": "not_sought", "consent_note": " "}, "consent_note"),
        (
            {"lawful_basis": "consent", "consent": "overridden", "consent_note": "risk"},
            "lawful_basis",
        ),
    ],
)
def test_what_is_missing_is_named(change: dict, field: str) -> None:
    with pytest.raises(SharingError) as refused:
        checked(SharingBasis(**{**GOOD.__dict__, **change}))
    assert refused.value.field == field


def test_shared_without_consent_with_the_reason_why() -> None:
    basis = checked(
        SharingBasis(
            **{**GOOD.__dict__, "consent": "not_sought", "consent_note": "Asking would alert him"}
        )
    )
    assert basis.consent_note == "Asking would alert him"


def test_the_seven_golden_rules_are_the_aid() -> None:
    assert len(GOLDEN_RULES) == 7
    assert GOLDEN_RULES[-1].startswith("Record the decision")
