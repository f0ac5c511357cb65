"""RSK-4: signs of relapse in a parent with a history of alcohol or drug misuse are assessed and
the child's plan reviewed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.casework.models import EpisodeKind
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, Link, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._network import (
    STATUTORY_KINDS,
    adult_links,
    capital,
    day_at,
    day_of,
    first_on_or_after,
    involved_periods,
    label,
    period_on,
    services,
    start_of,
    substance_signs,
    today,
    when,
    who,
)
from threadline.chronology.vocabulary import EventType

PARENT_ROLES = frozenset({"parent", "step_parent", "carer"})
# History means misuse shown, or treatment begun, at least this long before the new sign; a sign
# within this long of the last one is the same spell of use, not a new relapse.
HISTORY_GAP = dt.timedelta(days=91)
ASSESSED = (
    EventType.ASSESSMENT_COMPLETED,
    EventType.RISK_ASSESSMENT,
    EventType.PLAN_REVIEWED,
    EventType.CIN_REVIEW,
    EventType.CONFERENCE,
)
# With no plan open, referring the child to children's social care is the response.
REFERRED = (EventType.REFERRAL, EventType.CONTACT)


class RelapseAssessed(Check):
    id = "RSK-4"
    title = "A parent's relapse into alcohol or drug misuse is assessed"
    provenance = (
        Provenance(
            "E",
            "finding 6",
            "The risk of a return to problematic alcohol use by mother was not understood, "
            "assessed or managed.",
        ),
        Provenance(
            "E",
            "question 14",
            "How confident is the workforce understanding of relapse, how to identify this "
            "quickly and intervene effectively?",
        ),
    )
    must = "Assess the parent's relapse and review the child's plan (or refer the child)"
    resolves = (
        "an assessment completed, risk assessment, plan review or conference for the child on or "
        "after the sign of relapse; with no plan open, a referral of the child"
    )
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for link in adult_links(child, today(facts), PARENT_ROLES):
            for sign, history in _relapses(link.other):
                yield self._occurrence(child, link, sign, history)

    def _occurrence(
        self, child: PersonView, link: Link, sign: Happening, history: str
    ) -> Occurrence:
        day = day_of(sign)
        return Occurrence(
            key=f"{occurrence_key(sign)}:parent:{link.other.pk}",
            trigger_at=sign.at,
            done=_responded(child, day),
            detail=f"{capital(who(link))}, with {history}: {label(sign)} on {when(day)}. "
            "Not assessed since.",
        )


def _relapses(parent: PersonView) -> Iterator[tuple[Happening, str]]:
    """Each new sign of use after a history, but not one that continues a spell within months."""
    signs = sorted(substance_signs(parent), key=lambda h: h.at)
    treatment = services(parent, AgencyKind.DRUG_ALCOHOL)
    for index, sign in enumerate(signs):
        earlier = signs[:index]
        if earlier and sign.at - earlier[-1].at < HISTORY_GAP:
            continue
        history = _history_before(sign, earlier, [start_of(i.opened_on) for i in treatment])
        if history:
            yield sign, history


def _history_before(
    sign: Happening, earlier: list[Happening], treatment_starts: list[dt.datetime]
) -> str:
    cutoff = sign.at - HISTORY_GAP
    misuse = [h for h in earlier if h.at <= cutoff]
    if misuse:
        return f"misuse recorded before ({label(misuse[-1])} {when(day_of(misuse[-1]))})"
    treated = [moment for moment in treatment_starts if moment <= cutoff]
    if treated:
        return f"a history of drug or alcohol treatment (from {when(day_at(min(treated)))})"
    return ""


def _responded(child: PersonView, day: dt.date) -> bool:
    if first_on_or_after(child, ASSESSED, day) is not None:
        return True
    involved = involved_periods(child, {EpisodeKind.EARLY_HELP, *STATUTORY_KINDS})
    if period_on(involved, day) is not None:
        return False
    return first_on_or_after(child, REFERRED, day) is not None


CHECK = RelapseAssessed()
