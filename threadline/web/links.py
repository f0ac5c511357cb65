"""Query strings for links that keep the chronology's filters."""

from __future__ import annotations

from django.http import QueryDict

FILTER_FIELDS = ("agency", "event_type", "person", "significance", "date_from", "date_to")


def filter_query(params: QueryDict, **changes: object) -> str:
    """``?agency=3&page=2``: the filters in ``params`` that have a value, with ``changes`` applied
    (None removes a key). Empty when nothing is left, so links stay clean."""
    kept = QueryDict(mutable=True)
    for key in (*FILTER_FIELDS, "page"):
        value = params.get(key, "")
        if value:
            kept[key] = value
    for key, change in changes.items():
        if change is None or change == "":
            kept.pop(key, None)
        else:
            kept[key] = str(change)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else ""
