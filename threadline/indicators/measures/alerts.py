"""Alerts resolved in time, by learning check: of the alerts whose deadline fell in a month, how
many the record (or a professional judgement) had closed by that deadline, and how many were
raised to someone because it had not.

Only the check's own evidence is left out: an alert closed because it no longer applies (the
record changed under it: a correction, a plan that ended) says nothing about practice. An alert is
counted against the children's social care that last opened work with the child on or before the
day the alert was triggered: the ladder of nearly every check runs through that agency's workers
and managers. Counted in the database, because a borough's alerts run to hundreds of thousands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate, TruncMonth

from threadline.agencies.models import AgencyKind
from threadline.casework.models import Involvement
from threadline.checks.models import Alert, AlertState, Resolution
from threadline.indicators.measures._record import (
    LONDON,
    local_day,
    occurred_within,
    start_of,
)
from threadline.indicators.tally import AgencyId, Tally, Window

IN_TIME = Q(
    state=AlertState.RESOLVED,
    resolution__in=(Resolution.DONE, Resolution.JUDGEMENT),
    resolved_at__lte=F("due_at"),
)


@dataclass(frozen=True)
class CheckFigure:
    check_id: str
    due: int
    met: int

    @property
    def raised(self) -> int:
        return self.due - self.met


def count(window: Window) -> Tally:
    return count_for_check(window, "")


def count_for_check(window: Window, check_id: str) -> Tally:
    """The same, for one learning check's alerts only (all checks when ``check_id`` is empty)."""
    rows = (
        _counted(window, check_id)
        .annotate(month=TruncMonth("due_at", tzinfo=LONDON))
        .values("month", "agency")
        .annotate(due=Count("pk"), met=Count("pk", filter=IN_TIME))
        .order_by()
    )
    tally = Tally()
    for row in rows:
        tally.add_counts(_month(row["month"]), row["agency"], due=row["due"], met=row["met"])
    return tally


def by_check(window: Window, agency_id: AgencyId = None) -> list[CheckFigure]:
    """Each check's alerts due in the window, for one agency's children or (None) everyone's."""
    counted = _counted(window, "")
    if agency_id is not None:
        counted = counted.filter(Q(agency=agency_id))  # an annotation, below
    rows = (
        counted.values("check_id")
        .annotate(due=Count("pk"), met=Count("pk", filter=IN_TIME))
        .order_by("check_id")
    )
    return [CheckFigure(row["check_id"], row["due"], row["met"]) for row in rows]


def _counted(window: Window, check_id: str) -> QuerySet[Alert]:
    """Alerts due in the window whose deadline has passed or which were closed in time, each
    with the agency it is counted against."""
    # Counted by day, as the other indicators are: due before today, or already closed in time.
    alerts = (
        Alert.objects.filter(occurred_within(window.first, window.last, "due_at"))
        .exclude(resolution=Resolution.NO_LONGER_APPLIES)
        .filter(Q(due_at__lt=start_of(window.today)) | IN_TIME)
    )
    if check_id:
        alerts = alerts.filter(check_id=check_id)
    return alerts.annotate(trigger_day=TruncDate("trigger_at", tzinfo=LONDON)).annotate(
        agency=Subquery(_social_care().values("agency_id")[:1])
    )


def _social_care() -> QuerySet[Involvement]:
    """The children's social care that last opened work with the alert's subject by the day the
    alert was triggered."""
    return Involvement.objects.filter(
        person_id=OuterRef("subject_id"),
        agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE,
        opened_on__lte=OuterRef("trigger_day"),
    ).order_by("-opened_on", "-pk")


def _month(value: dt.date | dt.datetime) -> dt.date:
    """The database gives the month as a London midnight (or, on some backends, a date)."""
    if isinstance(value, dt.datetime):
        return local_day(value).replace(day=1)
    return value.replace(day=1)
