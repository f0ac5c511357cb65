"""Build a family's record in a few lines and replay it day by day through the checks."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from threadline.checks.models import Alert
from threadline.checks.replay import ReplayReport, run_scenario
from threadline.checks.scenarios import Scenario

AGENCIES = [
    "csc",
    "police",
    "education",
    "health_visiting",
    "school_nursing",
    "gp",
    "midwifery",
    "hospital",
    "probation",
    "adult_mental_health",
    "drug_alcohol",
    "housing",
]


def ref(person_id: str) -> dict[str, str]:
    return {"agency": "csc", "id": person_id}


class Story:
    def __init__(self, title: str = "a family") -> None:
        self.title = title
        self.records: list[dict[str, Any]] = [
            {"kind": "agency", "code": code, "name": f"Northshire {code}", "agency_kind": code}
            for code in AGENCIES
        ]
        self.expectations: list[dict[str, Any]] = []
        self._ids = itertools.count(1)

    def _next(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids)}"

    def person(self, pid: str, born: str | None, sex: str = "female", **extra: Any) -> str:
        self.records.append(
            {
                "kind": "person",
                "agency": "csc",
                "id": pid,
                "name": {"given": pid.title(), "family": "Testfamily"},
                "date_of_birth": born,
                "sex": sex,
                **extra,
            }
        )
        return pid

    def child(self, pid: str = "child", born: str = "2019-06-01", sex: str = "female") -> str:
        return self.person(pid, born, sex)

    def adult(self, pid: str, sex: str = "female", born: str = "1990-02-02") -> str:
        return self.person(pid, born, sex)

    def relate(self, person: str, relative: str, kind: str = "parent", **extra: Any) -> None:
        self.records.append(
            {
                "kind": "relationship",
                "agency": "csc",
                "id": self._next("R"),
                "person": person,
                "relative": relative,
                "type": kind,
                **extra,
            }
        )

    def involve(
        self, pid: str, agency: str = "csc", opened: str = "2023-01-02", **extra: Any
    ) -> None:
        self.records.append(
            {
                "kind": "involvement",
                "agency": agency,
                "id": self._next("I"),
                "person": ref(pid),
                "opened": opened,
                **extra,
            }
        )

    def episode(self, pid: str, status: str, start: str, **extra: Any) -> None:
        self.records.append(
            {
                "kind": "status_episode",
                "agency": "csc",
                "id": self._next("S"),
                "person": pid,
                "status": status,
                "start": start,
                **extra,
            }
        )

    def event(self, day: str, kind: str, *people: str, agency: str = "csc", **extra: Any) -> str:
        event_id = extra.pop("id", None) or self._next("E")
        roles = extra.pop("roles", {})
        self.records.append(
            {
                "kind": "event",
                "agency": agency,
                "id": event_id,
                "type": kind,
                "occurred": day,
                "people": [
                    {"person": ref(p), "role": roles[p]} if p in roles else ref(p) for p in people
                ],
                "summary": f"{kind.replace('_', ' ')} (test)",
                **extra,
            }
        )
        return event_id

    def expect(self, check: str, pid: str, by: str) -> None:
        self.expectations.append({"check": check, "person": ref(pid), "by": by})

    def replay(self, until: str) -> ReplayReport:
        header = {
            "kind": "header",
            "title": self.title,
            "control": not self.expectations,
            "expectations": self.expectations,
            "end_date": until,
        }
        return run_scenario(Scenario(self.title, header, self.records))


def raised(check_id: str, person_source_id: str = "child") -> list[Alert]:
    return list(
        Alert.objects.filter(
            check_id=check_id,
            raised_at__isnull=False,
            subject__records__source_id=person_source_id,
        ).order_by("raised_at")
    )


def raised_on(check_id: str, person_source_id: str = "child") -> dt.date | None:
    from threadline.clock import local_date

    alerts = raised(check_id, person_source_id)
    return local_date(alerts[0].raised_at) if alerts and alerts[0].raised_at else None
