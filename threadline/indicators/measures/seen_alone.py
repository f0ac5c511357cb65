"""Children seen alone when they are visited (DEC-4; Ak finding 2, Q "speak to a child alone").

One visit is one child seen by one agency on one London day, however many records it left (a
home visit, then the child seen, or seen alone): a child old enough to be seen alone, by DEC-4's
age, and not yet 18. It is met when that agency recorded the child seen alone that day. Visits
where the child was not seen at all are a different failing and are left out; so are children
whose date of birth is not recorded, whose age cannot be told.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Max, When
from django.db.models.functions import TruncDate

from threadline.checks.rules.dec_4 import OLD_ENOUGH_TO_BE_SEEN_ALONE
from threadline.chronology.models import EventPerson, SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.indicators.measures._record import LONDON, occurred_within
from threadline.indicators.tally import Tally, Window

VISITS = (EventType.HOME_VISIT, EventType.CHILD_SEEN, EventType.CHILD_SEEN_ALONE)
# The child was there: the subject of the record, or present at the visit.
SEEN_ROLES = (SubjectRole.SUBJECT, SubjectRole.PRESENT)
ADULT = 18.0


def count(window: Window) -> Tally:
    """One row per visit from the database (a borough makes hundreds of thousands of visits a
    year, each leaving two or three records); ages are then told exactly, by day."""
    youngest, oldest = _born_between(window)
    visits = (
        EventPerson.objects.filter(
            occurred_within(window.first, window.last),
            event_type__in=VISITS,
            role__in=SEEN_ROLES,
            is_current=True,
            person__date_of_birth__range=(youngest, oldest),
        )
        .annotate(day=TruncDate("occurred_at", tzinfo=LONDON))
        .values("person_id", "agency_id", "day", "person__date_of_birth")
        .annotate(alone=Max(Case(When(event_type=EventType.CHILD_SEEN_ALONE, then=1), default=0)))
        .order_by()
    )
    tally = Tally()
    for visit in visits:
        day, born, alone = visit["day"], visit["person__date_of_birth"], bool(visit["alone"])
        if not OLD_ENOUGH_TO_BE_SEEN_ALONE <= age_on(born, day) < ADULT:
            continue
        # A visit today may have its seen-alone record still to come.
        if window.counts(day, met=alone):
            tally.add(day, visit["agency_id"], met=alone)
    return tally


def _born_between(window: Window) -> tuple[dt.date, dt.date]:
    """Dates of birth that can be of a child old enough on some day of the window, with a day
    to spare either side: the exact age is told per visit."""
    earliest = window.first - dt.timedelta(days=round(ADULT * 365.25) + 1)
    latest = window.last - dt.timedelta(days=round(OLD_ENOUGH_TO_BE_SEEN_ALONE * 365.25) - 1)
    return earliest, latest


def age_on(born: dt.date, day: dt.date) -> float:
    """Years, as the checks count them."""
    return (day - born).days / 365.25
