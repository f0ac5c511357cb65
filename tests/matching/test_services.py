"""Acting on scored pairs: what merges, what waits for a practitioner, and what stays apart."""

from __future__ import annotations

import pytest

from tests.factories import PersonFactory
from threadline.matching.linkage import ScoredPair
from threadline.matching.merging import current_person, merge_people
from threadline.matching.models import Candidate, CandidateState, MergeOrigin
from threadline.matching.services import KeptApart, _act_on
from threadline.people.models import Person

pytestmark = pytest.mark.django_db

AGREED = {"given": {"level": "Same"}}


def pair(left: Person, right: Person, probability: float) -> ScoredPair:
    return ScoredPair(f"r{left.pk}", f"r{right.pk}", probability, 12.0, AGREED)


def people_of(*people: Person) -> dict[str, int]:
    return {f"r{p.pk}": p.pk for p in people}


def test_one_new_record_matching_two_people_held_joins_it_to_one_and_queues_the_other() -> None:
    new, held, other_held = PersonFactory(), PersonFactory(), PersonFactory()
    pairs = [pair(new, held, 0.999), pair(new, other_held, 0.995)]

    outcome = _act_on(pairs, people_of(new, held, other_held), fresh={new.pk})

    assert outcome.linked == 1 and outcome.for_review == 1
    assert current_person(Person.objects.get(pk=new.pk)).pk == held.pk
    queued = Candidate.objects.get()
    assert {queued.person_id, queued.other_id} == {held.pk, other_held.pk}
    assert Person.objects.get(pk=other_held.pk).merged_into_id is None


def test_a_batch_relink_joins_all_three_when_every_pair_is_sure() -> None:
    one, two, three = PersonFactory(), PersonFactory(), PersonFactory()
    pairs = [pair(one, two, 0.999), pair(two, three, 0.995)]

    outcome = _act_on(pairs, people_of(one, two, three), fresh=set())

    assert outcome.linked == 2
    assert Person.objects.filter(merged_into__isnull=True).count() == 1


def test_two_people_kept_apart_stay_apart_after_one_absorbs_a_third() -> None:
    kept, declined, absorbed = PersonFactory(), PersonFactory(), PersonFactory()
    Candidate.objects.create(
        person_id=min(absorbed.pk, declined.pk),
        other_id=max(absorbed.pk, declined.pk),
        probability=0.9,
        match_weight=3.0,
        found_at=kept.created_at,
        state=CandidateState.DECLINED,
    )
    merge_people(kept, absorbed, origin=MergeOrigin.PRACTITIONER)

    assert KeptApart.of({kept.pk, declined.pk}).holds(kept.pk, declined.pk)
    outcome = _act_on([pair(kept, declined, 0.999)], people_of(kept, declined), fresh=set())
    assert outcome.linked == 0 and outcome.for_review == 0


def test_a_decision_follows_a_merge_made_in_the_same_run() -> None:
    kept_apart = KeptApart()
    kept_apart.add(1, 2)
    kept_apart.join(survivor=3, absorbed=1)
    assert kept_apart.holds(3, 2) and kept_apart.holds(2, 3)
    assert not kept_apart.holds(1, 2)
