"""The scale path: the same linkage on Splink's Spark backend (local pyspark, two cores) gives
the same pairs and the same probabilities as on DuckDB."""

from __future__ import annotations

import shutil

import pytest

from threadline.bench.linkage import _features_of
from threadline.bench.linkage_data import synthetic_records
from threadline.matching.linkage import link_all

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a JVM")


def test_spark_and_duckdb_find_the_same_pairs_with_the_same_scores() -> None:
    from threadline.matching.spark import local_spark

    rows = [_features_of(record) for record in synthetic_records(1500, seed=5)]
    on_duckdb = {(p.left, p.right): round(p.probability, 6) for p in link_all(rows, at_least=0.5)}
    spark = local_spark()
    on_spark = {
        (p.left, p.right): round(p.probability, 6)
        for p in link_all(rows, at_least=0.5, spark=spark)
    }
    assert len(on_duckdb) > 500
    assert on_spark == on_duckdb
