"""Linking people: new records against those held as they arrive, everyone again in batch, and
the practitioner's decision on a pair the model could not settle."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q

from threadline import clock
from threadline.agencies.models import Practitioner
from threadline.feeds.context import chunked
from threadline.matching.features import Features, features
from threadline.matching.linkage import ScoredPair, Verdict, link_all, link_new, verdict
from threadline.matching.merging import MergeError, current_person, merge_people, unmerge
from threadline.matching.model import thresholds
from threadline.matching.models import Candidate, CandidateState, Merge, MergeOrigin
from threadline.people.models import Person, PersonRecord


@dataclass
class LinkOutcome:
    linked: int = 0
    for_review: int = 0
    merges: list[Merge] = field(default_factory=list)

    @property
    def touched_people(self) -> set[int]:
        return {merge.survivor_id for merge in self.merges} | {m.absorbed_id for m in self.merges}


def record_features(record: PersonRecord) -> Features:
    return features(
        f"r{record.pk}",
        given_name=record.given_name,
        family_name=record.family_name,
        date_of_birth=record.date_of_birth,
        sex=record.sex,
        postcode=record.postcode,
        nhs_number=record.nhs_number,
    )


def _records_of(person_ids: Iterable[int]) -> list[PersonRecord]:
    records: list[PersonRecord] = []
    for chunk in chunked(sorted(set(person_ids))):
        records += PersonRecord.objects.filter(person_id__in=chunk)
    return records


def _candidates_for(records: Sequence[PersonRecord], excluding: set[int]) -> list[PersonRecord]:
    """Records held of people who share a date of birth, a family name or a postcode with one
    of ``records``: the blocks the model's own rules compare within, as database queries."""
    dobs = sorted({r.date_of_birth for r in records if r.date_of_birth})
    families = sorted({f.family for f in map(record_features, records) if f.family})
    postcodes = sorted({r.postcode.upper() for r in records if r.postcode})
    people: set[int] = set()
    for dob_chunk in chunked(dobs):
        people.update(
            Person.objects.filter(date_of_birth__in=dob_chunk).values_list("pk", flat=True)
        )
    for family_chunk in chunked(families):
        people.update(
            Person.objects.filter(family_folded__in=family_chunk).values_list("pk", flat=True)
        )
    for postcode_chunk in chunked(postcodes):
        people.update(
            PersonRecord.objects.filter(postcode__in=postcode_chunk).values_list(
                "person_id", flat=True
            )
        )
    live: set[int] = set()
    for chunk in chunked(sorted(people - excluding)):
        live.update(
            Person.objects.filter(pk__in=chunk, merged_into__isnull=True).values_list(
                "pk", flat=True
            )
        )
    return _records_of(live)


def _person_of(records: Iterable[PersonRecord]) -> dict[str, int]:
    return {f"r{record.pk}": record.person_id for record in records}


def _act_on(pairs: Iterable[ScoredPair], person_of: dict[str, int], fresh: set[int]) -> LinkOutcome:
    """Best pairs first: merge at or above the linking threshold, queue those above review.

    With ``fresh`` people (an ingest), a pair that would join two people already held, through
    a new record matching both, goes to review instead: the two were compared before and not
    joined, and one new record is not enough to overrule that."""
    link_at, review_at = thresholds()
    outcome = LinkOutcome()
    now_of: dict[int, int] = {}  # person -> whom they now read as, after this run's merges

    def now(person_id: int) -> int:
        while person_id in now_of:
            person_id = now_of[person_id]
        return person_id

    kept_apart = KeptApart.of(set(person_of.values()))
    for pair in sorted(pairs, key=lambda p: -p.probability):
        left, right = now(person_of[pair.left]), now(person_of[pair.right])
        decided = verdict(pair, link_at=link_at, review_at=review_at)
        if left == right or decided == Verdict.APART or kept_apart.holds(left, right):
            continue
        joins_held = bool(fresh) and left not in fresh and right not in fresh
        if decided == Verdict.LINK and not joins_held:
            survivor, absorbed = sorted((left, right), key=lambda pk: (pk in fresh, pk))
            try:
                merge = merge_people(
                    Person.objects.get(pk=survivor),
                    Person.objects.get(pk=absorbed),
                    origin=MergeOrigin.AUTOMATIC,
                    probability=pair.probability,
                    evidence=pair.evidence,
                )
            except MergeError:
                continue
            now_of[absorbed] = survivor
            kept_apart.join(survivor, absorbed)
            outcome.merges.append(merge)
            outcome.linked += 1
        elif _queue(left, right, pair):
            outcome.for_review += 1
    return outcome


@dataclass
class KeptApart:
    """Pairs a practitioner has said are two people: no score joins them again, including
    after either has absorbed someone else (the decision follows the person)."""

    partners: dict[int, set[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, person_ids: set[int]) -> KeptApart:
        absorbed_into = _absorbed_into(person_ids)
        ids = person_ids | set(absorbed_into)
        kept = cls()
        for chunk in chunked(sorted(ids)):
            rows = Candidate.objects.filter(
                Q(person_id__in=chunk) | Q(other_id__in=chunk), state=CandidateState.DECLINED
            )
            for one, two in rows.values_list("person_id", "other_id"):
                kept.add(absorbed_into.get(one, one), absorbed_into.get(two, two))
        return kept

    def add(self, one: int, two: int) -> None:
        self.partners.setdefault(one, set()).add(two)
        self.partners.setdefault(two, set()).add(one)

    def holds(self, one: int, two: int) -> bool:
        return two in self.partners.get(one, ())

    def join(self, survivor: int, absorbed: int) -> None:
        for other in self.partners.pop(absorbed, set()):
            self.partners[other].discard(absorbed)
            self.add(survivor, other)


def _absorbed_into(person_ids: set[int]) -> dict[int, int]:
    """Everyone merged (and not unmerged) into one of ``person_ids``, with whom they read as."""
    into: dict[int, int] = {}
    frontier = set(person_ids)
    while frontier:
        found: dict[int, int] = {}
        for chunk in chunked(sorted(frontier)):
            found.update(
                Merge.objects.filter(survivor_id__in=chunk, unmerged_at__isnull=True).values_list(
                    "absorbed_id", "survivor_id"
                )
            )
        for absorbed, survivor in found.items():
            into[absorbed] = into.get(survivor, survivor)
        frontier = set(found) - person_ids
        person_ids = person_ids | frontier
    return into


def _queue(one: int, two: int, pair: ScoredPair) -> bool:
    """Put the pair in the review queue, unless it has been there before (a decision stands)."""
    person, other = sorted((one, two))
    _, created = Candidate.objects.get_or_create(
        person_id=person,
        other_id=other,
        defaults={
            "probability": pair.probability,
            "match_weight": pair.weight,
            "evidence": pair.evidence,
            "found_at": clock.now(),
        },
    )
    return created


def link_incoming(person_ids: Iterable[int]) -> LinkOutcome:
    """Link people an ingest has just created to everyone already held (and to each other)."""
    fresh = set(person_ids)
    if not fresh:
        return LinkOutcome()
    new_records = _records_of(fresh)
    held_records = _candidates_for(new_records, excluding=fresh)
    _, review_at = thresholds()
    pairs = link_new(
        [record_features(r) for r in new_records],
        [record_features(r) for r in held_records],
        at_least=review_at,
    )
    return _act_on(pairs, _person_of([*new_records, *held_records]), fresh)


def relink_everyone(spark: Any | None = None) -> LinkOutcome:
    """``threadline link``: every record held, compared again with the current model; on a
    Spark session's cluster instead of in this process when ``spark`` is given."""
    records = list(PersonRecord.objects.filter(person__merged_into__isnull=True))
    _, review_at = thresholds()
    pairs = link_all([record_features(r) for r in records], at_least=review_at, spark=spark)
    with transaction.atomic():
        outcome = _act_on(pairs, _person_of(records), fresh=set())
        _recheck(outcome.touched_people)
        return outcome


def _recheck(person_ids: set[int]) -> None:
    """The learning checks again for people a merge or unmerge changed."""
    if person_ids:
        from threadline.checks.engine import evaluate  # the checks read what matching changes

        evaluate(person_ids)


class DecisionError(ValueError):
    """A review decision that cannot be recorded; the message says why."""


@transaction.atomic
def decide(candidate: Candidate, *, same_person: bool, by: Practitioner, reason: str) -> Candidate:
    """A practitioner's decision on a queued pair: one person (merged) or two (kept apart)."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.state != CandidateState.PENDING:
        raise DecisionError(
            f"match {candidate.pk}: already decided ({candidate.get_state_display().lower()})"
        )
    if not reason.strip():
        raise DecisionError(f"match {candidate.pk}: reason: say what the decision rests on")
    if same_person:
        first = current_person(candidate.person)
        second = current_person(candidate.other)
        if first.pk != second.pk:
            survivor, absorbed = sorted((first, second), key=lambda person: person.pk)
            try:
                merge_people(
                    survivor,
                    absorbed,
                    origin=MergeOrigin.REVIEW,
                    by=by,
                    reason=reason,
                    probability=candidate.probability,
                    evidence=candidate.evidence,
                )
            except MergeError as problem:
                raise DecisionError(f"match {candidate.pk}: {problem}") from problem
            _recheck({survivor.pk, absorbed.pk})
    candidate.state = CandidateState.LINKED if same_person else CandidateState.DECLINED
    candidate.decided_at = clock.now()
    candidate.decided_by = by
    candidate.reason = reason.strip()
    candidate.save()
    return candidate


def pending_for(person_ids: Iterable[int]) -> Q:
    ids = list(person_ids)
    return Q(state=CandidateState.PENDING) & (Q(person_id__in=ids) | Q(other_id__in=ids))


@transaction.atomic
def undo_merge(merge: Merge, *, by: Practitioner, reason: str) -> Merge:
    """A practitioner's unmerge: the two people apart again, and the pair declined so that the
    next batch re-link does not join them again."""
    if not reason.strip():
        raise DecisionError(f"merge {merge.pk}: reason: say why the two are different people")
    try:
        done = unmerge(merge, by=by, reason=reason.strip())
    except MergeError as problem:
        raise DecisionError(str(problem)) from problem
    person, other = sorted((done.survivor_id, done.absorbed_id))
    Candidate.objects.update_or_create(
        person_id=person,
        other_id=other,
        defaults={
            "probability": done.probability or 0.0,
            "match_weight": 0.0,
            "evidence": done.evidence,
            "found_at": done.merged_at,
            "state": CandidateState.DECLINED,
            "decided_at": clock.now(),
            "decided_by": by,
            "reason": reason.strip(),
        },
    )
    _recheck({person, other})
    return done
