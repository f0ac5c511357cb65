"""The practice indicators: the partnership's "how will we know" evidence, from the live record.

Each indicator is declared here once, in words a board can read (what it counts, what counts as
due and as met, which agency each is counted against, which way is better) and with the learning
checks it evidences; how it is counted lives in ``measures/``, one module per indicator. Every
share is met / due, and a thing is counted in the month its deadline fell, once the deadline has
passed or it was met (``tally``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from threadline.indicators.measures import alerts, assessments, core_group_notes, fathers
from threadline.indicators.measures import seen_alone as seen_alone_measure
from threadline.indicators.tally import Tally, Window

Measure = Callable[[Window], Tally]


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"

    @property
    def words(self) -> str:
        return "A higher share is better" if self == Direction.HIGHER else "A lower share is better"


@dataclass(frozen=True)
class Indicator:
    slug: str  # stable: recommendation actions store it (at most 60 characters)
    name: str
    question: str  # the "how will we know" it answers
    unit: str  # what is counted, in the plural: "core group meetings"
    due: str  # what counts as due
    met: str  # what counts as met
    met_words: str  # "had notes circulated in time", after "9 of 12 core group meetings"
    agency: str  # which agency each is counted against, and why
    counted_in: str  # which month each is counted in
    measure: Measure
    checks: tuple[str, ...] = ()  # the learning checks (ids) whose practice it shows
    good: Direction = Direction.HIGHER
    # The same measure for one learning check's occurrences, where the indicator is by check.
    measure_check: Callable[[Window, str], Tally] | None = None

    @property
    def by_check(self) -> bool:
        return self.measure_check is not None


CORE_GROUP_NOTES = Indicator(
    slug="core-group-notes",
    name="Core group notes circulated within 5 working days",
    question="How will we know that core group notes and written agreements reach every member "
    "in time?",
    unit="core group meetings",
    due="Each core group meeting, as recorded by the children's social care agency that "
    "convened it (other agencies' records of the same meeting are not counted again), once its "
    "deadline of 5 working days after the meeting has passed or its notes are out.",
    met="The convening agency recorded the notes circulated on or after the meeting day and "
    "within 5 working days: minutes circulated answering the meeting, or minutes about one of "
    "the same children where the agency's system does not say which meeting they answer, or "
    "Threadline's own minutes sent. Working days leave out weekends and the agency's nation's "
    "bank holidays.",
    met_words="had notes circulated within 5 working days",
    agency="The children's social care agency that convened the meeting, which is responsible "
    "for circulating the notes.",
    counted_in="The month of the deadline (5 working days after the meeting).",
    measure=core_group_notes.count,
    checks=("SHR-2",),
)

ASSESSMENTS = Indicator(
    slug="assessments-45-days",
    name="Assessments completed within 45 working days",
    question="How will we know that assessments are started and completed within statutory "
    "timescales?",
    unit="assessments",
    due="Each assessment as the learning check DEC-3 reads it: a referral accepted for a "
    "single assessment or section 47 enquiry, or an assessment started with no such referral in "
    "the 60 days before; several agencies' records of one start on one day count once. Due 45 "
    "working days after that day, once the deadline has passed or it is complete.",
    met="An assessment completed, or a decision to take no further action or to close, recorded "
    "for the child on or after the start and by the deadline.",
    met_words="were completed within 45 working days",
    agency="The agency that recorded the referral's acceptance or the assessment's start: the "
    "assessing agency (children's social care, in practice).",
    counted_in="The month of the deadline (45 working days after the referral or start).",
    measure=assessments.count,
    checks=("DEC-3",),
)

FATHERS = Indicator(
    slug="fathers-involved",
    name="Plans where the father or male carer is involved",
    question="How will we know that fathers and male carers are included in assessments, "
    "meetings and plans?",
    unit="plans",
    due="Each child in need or child protection plan, in each month one of its meetings "
    "(child protection conference, core group, child in need review) was held while the child "
    "had a known father, stepfather or male carer, as the learning check NET-2 reads the record.",
    met="Every such man was involved in every such meeting that month: on any agency's record of "
    "the meeting (present, invited or sending apologies), or his own record shows him invited to "
    "it, the meeting set up with him, or his apologies.",
    met_words="involved the father or male carer in every meeting",
    agency="The agency holding the plan (the child's children's social care).",
    counted_in="The month the meetings were held.",
    measure=fathers.count,
    checks=("NET-2",),
)

SEEN_ALONE = Indicator(
    slug="children-seen-alone",
    name="Children seen alone when visited",
    question="How will we know that children are seen, and spoken to alone, and their lived "
    "experience is known?",
    unit="visits",
    due="Each visit to a child aged 4 to 17: one child seen by one agency on one day (a home "
    "visit with the child there, or the child recorded as seen or seen alone), however many "
    "records it left. Visits where the child was not seen, and children whose date of birth is "
    "not recorded, are left out.",
    met="The agency recorded the child seen alone that day.",
    met_words="saw the child alone",
    agency="The agency that made the visit and recorded it.",
    counted_in="The month of the visit.",
    measure=seen_alone_measure.count,
    checks=("DEC-4",),
)

ALERTS_IN_TIME = Indicator(
    slug="alerts-resolved-in-time",
    name="Learning check alerts resolved in time",
    question="How will we know that what the reviews found missing now happens in time, check "
    "by check?",
    unit="alerts",
    due="Each alert a learning check opened whose deadline fell in the month and has passed, or "
    "which was closed in time. Alerts closed because they no longer apply (the record changed "
    "under them) are left out.",
    met="The record showed the action done, or a professional judgement was recorded, by the "
    "deadline, so the alert never had to be raised to anyone. The rest were raised.",
    met_words="were resolved in time",
    agency="The children's social care that last opened work with the child on or before the day "
    "the alert was triggered: nearly every check's escalation ladder runs through its workers and "
    "managers. Alerts about someone social care never worked with are not attributed. The table "
    "by check shows who must act on each.",
    counted_in="The month of the alert's deadline.",
    measure=alerts.count,
    measure_check=alerts.count_for_check,
)

INDICATORS: tuple[Indicator, ...] = (
    CORE_GROUP_NOTES,
    ASSESSMENTS,
    FATHERS,
    SEEN_ALONE,
    ALERTS_IN_TIME,
)
BY_SLUG = {indicator.slug: indicator for indicator in INDICATORS}


def get_indicator(slug: str) -> Indicator:
    """The indicator with this slug; KeyError when there is none."""
    return BY_SLUG[slug]
