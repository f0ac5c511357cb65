"""PLN-6: when a child in need case closes, the agencies still in contact are told."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.agencies.models import Agency, AgencyKind
from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import STATUTORY_KINDS, Facts, PersonView
from threadline.checks.rules._planning import concerning, open_on, shown, start_of
from threadline.chronology.vocabulary import EventType

TOLD_BEFORE = dt.timedelta(days=7)  # a closure letter may go out in the days before the end


class AgenciesToldOfClosure(Check):
    id = "PLN-6"
    title = "Agencies still in contact are told when a child in need case closes"
    provenance = (
        Provenance(
            "E",
            "finding 3",
            "the circumstances under which Children's Social Care may want to consider "
            "re-opening a Child in Need case after the closure are not specified to the agencies "
            "who remained in contact with the family",
        ),
        Provenance(
            "BE",
            "lesson 2.1",
            "On completion of a Child in Need Plan professionals must consider who else needs to "
            "know this information.",
        ),
    )
    must = (
        "Tell each agency still working with the family that the case has closed, and what "
        "should bring a re-referral"
    )
    resolves = "information shared by children's social care with each of those agencies"
    timescale = Timescale(working_days=2)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for episode in child.episodes:
            if episode.kind != EpisodeKind.CHILD_IN_NEED or episode.ended_on is None:
                continue
            closed = episode.ended_on
            if self._continues(child, episode, closed):
                continue  # stepped up or carried on under another plan: not a closure
            people = [child, *facts.caring_adults(closed)]
            agencies = self._still_in_contact(people, closed)
            if not agencies:
                continue
            untold = [a for a in agencies if not self._told(people, a, closed)]
            yield Occurrence(
                key=f"episode:{episode.agency_id}:{episode.source_id}:closed",
                trigger_at=start_of(episode.ended_on),
                done=not untold,
                detail=f"Child in need plan closed on {shown(episode.ended_on)}; not yet told: "
                f"{', '.join(a.name for a in untold)}.",
            )

    def _continues(self, child: PersonView, ended: StatusEpisode, day: dt.date) -> bool:
        return any(
            other.pk != ended.pk and other.kind in STATUTORY_KINDS and open_on(other, day)
            for other in child.episodes
        )

    def _still_in_contact(self, people: list[PersonView], day: dt.date) -> list[Agency]:
        """Agencies other than children's social care with open work with the child or with the
        adults caring for them."""
        found: dict[int, Agency] = {}
        for person in people:
            for involvement in person.open_involvements(day):
                if involvement.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
                    found.setdefault(involvement.agency_id, involvement.agency)
        return sorted(found.values(), key=lambda agency: agency.name)

    def _told(self, people: list[PersonView], agency: Agency, closed: dt.date) -> bool:
        """Children's social care shared information with the agency about the child or the
        family, from the days before the closure on."""
        since = start_of(closed - TOLD_BEFORE)
        return any(
            h.counterpart_id == agency.pk and h.agency_kind == AgencyKind.CHILDRENS_SOCIAL_CARE
            for person in people
            for h in concerning(person, EventType.INFORMATION_SHARED, after=since)
        )


CHECK = AgenciesToldOfClosure()
