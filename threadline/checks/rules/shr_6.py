"""SHR-6: after a domestic abuse incident, the child's school, health visitor or school nurse and
social worker know before the next school day (Operation Encompass)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import CARING_ADULT_ROLES, Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._sharing import (
    CSC,
    day_of,
    events_of,
    label,
    listing,
    on,
    sent_to_csc,
    told,
)
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType

NOTIFICATIONS = (EventType.INFORMATION_SHARED, EventType.REFERRAL)
TO_BE_TOLD = (
    AgencyKind.EDUCATION,
    AgencyKind.HEALTH_VISITING,
    AgencyKind.SCHOOL_NURSING,
    AgencyKind.CHILDRENS_SOCIAL_CARE,
)


# How the child was part of the incident, in the alert's words.
CHILD_WAS: dict[str, str] = {
    SubjectRole.PRESENT: "with the child present",
    SubjectRole.WITNESS: "witnessed by the child",
    SubjectRole.VICTIM: "in which the child was harmed",
    SubjectRole.ALLEGED_PERPETRATOR: "involving the child",
    SubjectRole.SUBJECT: "involving the child",
}


@dataclass(frozen=True)
class Incident:
    event: Happening
    who: str  # whose incident it was, as the child's alert should say
    people: tuple[PersonView, ...]  # whose chronologies may hold the sharing


def incidents(facts: Facts) -> list[Incident]:
    """Police domestic abuse incidents involving the child or an adult caring for them."""
    child = facts.subject
    found: dict[int, Incident] = {}
    for h in child.happenings(EventType.DOMESTIC_ABUSE_INCIDENT):
        if h.agency_kind == AgencyKind.POLICE:
            found[h.pk] = Incident(h, CHILD_WAS.get(h.role, "naming the child"), (child,))
    for link in child.links:
        adult = link.other
        if link.role not in CARING_ADULT_ROLES:
            continue
        for h in adult.happenings(EventType.DOMESTIC_ABUSE_INCIDENT):
            day = day_of(h)
            if (
                h.agency_kind == AgencyKind.POLICE
                and h.pk not in found
                and link.current_on(day)
                and not adult.is_child_on(day)
            ):
                who = f"involving {adult.person.full_name} ({label(link.role)})"
                found[h.pk] = Incident(h, who, (child, adult))
    return sorted(found.values(), key=lambda incident: incident.event.at)


class DomesticAbuseNotified(Check):
    id = "SHR-6"
    title = "A domestic abuse incident reaches the child's school, health and social worker by the next school day"
    provenance = (
        Provenance(
            "Ag",
            "good practice",
            "The Domestic Abuse Notification Scheme now notifies schools and Health Visitors when "
            "police have been called to a domestic violence incident where children are resident.",
        ),
        Provenance(
            "Ak",
            "finding 4",
            "professionals did not fully appreciate the significance of father's chronic history "
            "of domestic abuse",
        ),
    )
    must = (
        "Tell the child's school safeguarding lead, health visitor or school nurse and any "
        "allocated social worker of the domestic abuse incident"
    )
    resolves = (
        "information shared (or a referral) with each of those agencies, or their own "
        "acknowledgement, on or after the day of the incident"
    )
    who = Actor.POLICE
    ladder = (Actor.MASH,)
    timescale = Timescale(working_days=1)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for incident in incidents(facts):
            day = day_of(incident.event)
            to_tell = [
                i.agency for i in child.open_involvements(day) if i.agency.kind in TO_BE_TOLD
            ]
            if not to_tell:
                continue
            events = events_of(*incident.people)
            untold = [
                agency
                for agency in to_tell
                if not self._told(events, agency.pk, incident.event, day)
                and not (agency.kind == CSC and self._social_care_told(events, incident.event))
            ]
            yield Occurrence(
                key=occurrence_key(incident.event),
                trigger_at=incident.event.at,
                done=not untold,
                detail=f"Police recorded a domestic abuse incident on {on(day)} {incident.who}. "
                "To be told before the next school day: "
                f"{listing(sorted({agency.name for agency in to_tell}))}.",
            )

    def _told(
        self, events: list[Happening], agency_id: int, incident: Happening, day: dt.date
    ) -> bool:
        # A receipt may answer the police notification rather than the incident itself.
        about = {incident.key} | {h.key for h in events if h.refers_to == incident.key}
        notice = told(
            events,
            agency_id,
            day,
            telling=NOTIFICATIONS,
            receipts=(EventType.ACKNOWLEDGEMENT,),
            about=about,
        )
        # An agency that answered the incident itself had been told of it.
        answered = any(h.agency_id == agency_id and h.refers_to == incident.key for h in events)
        return notice is not None or answered

    def _social_care_told(self, events: list[Happening], incident: Happening) -> bool:
        """A referral reaches social care even where the sender left the counterpart out."""
        day = day_of(incident)
        return any(
            h.type in NOTIFICATIONS
            and sent_to_csc(h)
            and day_of(h) >= day
            and h.refers_to in (None, incident.key)
            for h in events
        )


CHECK = DomesticAbuseNotified()
