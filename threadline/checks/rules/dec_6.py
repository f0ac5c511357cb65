"""DEC-6: a parent's self-reported engagement or progress is confirmed by the service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import CARING_ADULT_ROLES, Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import day_of, label, shown, start_of
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Reliability

PROGRESS = (
    EventType.ENGAGEMENT,
    EventType.PROGRAMME_COMPLETED,
    EventType.APPOINTMENT_ATTENDED,
    EventType.DRUG_TEST,
)
# What the providing service records about the parent: attendance, a missed session, a test
# result. Any of them, verified, confirms (or contradicts) the account.
SERVICE_RECORDS = (*PROGRESS, EventType.MISSED_APPOINTMENT)
INVITATIONS = {SubjectRole.INVITED, SubjectRole.APOLOGIES}
# Or information passing between the service and the agency that holds the account.
MESSAGES = (EventType.INFORMATION_SHARED, EventType.ACKNOWLEDGEMENT)


def naming(adult: PersonView, *types: str, after: dt.datetime | None = None) -> list[Happening]:
    """Records naming the adult in any way: a note of a parent's engagement often has the
    children as its subjects and the parent only mentioned."""
    return [h for h in adult.happenings(*types, after=after) if h.role not in INVITATIONS]


class SelfReportConfirmed(Check):
    id = "DEC-6"
    title = "A parent's self-reported engagement is confirmed by the service"
    provenance = (
        Provenance(
            "Ag",
            "findings",
            "Records indicate mother was engaging in programmes of support, however, this was "
            "self-reported, and there was no formal documentation to evidence this.",
        ),
        Provenance(
            "BE",
            "finding 2",
            "Assessments were based on self-reporting rather than making assessments on recorded "
            "history.",
        ),
    )
    must = "Confirm the parent's account with the service providing the work"
    resolves = "a verified record of the parent's engagement from the providing service"
    timescale = Timescale(working_days=10)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        seen: set[tuple[int, str]] = set()
        for link in facts.subject.links:
            if link.role not in CARING_ADULT_ROLES:
                continue
            adult = link.other
            for report in naming(adult, *PROGRESS):
                if report.reliability != Reliability.SELF_REPORTED or report.key in seen:
                    continue
                if not link.current_on(day_of(report)):
                    continue
                seen.add(report.key)
                yield Occurrence(
                    key=occurrence_key(report),
                    trigger_at=report.at,
                    done=self._confirmed(adult, report),
                    detail=f"{label(report.type)} for {adult.person.full_name} on "
                    f"{shown(day_of(report))} is self-reported (recorded by "
                    f"{AgencyKind(report.agency_kind).label.lower()}); "
                    "no verified record from the providing service since.",
                )

    def _confirmed(self, adult: PersonView, report: Happening) -> bool:
        """Verified by another agency, or by the recording agency itself when that agency is the
        service (a drug service confirming with a test what its client told it). Children's social
        care marking its own note verified is not the service confirming it."""
        since = start_of(day_of(report))
        for record in naming(adult, *SERVICE_RECORDS, after=since):
            if record.key == report.key or record.reliability != Reliability.VERIFIED:
                continue
            if record.agency_id != report.agency_id:
                return True
            if record.agency_kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
                return True
        return any(
            self._from_the_service(message, report)
            for message in naming(adult, *MESSAGES, after=since)
        )

    def _from_the_service(self, message: Happening, report: Happening) -> bool:
        """Another agency told the one holding the account, or that one acknowledged it."""
        if message.type == EventType.INFORMATION_SHARED:
            return (
                message.agency_id != report.agency_id and message.counterpart_id == report.agency_id
            )
        return message.agency_id == report.agency_id and message.counterpart_id not in (
            None,
            report.agency_id,
        )


CHECK = SelfReportConfirmed()
