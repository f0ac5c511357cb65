"""What schools, early years settings and the school nursing service record."""

from __future__ import annotations

import datetime as dt

from threadline.demo.population import YEAR, Household, Resident
from threadline.demo.records import Recorder
from threadline.demo.timeline import arrived, between, days, left_borough, window_start

PRIMARIES = (
    "Northgate Primary School",
    "St Anne's CE Primary School",
    "Millbrook Vale Primary School",
)
SECONDARIES = ("Northshire Academy", "Hollowfield High School")


def school_phases(child: Resident) -> list[tuple[str, dt.date, dt.date]]:
    """(phase, first day, last day) of nursery, primary and secondary for a child."""

    def september(year: int) -> dt.date:
        return dt.date(year, 9, 1)

    # Children start school in the September after their fourth birthday.
    reception = september(child.dob.year + 4 + (child.dob >= dt.date(child.dob.year, 9, 1)))
    return [
        ("nursery", reception - days(YEAR), reception - days(45)),
        ("primary", reception, september(reception.year + 7) - days(40)),
        ("secondary", september(reception.year + 7), september(reception.year + 12) - days(40)),
    ]


def schools(rec: Recorder, household: Household) -> None:
    primary = PRIMARIES[household.index % len(PRIMARIES)]
    secondary = SECONDARIES[household.index % len(SECONDARIES)]
    gone = left_borough(household)
    for child in household.children:
        if not child.homes[0].in_borough and gone is None and not child.home.in_borough:
            continue
        for phase, first, last in school_phases(child):
            if last < window_start(rec) or first > rec.today:
                continue
            if phase == "nursery" and rec.rng.random() < 0.5:
                continue
            team = {"nursery": "Little Acorns Nursery", "primary": primary}.get(phase, secondary)
            closed = min(last, gone) if gone else last
            if closed < first:
                continue
            lead = rec.involvement(
                "schools",
                child,
                team,
                max(first, arrived(child)),
                closed=closed,
                reason=f"On roll ({phase})",
            )
            if lead and phase != "nursery":
                _attendance(rec, household, child, lead, first, min(closed, rec.today))


def _attendance(
    rec: Recorder, household: Household, child: Resident, lead: str, first: dt.date, last: dt.date
) -> None:
    rng = rec.rng
    poor = rng.random() < (0.45 if household.risks.level >= 2 else 0.07)
    if not poor:
        return
    term = max(first, window_start(rec)) + days(rng.randint(40, 120))
    while term <= last:
        rate = rng.randint(72, 89)
        rec.event(
            "schools",
            "school_absence",
            term,
            [(child, "subject")],
            f"Attendance {rate}% this half-term: persistent absence",
            practitioner=lead,
            significance="significant" if rate < 80 else "routine",
        )
        term += days(rng.randint(90, 200))


def school_nursing(rec: Recorder, household: Household) -> None:
    for child in household.children:
        age = child.age_on(rec.today)
        wanted = household.risks.level >= 2 or rec.rng.random() < 0.2
        if not 5 <= age < 16 or not wanted or not child.home.in_borough:
            continue
        opened = between(rec.rng, max(child.dob + days(5 * YEAR), window_start(rec)), rec.today)
        lead = rec.involvement(
            "school-nursing", child, "School Nursing Team", opened, reason="Health needs in school"
        )
        if lead:
            rec.event(
                "school-nursing",
                "appointment_attended",
                opened,
                [(child, "subject")],
                "School health review; care plan agreed with parent",
                practitioner=lead,
            )
