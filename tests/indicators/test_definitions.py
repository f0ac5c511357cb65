"""Every indicator is declared whole: a stable slug, the words a board reads, a measure, and the
learning checks it evidences, which must exist."""

from __future__ import annotations

import re

import pytest

from threadline.checks.registry import all_checks
from threadline.indicators.definitions import BY_SLUG, INDICATORS, Indicator, get_indicator

pytestmark = pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.slug)


def test_the_slug_is_stable_url_safe_and_fits_a_recommendation_action(indicator: Indicator) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", indicator.slug)
    assert len(indicator.slug) <= 60  # recommendations.Action.indicator
    assert get_indicator(indicator.slug) is indicator


def test_it_says_what_it_counts_and_answers_how_we_will_know(indicator: Indicator) -> None:
    assert indicator.question.startswith("How will we know") and indicator.question.endswith("?")
    for words in (indicator.name, indicator.unit, indicator.due, indicator.met, indicator.agency):
        assert words.strip()
    assert indicator.counted_in.startswith("The month")
    assert callable(indicator.measure)


def test_the_checks_it_evidences_exist(indicator: Indicator) -> None:
    checks = all_checks()
    for check_id in indicator.checks:
        assert check_id in checks, f"{indicator.slug} names {check_id}, which is not a check"
        assert checks[check_id].provenance
    assert indicator.checks or indicator.by_check, "evidence for some check, or for each"


def test_slugs_are_unique(indicator: Indicator) -> None:
    assert len(BY_SLUG) == len(INDICATORS)
