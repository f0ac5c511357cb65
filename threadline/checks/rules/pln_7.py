"""PLN-7: a written agreement's condition is monitored at every review, and a sign that it has
been broken raises an urgent alert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.models import AlertLevel
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import (
    about,
    concerning,
    concerns,
    day_of,
    label,
    one_per_meeting,
    shown,
    start_of,
)
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome

REVIEWS = (
    EventType.PLAN_REVIEWED,
    EventType.CORE_GROUP,
    EventType.CIN_REVIEW,
    EventType.CONFERENCE,
)
# An agreement is revisited at least yearly; an older one, never renewed, has lapsed.
AGREEMENT_LASTS = dt.timedelta(days=365)
# Events putting the monitored adult and the child together that always signal a breach.
ALWAYS_A_SIGN = (EventType.POLICE_INCIDENT, EventType.DOMESTIC_ABUSE_INCIDENT)
# Under a condition on contact, finding the adult at the home, or at a contact the condition
# does not allow, is a sign too.
CONTACT_CONDITIONS = {Outcome.NO_CONTACT, Outcome.SUPERVISED_CONTACT_ONLY}
RESPONSES = (
    EventType.STRATEGY_DISCUSSION,
    EventType.RISK_ASSESSMENT,
    EventType.CONFERENCE,
    EventType.WRITTEN_AGREEMENT,
)


class WrittenAgreementMonitored(Check):
    id = "PLN-7"
    title = "A written agreement's condition is monitored, and a breach acted on at once"
    provenance = (
        Provenance(
            "Ag",
            "the incident",
            "he was not supposed to return to the family home until it was known that he had "
            "been drug free for a period of several months. This was not monitored",
        ),
        Provenance(
            "Ag",
            "safeguarding concerns",
            "conditions agreed as a result of closing the Child Protection Plans were not "
            "adhered to.",
        ),
    )
    must = (
        "Show evidence the written agreement's condition is being monitored at each review and "
        "when the adult leaves custody; act at once on a sign it has been broken"
    )
    resolves = (
        "monitoring of the condition recorded since the last review or release from custody; "
        "after a sign of breach, a strategy discussion, risk assessment, conference or new "
        "agreement"
    )
    level = AlertLevel.URGENT
    timescale = Timescale(working_days=None)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        agreements = [
            (a, self._monitored(child, a)) for a in about(child, EventType.WRITTEN_AGREEMENT)
        ]
        for agreement, monitored in agreements:
            in_force = self._in_force_on(agreement, monitored, agreements)
            yield from self._reviews(child, agreement, monitored, in_force)
            if monitored is not None:
                yield from self._breaches(child, agreement, monitored, in_force)

    def _monitored(self, child: PersonView, agreement: Happening) -> PersonView | None:
        """The adult the condition applies to, among the people linked to the child (whose
        records the checks always see)."""
        for link in child.links:
            for h in link.other.events:
                if h.key == agreement.key and h.role == SubjectRole.MONITORED:
                    return link.other
        return None

    def _in_force_on(
        self,
        agreement: Happening,
        monitored: PersonView | None,
        agreements: list[tuple[Happening, PersonView | None]],
    ) -> Callable[[dt.date], bool]:
        """Whether the agreement holds on a day: after it was made, before it lapsed, and before
        a later agreement about the same adult replaced it."""
        made = day_of(agreement)
        replaced = min(
            (
                day_of(other)
                for other, about_whom in agreements
                if about_whom is monitored and (day_of(other), other.key) > (made, agreement.key)
            ),
            default=None,
        )

        def holds(day: dt.date) -> bool:
            lapsed = day > made + AGREEMENT_LASTS
            return made < day and not lapsed and (replaced is None or day <= replaced)

        return holds

    def _reviews(
        self,
        child: PersonView,
        agreement: Happening,
        monitored: PersonView | None,
        in_force: Callable[[dt.date], bool],
    ) -> Iterator[Occurrence]:
        """At each review while the agreement holds, and when the adult it restrains leaves
        custody: monitoring recorded since the checkpoint before (or since the agreement)."""
        evidence_from = day_of(agreement)
        for checkpoint in self._checkpoints(child, monitored):
            day = day_of(checkpoint)
            if not in_force(day):
                continue
            yield Occurrence(
                key=f"{occurrence_key(agreement)}:check:{checkpoint.key[0]}:{checkpoint.key[1]}",
                trigger_at=checkpoint.at,
                done=self._monitoring_since(child, agreement, monitored, evidence_from),
                detail=f"Written agreement of {shown(day_of(agreement))}"
                f"{self._about(monitored)}: no monitoring of the condition recorded for the "
                f"{label(checkpoint.type).lower()} on {shown(day)}.",
            )
            evidence_from = day + dt.timedelta(days=1)

    def _checkpoints(self, child: PersonView, monitored: PersonView | None) -> list[Happening]:
        reviews = one_per_meeting(about(child, *REVIEWS))
        # A release is when a condition about returning home starts to bite.
        releases = [] if monitored is None else about(monitored, EventType.RELEASE_FROM_CUSTODY)
        return sorted([*reviews, *releases], key=lambda h: (h.at, h.key))

    def _monitoring_since(
        self,
        child: PersonView,
        agreement: Happening,
        monitored: PersonView | None,
        since: dt.date,
    ) -> bool:
        people = [child] if monitored is None else [child, monitored]
        return any(
            h.refers_to in (None, agreement.key)
            for person in people
            for h in person.happenings(EventType.CONDITION_MONITORED, after=start_of(since))
        )

    def _breaches(
        self,
        child: PersonView,
        agreement: Happening,
        adult: PersonView,
        in_force: Callable[[dt.date], bool],
    ) -> Iterator[Occurrence]:
        """Events recorded on both the child and the adult while the agreement holds."""
        theirs = {h.key for h in adult.events if concerns(h)}
        for event in child.events:
            if event.key not in theirs or not in_force(day_of(event)):
                continue
            if not self._a_sign(agreement, event):
                continue
            yield Occurrence(
                key=f"{occurrence_key(agreement)}:breach:{event.key[0]}:{event.key[1]}",
                trigger_at=event.at,
                done=bool(concerning(child, *RESPONSES, after=start_of(day_of(event)))),
                detail=f"{label(event.type)} on {shown(day_of(event))} involving "
                f"{adult.person.full_name} and the child, against the written agreement of "
                f"{shown(day_of(agreement))}.",
            )

    def _a_sign(self, agreement: Happening, event: Happening) -> bool:
        if event.type in ALWAYS_A_SIGN:
            return True
        if event.type == EventType.CONCERN and event.refers_to == agreement.key:
            return True  # the monitor's own record of a breach
        if agreement.outcome not in CONTACT_CONDITIONS:
            return False
        if event.type == EventType.HOME_VISIT:
            return True
        if event.type == EventType.CONTACT_SESSION:
            return agreement.outcome == Outcome.NO_CONTACT or event.outcome == Outcome.UNSUPERVISED
        return False

    def _about(self, monitored: PersonView | None) -> str:
        return "" if monitored is None else f" for {monitored.person.full_name}"


CHECK = WrittenAgreementMonitored()
