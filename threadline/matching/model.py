"""The matching model: how two records are compared, which pairs are compared at all, and where
the thresholds lie. Splink scores each comparison by how much more often its outcome is seen
between records of one person (m) than between records of two (u)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from django.conf import settings
from splink import SettingsCreator, block_on
from splink.internals.blocking_rule_creator import BlockingRuleCreator
from splink.internals.comparison_level_creator import ComparisonLevelCreator

TRAINED_MODEL = Path(__file__).with_name("trained_model.json")
# The words a reviewer reads for each comparison's outcome.
SAME = "Same"
DIFFERENT = "Different"


def _same(column: str) -> ComparisonLevelCreator:
    return cll.ExactMatchLevel(column).configure(label_for_charts=SAME)


def _different() -> ComparisonLevelCreator:
    return cll.ElseLevel().configure(label_for_charts=DIFFERENT)


def _name(column: str, *, formal: bool = False) -> cl.CustomComparison:
    levels: list[ComparisonLevelCreator | dict[str, Any]] = [
        cll.NullLevel(column),
        _same(column),
    ]
    if formal:
        levels.append(
            cll.ExactMatchLevel("given_formal").configure(label_for_charts="Same formal name")
        )
    # Family and given names written the other way round: one agency's 'Osei Kwame' is
    # another's 'Kwame Osei', where naming customs put the family name first.
    levels.append(
        cll.CustomLevel(
            "family_l = given_r AND given_l = family_r", label_for_charts="Names swapped"
        )
    )
    levels += [
        cll.JaroWinklerLevel(column, 0.92).configure(label_for_charts="Very similar spelling"),
        cll.JaroWinklerLevel(column, 0.80).configure(label_for_charts="Similar spelling"),
        _different(),
    ]
    return cl.CustomComparison(comparison_levels=levels, output_column_name=column)


def _date_of_birth() -> cl.CustomComparison:
    swapped = "substr(dob_l, 1, 5) || substr(dob_l, 9, 2) || '-' || substr(dob_l, 6, 2) = dob_r"
    return cl.CustomComparison(
        output_column_name="dob",
        comparison_levels=[
            cll.NullLevel("dob"),
            _same("dob"),
            cll.CustomLevel(swapped, label_for_charts="Day and month swapped"),
            cll.DamerauLevenshteinLevel("dob", 1).configure(label_for_charts="One digit different"),
            _different(),
        ],
    )


def _postcode() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="postcode",
        comparison_levels=[
            cll.NullLevel("postcode"),
            _same("postcode"),
            cll.ExactMatchLevel("district").configure(label_for_charts="Same district"),
            _different(),
        ],
    )


def _exact(column: str) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[cll.NullLevel(column), _same(column), _different()],
    )


BLOCKING_RULES: list[BlockingRuleCreator | dict[str, Any]] = [
    block_on("nhs"),
    block_on("dob", "substr(given_formal, 1, 1)"),
    block_on("dob", "family_key"),
    block_on("family", "given_formal"),
    block_on("postcode", "given_formal"),
    block_on("dob", "postcode"),
    block_on("family", "postcode"),
]


def model_settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            _exact("nhs"),
            _name("given", formal=True),
            _name("family"),
            _date_of_birth(),
            _exact("sex"),
            _postcode(),
        ],
        blocking_rules_to_generate_predictions=BLOCKING_RULES,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
    )


def _trained_path() -> Path | None:
    """The model trained on synthetic feeds that ships with Threadline, or a local retraining."""
    local = Path(getattr(settings, "THREADLINE_MATCH_MODEL", "") or "")
    if local.is_file():
        return local
    return TRAINED_MODEL if TRAINED_MODEL.is_file() else None


def trained_settings(dialect: str = "duckdb") -> dict[str, Any]:
    """The model for a backend: its comparisons written in that backend's SQL, with the trained
    parameters (the model file holds DuckDB's SQL, so Spark's is made anew and the m and u
    probabilities carried across level by level)."""
    fresh: dict[str, Any] = model_settings().get_settings(dialect).as_dict()
    path = _trained_path()
    if path is None:
        return fresh
    trained = json.loads(path.read_text(encoding="utf-8"))
    fresh["probability_two_random_records_match"] = trained["probability_two_random_records_match"]
    by_name = {c["output_column_name"]: c for c in trained["comparisons"]}
    for comparison in fresh["comparisons"]:
        levels = by_name[comparison["output_column_name"]]["comparison_levels"]
        for level, learned in zip(comparison["comparison_levels"], levels, strict=True):
            for key in ("m_probability", "u_probability"):
                if key in learned:
                    level[key] = learned[key]
    return fresh


def thresholds() -> tuple[float, float]:
    """(link automatically at or above, send for review at or above), as match probabilities."""
    configured = getattr(settings, "THREADLINE_MATCH_THRESHOLDS", (0.99, 0.80))
    return float(configured[0]), float(configured[1])
