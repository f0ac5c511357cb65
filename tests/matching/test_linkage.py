"""The model itself, on pairs a practitioner would judge at a glance."""

from __future__ import annotations

from threadline.matching.features import features
from threadline.matching.linkage import Verdict, link_all, link_new, verdict
from threadline.matching.model import thresholds


def row(uid: str, given: str, family: str, dob: str | None, **more: str | None):
    return features(uid, given_name=given, family_name=family, date_of_birth=dob, **more)


def scored(*rows):
    return {(p.left, p.right): p for p in link_all(rows, at_least=0.0)}


def test_a_nickname_and_a_typo_at_the_same_address_are_one_person() -> None:
    link_at, _ = thresholds()
    pairs = scored(
        row("gp", "William", "Hartley", "1988-07-14", sex="male", postcode="NE1 4ST"),
        row("police", "Bill", "Hartly", "1988-07-14", sex="male", postcode="NE1 4ST"),
    )
    pair = pairs[("gp", "police")]
    assert pair.probability >= link_at
    assert pair.evidence["given"]["level"] == "Same formal name"


def test_day_and_month_swapped_is_still_evidence_for_a_match() -> None:
    pairs = scored(
        row("a", "Amelia", "Osei", "2015-03-07", sex="female", postcode="NE1 4ST"),
        row("b", "Amelia", "Osei", "2015-07-03", sex="female", postcode="NE1 4ST"),
    )
    assert pairs[("a", "b")].evidence["dob"]["level"] == "Day and month swapped"
    assert pairs[("a", "b")].probability >= thresholds()[1]


def test_twins_in_one_household_are_never_merged_automatically() -> None:
    link_at, review_at = thresholds()
    pairs = scored(
        row("a", "Amelia", "Osei", "2015-03-07", sex="female", postcode="NE1 4ST"),
        row("b", "Isla", "Osei", "2015-03-07", sex="female", postcode="NE1 4ST"),
    )
    pair = pairs[("a", "b")]
    assert pair.probability >= link_at, "all but the given name agree, as between twins"
    assert verdict(pair, link_at=link_at, review_at=review_at) == Verdict.REVIEW


def test_two_valid_nhs_numbers_settle_it_as_two_people() -> None:
    pairs = scored(
        row("a", "Amelia", "Osei", "2015-03-07", nhs_number="9434765919"),
        row("b", "Amelia", "Osei", "2015-03-07", nhs_number="9434765870"),
    )
    assert pairs[("a", "b")].settled_by_nhs is False
    assert verdict(pairs[("a", "b")], link_at=0.5, review_at=0.1) == Verdict.APART


def test_new_records_are_compared_with_held_ones_not_held_with_held() -> None:
    held = [
        row("h1", "Amelia", "Osei", "2015-03-07", sex="female"),
        row("h2", "Amelia", "Osei", "2015-03-07", sex="female"),
    ]
    pairs = link_new([row("n1", "Amelia", "Osei", "2015-03-07")], held, at_least=0.0)
    assert pairs and all("n1" in (pair.left, pair.right) for pair in pairs)
