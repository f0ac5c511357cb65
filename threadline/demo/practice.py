"""The record of good practice around a child's plan: partners invited and told, minutes sent
and received, the child's views, managers' reviews, risk assessments.

The learning checks look for exactly these entries, so a household where practice is good
keeps them quiet; in a household where practice is patchy some are missing, as in the reviews.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from threadline.demo.population import Household, Resident
from threadline.demo.records import Recorder
from threadline.demo.timeline import days

# Agencies that take part in a child's plan alongside children's social care.
PARTNERS = (
    "health-visiting",
    "schools",
    "school-nursing",
    "gp",
    "police",
    "hospital",
    "midwifery",
    "cafcass",
)
TRIO = {"1B", "2B", "3B", "4B"}


@dataclass
class Journey:
    """One household's journey with children's social care, as it is being written."""

    rec: Recorder
    household: Household
    children: list[Resident]
    side: str  # "North" or "South": which locality teams hold the case
    good_practice: bool
    factors: list[str] = field(default_factory=list)

    @property
    def rng(self) -> random.Random:
        return self.rec.rng

    def family(self, child_role: str = "subject") -> list[tuple[Resident, str]]:
        carers = [(carer, "present") for carer in self.household.carers]
        return [(child, child_role) for child in self.children] + carers

    def each_child(self) -> list[tuple[Resident, str]]:
        return [(child, "subject") for child in self.children]

    def finish(self, end: dt.date) -> dt.date:
        """The end of the journey's last stage: after today while the journey is current."""
        if self.household.risks.current:
            return max(end, self.rec.today + days(self.rng.randint(30, 240)))
        return end


def done(journey: Journey, patchy_chance: float = 0.4) -> bool:
    """Whether this piece of practice was recorded: always where practice is good."""
    return journey.good_practice or journey.rng.random() < patchy_chance


def partners(journey: Journey) -> list[str]:
    """The partner agencies that hold a record of any of the children."""
    rec = journey.rec
    return [code for code in PARTNERS if any(rec.knows(code, child) for child in journey.children)]


def fathers_elsewhere(journey: Journey) -> list[tuple[Resident, str]]:
    """Fathers not living with the children, invited to their meetings where practice is good."""
    household = journey.household
    fathers = {
        household.fathers[child.key].key: household.fathers[child.key]
        for child in journey.children
        if child.key in household.fathers
    }
    absent = [father for father in fathers.values() if not father.lives_in]
    return [(father, "invited") for father in absent] if journey.good_practice else []


def multi_agency_meeting(
    journey: Journey,
    event_type: str,
    when: dt.date,
    summary: str,
    worker: str,
    *,
    outcome: str | None = None,
    minutes_days: tuple[int, int] = (2, 7),
    significance: str = "significant",
) -> str | None:
    """A conference, core group or review: partners invited, the meeting, the minutes sent
    and each partner's receipt."""
    rec = journey.rec
    invited = partners(journey) if done(journey) else []
    for code in invited:
        rec.event(
            "csc",
            "invitation",
            when - days(journey.rng.randint(3, 8)),
            journey.each_child(),
            f"Invitation to the {summary.lower()}",
            practitioner=worker,
            counterpart=code,
        )
    people = [*journey.family(), *fathers_elsewhere(journey)]
    meeting = rec.event(
        "csc",
        event_type,
        when,
        people,
        summary,
        practitioner=worker,
        outcome=outcome,
        significance=significance,
    )
    if meeting and done(journey):
        _minutes(journey, meeting, when + days(journey.rng.randint(*minutes_days)), invited)
    return meeting


def _minutes(journey: Journey, meeting: str, sent: dt.date, told: list[str]) -> None:
    rec = journey.rec
    rec.event(
        "csc",
        "minutes_circulated",
        sent,
        journey.each_child(),
        "Minutes circulated to the agencies",
        refers_to=meeting,
    )
    for code in told:
        rec.event(
            code,
            "minutes_received",
            sent + days(journey.rng.randint(0, 2)),
            _known_children(journey, code),
            "Minutes received from children's social care",
            counterpart="csc",
            refers_to={"agency": "csc", "id": meeting},
        )


def _known_children(journey: Journey, code: str) -> list[tuple[Resident, str]]:
    return [(child, "subject") for child in journey.children if journey.rec.knows(code, child)]


def tell_partners(journey: Journey, when: dt.date, what: str, worker: str) -> None:
    """A change of status or a closure told to each partner, and each partner's receipt."""
    if not done(journey):
        return
    rec = journey.rec
    for code in partners(journey):
        told = rec.event(
            "csc",
            "information_shared",
            when,
            journey.each_child(),
            what,
            practitioner=worker,
            counterpart=code,
        )
        if told:
            rec.event(
                code,
                "acknowledgement",
                when + days(journey.rng.randint(0, 2)),
                _known_children(journey, code),
                f"Received: {what.lower()}",
                counterpart="csc",
                refers_to={"agency": "csc", "id": told},
            )


def child_voice(journey: Journey, when: dt.date, worker: str) -> None:
    if done(journey, 0.3):
        journey.rec.event(
            "csc",
            "child_views_recorded",
            when,
            journey.each_child(),
            "The children's wishes, feelings and daily life recorded",
            practitioner=worker,
        )


def network_mapped(journey: Journey, when: dt.date, worker: str) -> None:
    if done(journey, 0.3):
        journey.rec.event(
            "csc",
            "genogram_updated",
            when,
            journey.each_child(),
            "Genogram and ecomap brought up to date",
            practitioner=worker,
        )


def risk_assessed(journey: Journey, when: dt.date, worker: str, why: str) -> None:
    if done(journey, 0.3):
        journey.rec.event(
            "csc", "risk_assessment", when, journey.each_child(), why, practitioner=worker
        )


def cumulative_risk(journey: Journey, when: dt.date, worker: str) -> None:
    """Two or more of domestic abuse, parental mental ill-health and substance misuse."""
    if len(TRIO.intersection(journey.factors)) >= 2:
        risk_assessed(journey, when, worker, "Assessment of the cumulative risk to the children")


def manager_review(journey: Journey, when: dt.date, summary: str) -> None:
    if done(journey, 0.3):
        manager = journey.rec.staff.pick(journey.rng, "csc", f"Child in Need Team {journey.side}")
        journey.rec.event(
            "csc", "management_review", when, journey.each_child(), summary, practitioner=manager
        )


def decision(journey: Journey, when: dt.date, summary: str, outcome: str, worker: str) -> None:
    journey.rec.event(
        "csc", "decision", when, journey.each_child(), summary, practitioner=worker, outcome=outcome
    )
