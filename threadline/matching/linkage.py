"""Scoring pairs of records with Splink on DuckDB: a whole population at once (``link_all``) or
new records against those already held (``link_new``).

A valid NHS number settles it either way: the same number is the same person whatever else
differs, and two different valid numbers are two people whatever else agrees.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import duckdb
import pyarrow as pa
from splink import DuckDBAPI, Linker, block_on

from threadline.matching.features import COLUMNS, Features
from threadline.matching.model import DIFFERENT, SAME, model_settings, trained_settings

# Splink speaks at INFO for each step; a worker's log wants only its warnings.
SPLINK_LOG_LEVEL = logging.WARNING
COMPARED = ("nhs", "given", "family", "dob", "sex", "postcode")


@dataclass(frozen=True)
class ScoredPair:
    left: str
    right: str
    probability: float
    weight: float
    evidence: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def settled_by_nhs(self) -> bool | None:
        """True for one shared valid NHS number, False for two different ones, else None."""
        level = self.evidence.get("nhs", {}).get("level")
        if level == SAME:
            return True
        if level == DIFFERENT:
            return False
        return None


class Verdict(StrEnum):
    LINK = "link"
    REVIEW = "review"
    APART = "apart"


def verdict(pair: ScoredPair, *, link_at: float, review_at: float) -> Verdict:
    """What to do with a scored pair.

    Where the given names disagree outright the pair is at most sent for review, however well
    the rest agrees: family name, date of birth and address agree between twins as they do
    between one person's records, and merging two children is the costliest mistake."""
    if pair.settled_by_nhs is not None:
        return Verdict.LINK if pair.settled_by_nhs else Verdict.APART
    if pair.probability >= link_at and pair.evidence["given"]["level"] != DIFFERENT:
        return Verdict.LINK
    return Verdict.REVIEW if pair.probability >= review_at else Verdict.APART


def _table(rows: Iterable[Features]) -> pa.Table:
    columns: dict[str, list[Any]] = {column: [] for column in COLUMNS}
    for row in rows:
        for column, value in zip(COLUMNS, row.row(), strict=True):
            columns[column].append(value)
    return pa.table({column: pa.array(values, pa.string()) for column, values in columns.items()})


def _linker(connection: duckdb.DuckDBPyConnection, *tables: str) -> tuple[Linker, Any, list[Any]]:
    api = DuckDBAPI(connection)
    frames = [api.register(name, dataset_display_name=name) for name in tables]
    source = frames[0] if len(frames) == 1 else frames
    return Linker(source, trained_settings("duckdb"), log_level=SPLINK_LOG_LEVEL), api, frames


def _evidence(row: dict[str, Any], labels: dict[str, dict[int, str]]) -> dict[str, Any]:
    evidence: dict[str, Any] = {}
    for column in COMPARED:
        level = row.get(f"gamma_{column}")
        evidence[column] = {
            "left": row.get(f"{column}_l"),
            "right": row.get(f"{column}_r"),
            "level": labels[column].get(int(level), "") if level is not None else "",
            "weight": round(float(row.get(f"mw_{column}") or 0.0), 2),
        }
    return evidence


def _level_labels(linker: Linker) -> dict[str, dict[int, str]]:
    """Each comparison's levels by gamma: Splink numbers them from the last (else, 0) up, and
    the null level is -1."""
    model = linker.misc.save_model_to_json()
    labels: dict[str, dict[int, str]] = {}
    for comparison in model["comparisons"]:
        name = comparison["output_column_name"]
        labels[name] = {-1: "Not recorded on one or both"}
        counted = [
            level for level in comparison["comparison_levels"] if not level.get("is_null_level")
        ]
        for gamma, level in enumerate(reversed(counted)):
            labels[name][gamma] = level.get("label_for_charts") or level["sql_condition"]
    return labels


def _scored(rows: Iterable[dict[str, Any]], labels: dict[str, dict[int, str]]) -> list[ScoredPair]:
    return [
        ScoredPair(
            left=row["unique_id_l"],
            right=row["unique_id_r"],
            probability=float(row["match_probability"]),
            weight=float(row["match_weight"]),
            evidence=_evidence(row, labels),
        )
        for row in rows
    ]


def link_all(
    records: Sequence[Features], *, at_least: float, spark: Any | None = None
) -> list[ScoredPair]:
    """Every blocked pair among ``records`` scoring at least ``at_least``, or settled by NHS.

    On DuckDB in this process by default; given a SparkSession, on Spark, for a region whose
    records outgrow one machine (the model and its thresholds are the same)."""
    if spark is not None:
        return _link_on_spark(records, at_least=at_least, spark=spark)
    connection = duckdb.connect()
    connection.register("incoming", _table(records))
    connection.execute("CREATE TABLE records AS SELECT * FROM incoming")
    linker, _, _ = _linker(connection, "records")
    predicted = linker.inference.predict(threshold_match_probability=None)
    query = f"""
        SELECT * FROM {predicted.physical_name}
        WHERE match_probability >= ? OR gamma_nhs = 1
    """
    return _scored(_dicts(connection.execute(query, [at_least])), _level_labels(linker))


def _link_on_spark(records: Sequence[Features], *, at_least: float, spark: Any) -> list[ScoredPair]:
    from splink import SparkAPI

    rows, schema = _rows(records)
    frame = spark.createDataFrame(rows, schema)
    api = SparkAPI(spark_session=spark)
    name = f"records_{uuid.uuid4().hex[:12]}"  # one session may serve many runs
    linker = Linker(
        api.register(frame, table_name=name, dataset_display_name="records"),
        trained_settings("spark"),
        log_level=SPLINK_LOG_LEVEL,
    )
    try:
        predicted = linker.inference.predict(threshold_match_probability=None)
        scores = predicted.as_spark_dataframe()
        kept = scores.where((scores.match_probability >= at_least) | (scores.gamma_nhs == 1))
        return _scored([row.asDict() for row in kept.collect()], _level_labels(linker))
    finally:
        spark.catalog.dropTempView(name)


def _rows(records: Sequence[Features]) -> tuple[list[Any], Any]:
    from pyspark.sql import Row
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField(column, StringType()) for column in COLUMNS])
    return [Row(*record.row()) for record in records], schema


def link_new(
    new: Sequence[Features], held: Sequence[Features], *, at_least: float
) -> list[ScoredPair]:
    """Pairs between each new record and the held ones, or between two new ones, best first."""
    new_ids = {record.unique_id for record in new}
    pairs = link_all([*held, *new], at_least=at_least)
    return sorted(
        (pair for pair in pairs if pair.left in new_ids or pair.right in new_ids),
        key=lambda pair: -pair.probability,
    )


def train(records: Sequence[Features]) -> dict[str, Any]:
    """Estimate the model's parameters from unlabelled records: u from random pairs, m by
    expectation maximisation within blocks that each leave some comparisons free."""
    connection = duckdb.connect()
    connection.register("incoming", _table(records))
    connection.execute("CREATE TABLE records AS SELECT * FROM incoming")
    api = DuckDBAPI(connection)
    frame = api.register("records", dataset_display_name="records")
    linker = Linker(frame, model_settings(), log_level=SPLINK_LOG_LEVEL)
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [block_on("nhs"), block_on("given", "family", "dob")], recall=0.8
    )
    training.estimate_u_using_random_sampling(max_pairs=5_000_000, seed=1)
    training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    training.estimate_parameters_using_expectation_maximisation(block_on("family", "given_formal"))
    return dict(linker.misc.save_model_to_json())


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
