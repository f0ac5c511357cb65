"""``threadline bench linkage``: Threadline's matching against exact matching, on synthetic feeds
from five agencies with known truth, and on the FEBRL datasets with their true links.

Figures are for pairs of records: a pair is predicted when its two records end in one person,
and true when they are records of one person. Exact matching joins records on a shared NHS
number or on the same name and date of birth, which is what many systems do.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from threadline.bench.linkage_data import SourceRecord, synthetic_records
from threadline.matching.clusters import Clusters
from threadline.matching.features import Features, features
from threadline.matching.linkage import Verdict, link_all, verdict
from threadline.matching.model import thresholds


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pair_scores(truth_of: dict[str, Any], groups: Iterable[Sequence[str]]) -> dict[str, float]:
    """Precision, recall and F1 of the pairs within the predicted groups."""
    true_pairs = sum(_pairs(n) for n in Counter(truth_of.values()).values())
    predicted = correct = 0
    for group in groups:
        predicted += _pairs(len(group))
        correct += sum(_pairs(n) for n in Counter(truth_of[item] for item in group).values())
    precision = correct / predicted if predicted else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "true_pairs": true_pairs,
        "predicted_pairs": predicted,
    }


def threadline_groups(rows: Sequence[Features]) -> tuple[list[list[str]], int]:
    """Threadline's people from the records, and how many pairs would wait for review."""
    link_at, review_at = thresholds()
    clusters = Clusters({row.unique_id: row.nhs for row in rows})
    review = 0
    for pair in sorted(link_all(rows, at_least=review_at), key=lambda p: -p.probability):
        decided = verdict(pair, link_at=link_at, review_at=review_at)
        if decided == Verdict.LINK:
            clusters.join(pair.left, pair.right)
        elif decided == Verdict.REVIEW:
            review += 1
    return list(clusters.groups(row.unique_id for row in rows).values()), review


def exact_groups(rows: Sequence[Features]) -> list[list[str]]:
    """Joined on one NHS number, or on the same given name, family name and date of birth."""
    clusters = Clusters()
    first_with: dict[tuple[Any, ...], str] = {}
    for row in rows:
        keys: list[tuple[str, ...]] = []
        if row.nhs:
            keys.append(("nhs", row.nhs))
        if row.given and row.family and row.dob:
            keys.append(("name", row.given, row.family, row.dob))
        for key in keys:
            clusters.join(first_with.setdefault(key, row.unique_id), row.unique_id)
    return list(clusters.groups(row.unique_id for row in rows).values())


def _timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, round(time.perf_counter() - started, 2)


def _features_of(record: SourceRecord) -> Features:
    return features(
        record.unique_id,
        given_name=record.given_name,
        family_name=record.family_name,
        date_of_birth=record.date_of_birth,
        sex=record.sex,
        postcode=record.postcode,
        nhs_number=record.nhs_number,
    )


def compare(rows: Sequence[Features], truth_of: dict[str, Any]) -> dict[str, Any]:
    (groups, review), seconds = _timed(lambda: threadline_groups(rows))
    exact, exact_seconds = _timed(lambda: exact_groups(rows))
    return {
        "records": len(rows),
        "threadline": {**pair_scores(truth_of, groups), "seconds": seconds, "review": review},
        "exact": {**pair_scores(truth_of, exact), "seconds": exact_seconds},
    }


def run_synthetic(records: int) -> dict[str, Any]:
    source = synthetic_records(records)
    rows, prepare_seconds = _timed(lambda: [_features_of(record) for record in source])
    truth_of = {record.unique_id: record.truth for record in source}
    result = compare(rows, truth_of)
    result["threadline"]["seconds"] = round(result["threadline"]["seconds"] + prepare_seconds, 2)
    result["people"] = len(set(truth_of.values()))
    return result


def run(records: Sequence[int] = (100_000, 1_000_000), febrl: bool = True) -> dict[str, Any]:
    result: dict[str, Any] = {"synthetic": [run_synthetic(count) for count in records]}
    if febrl:
        from threadline.bench.febrl import run_febrl

        result["febrl"] = run_febrl()
    return result
