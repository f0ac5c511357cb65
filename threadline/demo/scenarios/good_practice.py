"""Good practice, written once: the records around a plan that every learning check expects to
find. The control scenarios are built from these, so a check that fires on one of them is a
false alarm worth looking at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from threadline.demo.scenarios.builder import PersonRef, Scenario
from threadline.workingdays import add_working_days, subtract_working_days


def day(value: str, working_days: int = 0) -> str:
    """The date ``working_days`` after (or, when negative, before) ``value``."""
    start = dt.date.fromisoformat(value[:10])
    if working_days < 0:
        return subtract_working_days(start, -working_days).isoformat()
    return add_working_days(start, working_days).isoformat()


@dataclass(frozen=True)
class Family:
    child: str
    mother: str
    father: str
    agencies: Sequence[str]  # the agencies with open work with the child, other than CSC

    @property
    def parents_and_child(self) -> tuple[str, str, str]:
        return (self.child, self.mother, self.father)

    @property
    def parents(self) -> list[tuple[str, str]]:
        return [(self.mother, "present"), (self.father, "present")]


def tell_agencies(
    s: Scenario, f: Family, when: str, about: str, refers_to: str | None = None
) -> None:
    """Children's social care tells every involved agency, and each acknowledges the next day."""
    for agency in f.agencies:
        s.event(
            when,
            "csc",
            "information_shared",
            [f.child],
            f"{about}: told {agency}",
            counterpart=agency,
            refers_to=refers_to,
        )
        s.event(
            day(when, 1),
            agency,
            "acknowledgement",
            [f.child],
            f"Received: {about}",
            counterpart="csc",
        )


def send_minutes(
    s: Scenario, children: Sequence[str], meeting: str, held: str, to: Sequence[str]
) -> None:
    """As Threadline's own meetings record them: a copy sent to each agency two working days
    after the meeting (counterpart = the agency, answering the meeting), and each agency's
    receipt of its copy the next working day."""
    for agency in to:
        copy = s.event(
            day(held, 2),
            "csc",
            "minutes_circulated",
            list(children),
            f"Minutes sent to {agency}",
            counterpart=agency,
            refers_to=meeting,
        )
        s.event(
            day(held, 3),
            agency,
            "minutes_received",
            list(children),
            "Minutes received",
            counterpart="csc",
            refers_to={"agency": "csc", "id": copy},
        )


def minutes(s: Scenario, f: Family, meeting: str, held: str, others: Sequence[str] = ()) -> None:
    send_minutes(s, [f.child], meeting, held, (*f.agencies, *others))


def child_seen_and_heard(s: Scenario, f: Family, when: str) -> None:
    s.event(when, "csc", "child_seen_alone", [f.child], "Child seen alone")
    s.event(when, "csc", "child_views_recorded", [f.child], "Child's wishes and feelings recorded")


def strategy_to_assessment(s: Scenario, f: Family, when: str, others: Sequence[str] = ()) -> str:
    """A strategy discussion deciding a single assessment, reviewed, started and minuted."""
    sd = s.event(
        when,
        "csc",
        "strategy_discussion",
        [f.child],
        "Strategy discussion: single assessment",
        outcome="single_assessment",
    )
    s.event(
        day(when, 1),
        "csc",
        "management_review",
        [f.child],
        "Manager agrees the decision",
        refers_to=sd,
    )
    s.event(
        day(when, 1),
        "csc",
        "assessment_started",
        [f.child],
        "Single assessment started",
        outcome="single_assessment",
    )
    minutes(s, f, sd, when, others)
    return sd


def assessment_completed(s: Scenario, f: Family, when: str, outcome: str = "cin_plan") -> None:
    child_seen_and_heard(s, f, when)
    s.event(when, "csc", "genogram_updated", [f.child], "Genogram and ecomap brought up to date")
    s.event(
        when, "csc", "risk_assessment", [f.child], "Risk assessment, parents' histories weighed"
    )
    s.event(
        when,
        "csc",
        "assessment_completed",
        [f.child],
        "Single assessment completed",
        outcome=outcome,
    )


def review_meeting(s: Scenario, f: Family, held: str, kind: str = "cin_review") -> str:
    """A review booked two weeks ahead with every agency and the father invited, then held."""
    scheduled_on = day(held, -10)
    outcome = "cin_plan" if kind == "cin_review" else "cp_plan"
    meeting = s.event(
        scheduled_on,
        "csc",
        "meeting_scheduled",
        [f.child],
        "Review booked",
        outcome=outcome,
        due=held,
    )
    for agency in f.agencies:
        s.event(
            scheduled_on,
            "csc",
            "invitation",
            [f.child, (f.father, "invited")],
            f"Invitation to {agency}",
            counterpart=agency,
            refers_to=meeting,
        )
    child_seen_and_heard(s, f, day(held, -1))
    held_id = s.event(held, "csc", kind, [f.child, *f.parents], "Review held; father attends")
    s.event(held, "csc", "plan_reviewed", [f.child], "Plan and its risk assessment reviewed")
    return held_id


# --- Several children on one plan --------------------------------------------------------------
# The helpers above follow one child; these follow a household of one or more children, as the
# controls for neglect, a move out of the area and a step-down record them.


@dataclass(frozen=True)
class Household:
    """Children on a plan together, their parents, and the agencies (other than children's social
    care) with open work with the children."""

    children: tuple[str, ...]
    mother: str
    father: str
    agencies: Sequence[str]

    @property
    def present(self) -> list[PersonRef]:
        """The children as the meeting's subjects, with both parents there."""
        return [*self.children, (self.mother, "present"), (self.father, "present")]

    @property
    def invited(self) -> list[PersonRef]:
        """The children as the meeting's subjects, with both parents invited."""
        return [*self.children, (self.mother, "invited"), (self.father, "invited")]


def tell_household(
    s: Scenario,
    h: Household,
    when: str,
    about: str,
    others: Sequence[str] = (),
    refers_to: str | None = None,
) -> None:
    """Social care tells each agency (and ``others``); each acknowledges the next working day."""
    for agency in (*h.agencies, *others):
        s.event(
            when,
            "csc",
            "information_shared",
            list(h.children),
            f"{about}: told {agency}",
            counterpart=agency,
            refers_to=refers_to,
        )
        s.event(
            day(when, 1),
            agency,
            "acknowledgement",
            list(h.children),
            f"Received: {about}",
            counterpart="csc",
        )


def circulate(
    s: Scenario, h: Household, meeting: str, held: str, others: Sequence[str] = ()
) -> None:
    """Minutes out to each agency two working days after the meeting, each agency's receipt
    the day after."""
    send_minutes(s, h.children, meeting, held, (*h.agencies, *others))


def children_seen_and_heard(s: Scenario, h: Household, when: str, where: str) -> None:
    for child in h.children:
        s.event(when, "csc", "child_seen_alone", [child], f"Seen alone {where}")
        s.event(when, "csc", "child_views_recorded", [child], "Wishes and feelings recorded")


def book(
    s: Scenario,
    h: Household,
    booked_on: str,
    held: str,
    outcome: str,
    what: str,
    others: Sequence[str] = (),
) -> str:
    """A meeting booked for ``held``, every agency (and ``others``) and both parents invited."""
    booking = s.event(
        booked_on,
        "csc",
        "meeting_scheduled",
        list(h.children),
        f"{what} booked",
        outcome=outcome,
        due=held,
    )
    for agency in (*h.agencies, *others):
        s.event(
            booked_on,
            "csc",
            "invitation",
            h.invited,
            f"{what}: invitation to {agency}",
            counterpart=agency,
            refers_to=booking,
        )
    return booking


def hold(
    s: Scenario,
    h: Household,
    held: str,
    kind: str,
    summary: str,
    outcome: str | None = None,
    others: Sequence[str] = (),
) -> str:
    """The meeting held with both parents there, its minutes circulated and received."""
    meeting = s.event(held, "csc", kind, h.present, summary, outcome=outcome)
    circulate(s, h, meeting, held, others)
    return meeting
