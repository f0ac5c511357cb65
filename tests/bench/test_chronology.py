"""The chronology bench measures the page a signed-in practitioner sees, not a redirect,
at each size it grows to."""

from __future__ import annotations

import pytest

from threadline.bench import chronology

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_bench_times_the_child_page_behind_both_factors(settings) -> None:
    settings.THREADLINE_TWO_FACTOR = True

    results = chronology.run(sizes=(1_000, 1_500), requests=3)

    figures = results["sizes"]["1500"]
    assert figures["child_entries"] == chronology.CHILD_EVENTS
    assert figures["child_page_p50_ms"] > 0 and figures["filtered_chronology_p95_ms"] > 0
