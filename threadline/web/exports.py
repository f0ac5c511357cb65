"""The chronology as CSV, for practitioners who must take it into a report or a meeting pack."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.utils import timezone

from threadline.access.sensitive import words_for
from threadline.agencies.models import Practitioner
from threadline.chronology.models import EventPerson
from threadline.web.presenters import occurred_iso, recorded_by

HEADER = (
    "Occurred",
    "Date known to",
    "Event type",
    "Summary",
    "Detail",
    "Agency",
    "Practitioner",
    "Reliability",
    "Significance",
    "Child's part",
    "Version",
    "Recorded",
)
# A cell starting with one of these runs as a formula when the file is opened in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Line:
    """A file-like object whose write() hands back the line, so csv.writer can stream."""

    def write(self, value: str) -> str:
        return value


def _safe(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _row(link: EventPerson, viewer: Practitioner) -> list[str]:
    event = link.event
    words = words_for(viewer, event)
    return [
        occurred_iso(event),
        event.get_precision_display(),
        event.get_event_type_display(),
        _safe(words.summary),
        _safe(words.detail),
        event.agency.name,
        _safe(recorded_by(event)),
        event.get_reliability_display(),
        event.get_significance_display(),
        link.get_role_display(),
        str(event.version),
        timezone.localtime(event.recorded_at).isoformat(timespec="minutes"),
    ]


def chronology_csv_lines(links: Iterable[EventPerson], viewer: Practitioner) -> Iterator[str]:
    writer = csv.writer(_Line())
    # The byte order mark tells spreadsheet programs the file is UTF-8.
    yield "\ufeff" + writer.writerow(HEADER)
    for link in links:
        yield writer.writerow(_row(link, viewer))
