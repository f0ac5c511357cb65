"""Meetings, minutes and plans in a scenario, written as the same chronology events Threadline's
own meetings and plans write (``threadline/meetings/chronicle.py``, ``threadline/plans/
services.py``), so a review's meeting reads as if it had been booked, held and minuted there:

- a booking (``meeting_scheduled``, its kind as the outcome word, the date as ``due``, opening with
  the original reason for referral, the parents and carers invited on it in the role
  ``invited``), and an ``invitation`` to each agency (counterpart = that agency, answering the
  booking);
- ``apologies`` from an agency, answering the booking;
- the meeting itself, which the scenario records as before (``conference``, ``core_group``...),
  with the parents and carers in their part (``present``, ``apologies`` or ``invited``);
- ``action_set`` by the convening agency (answering the meeting, ``due`` the date, counterpart
  the agency that owns it) and ``action_completed`` by whoever did it (answering the action);
- ``minutes_circulated`` to each agency (counterpart = that agency, answering the meeting), and
  ``minutes_received`` by each agency that confirmed them (answering the copy it received);
- ``plan_started`` opening with the original reason for referral, ``written_agreement`` with the
  adult it restrains in the role ``monitored``, ``condition_monitored`` answering the agreement.

Nothing is written that the scenario does not call for: a copy never sent or never confirmed is
simply absent, which is how the reviews' missing minutes show in the record.
"""

from __future__ import annotations

from collections.abc import Sequence

from threadline.demo.borough import agency
from threadline.demo.scenarios.builder import PersonRef, Scenario


def name(code: str) -> str:
    return agency(code).name


def as_known_to(code: str, people: Sequence[PersonRef]) -> list[PersonRef]:
    """The people of an event another agency sends, by social care's record of them: an agency
    answering a meeting may hold no record of its own for each child (the feed takes another
    agency's id)."""
    if code == "csc":
        return list(people)

    def ref(person: str | dict[str, str]) -> str | dict[str, str]:
        return {"agency": "csc", "id": person} if isinstance(person, str) else person

    return [(ref(p[0]), p[1]) if isinstance(p, tuple) else ref(p) for p in people]


def book(
    s: Scenario,
    booked_on: str,
    held_on: str,
    what: str,
    children: Sequence[PersonRef],
    *,
    reason: str,
    invite: Sequence[str] = (),
    family: Sequence[str] = (),
    kind: str | None = None,
    by: str = "",
    code: str = "csc",
) -> str:
    """A meeting booked for ``held_on``, the family members in ``family`` on the booking as
    invited, and each agency in ``invite`` sent an invitation the same day. Returns the
    booking's id."""
    booking = s.event(
        booked_on,
        code,
        "meeting_scheduled",
        [*children, *((person, "invited") for person in family)],
        f"{what} booked for {held_on}",
        by=by,
        detail=f"Original reason for referral: {reason}",
        outcome=kind,
        due=held_on,
    )
    for guest in invite:
        s.event(
            booked_on,
            code,
            "invitation",
            list(children),
            f"{name(guest)} invited to the {what[0].lower()}{what[1:]} on {held_on}",
            by=by,
            counterpart=guest,
            refers_to=booking,
        )
    return booking


def apologies(
    s: Scenario,
    day: str,
    code: str,
    children: Sequence[PersonRef],
    booking: str,
    what: str,
    *,
    by: str = "",
    convener: str = "csc",
) -> str:
    return s.event(
        day,
        code,
        "apologies",
        as_known_to(code, children),
        f"Apologies for the {what[0].lower()}{what[1:]}",
        by=by,
        counterpart=convener,
        refers_to={"agency": convener, "id": booking},
    )


def actions(
    s: Scenario,
    held_on: str,
    meeting: str,
    children: Sequence[PersonRef],
    owed: Sequence[tuple[str, str, str]],
    *,
    by: str = "",
    code: str = "csc",
) -> list[str]:
    """The actions a meeting set: (agency owning it, what, due date) each. Returns their ids."""
    return [
        s.event(
            held_on,
            code,
            "action_set",
            list(children),
            f"Action for {name(owner)}: {description}",
            by=by,
            due=due,
            counterpart=owner if owner != code else None,
            refers_to=meeting,
        )
        for owner, description, due in owed
    ]


def completed(
    s: Scenario,
    day: str,
    code: str,
    children: Sequence[PersonRef],
    action: str,
    description: str,
    *,
    by: str = "",
    convener: str = "csc",
) -> str:
    return s.event(
        day,
        code,
        "action_completed",
        as_known_to(code, children),
        f"Action completed: {description}",
        by=by,
        refers_to=action if code == convener else {"agency": convener, "id": action},
    )


def circulate(
    s: Scenario,
    day: str,
    meeting: str,
    children: Sequence[PersonRef],
    to: Sequence[str],
    what: str,
    *,
    by: str = "",
    noun: str = "Minutes",
    code: str = "csc",
) -> dict[str, str]:
    """The minutes (or notes) sent to each agency in ``to``; returns each copy's id by agency."""
    return {
        guest: s.event(
            day,
            code,
            "minutes_circulated",
            list(children),
            f"{noun} of the {what[0].lower()}{what[1:]} sent to {name(guest)}",
            by=by,
            counterpart=guest,
            refers_to=meeting,
        )
        for guest in to
    }


def received(
    s: Scenario,
    day: str,
    code: str,
    children: Sequence[PersonRef],
    copy: str,
    what: str,
    *,
    by: str = "",
    convener: str = "csc",
) -> str:
    return s.event(
        day,
        code,
        "minutes_received",
        as_known_to(code, children),
        f"Minutes of the {what[0].lower()}{what[1:]} received",
        by=by,
        counterpart=convener,
        refers_to={"agency": convener, "id": copy},
    )


def plan_started(
    s: Scenario,
    day: str,
    children: Sequence[PersonRef],
    summary: str,
    *,
    reason: str,
    addresses: str,
    by: str = "",
    review_by: str | None = None,
) -> str:
    """A plan written, opening with the original reason for referral (Ag Rec 1). Where a review
    found the reason lost, the scenario writes the plan without it (``reason=""``)."""
    opening = f"Original reason for referral: {reason}\n" if reason else ""
    return s.event(
        day,
        "csc",
        "plan_started",
        list(children),
        summary,
        by=by,
        detail=f"{opening}This plan addresses: {addresses}",
        significance="significant",
        due=review_by,
    )


def written_agreement(
    s: Scenario,
    day: str,
    children: Sequence[PersonRef],
    adult: str,
    condition: str,
    *,
    monitor: str,
    contact: str | None = None,
    by: str = "",
) -> str:
    """A written agreement's condition on an adult, and who is to monitor it."""
    return s.event(
        day,
        "csc",
        "written_agreement",
        [*children, (adult, "monitored")],
        f"Written agreement: {condition}",
        by=by,
        detail=f"Monitored by {monitor}",
        outcome=contact,
        significance="significant",
    )
