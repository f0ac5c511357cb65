"""What an ingest reports: counts per kind of record, or every error that refused the batch."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from threadline.feeds.parsing import FeedError


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class IngestSummary:
    counts: dict[str, KindCounts] = field(default_factory=lambda: defaultdict(KindCounts))
    touched_people: set[int] = field(default_factory=set)
    linked: int = 0  # people found to be someone already known, and merged
    for_review: int = 0  # pairs sent to the review queue
    checks: Any = None  # what the learning checks did with the change (an EvaluationResult)

    @property
    def records(self) -> int:
        return sum(counts.total for counts in self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "kinds": {
                kind: {"created": c.created, "updated": c.updated, "unchanged": c.unchanged}
                for kind, c in sorted(self.counts.items())
            },
            "matching": {"linked": self.linked, "for_review": self.for_review},
        }

    def __str__(self) -> str:
        lines = [f"{self.records} records"]
        if self.linked or self.for_review:
            lines.append(f"  matched: {self.linked} linked, {self.for_review} for review")
        for kind, c in sorted(self.counts.items()):
            lines.append(
                f"  {kind:<15} {c.created:>8} created {c.updated:>8} updated "
                f"{c.unchanged:>8} unchanged"
            )
        return "\n".join(lines)


class FeedRejected(Exception):
    """The batch was refused whole; nothing of it was written."""

    def __init__(self, errors: list[FeedError]) -> None:
        self.errors = errors
        super().__init__(f"feed refused: {len(errors)} error(s); first: {errors[0]}")

    def report(self, limit: int = 50) -> str:
        shown = [str(error) for error in self.errors[:limit]]
        if len(self.errors) > limit:
            shown.append(f"… and {len(self.errors) - limit} more")
        return "\n".join(shown)
