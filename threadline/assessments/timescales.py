"""Timescales for assessments, overridable per partnership with ``THREADLINE_TIMESCALES`` in
settings, like the meetings' ones (and in the same setting: these extend them).

Working Together sets only the single assessment's: 45 working days from the referral. The others
are local procedure, so these defaults are the common ones: a section 47 enquiry concluded in time
for an initial conference (15 working days), a pre-birth assessment in the same 45 working days as
a single assessment, and a parenting assessment in 12 weeks (60 working days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.conf import settings

from threadline.assessments.models import AssessmentKind
from threadline.meetings import timescales as meetings
from threadline.workingdays import add_working_days


@dataclass(frozen=True)
class Timescales(meetings.Timescales):
    single_assessment_wd: int = 45
    section_47_wd: int = 15
    pre_birth_wd: int = 45
    parenting_wd: int = 60


def timescales() -> Timescales:
    overrides = getattr(settings, "THREADLINE_TIMESCALES", {}) or {}
    return replace(Timescales(), **overrides)


def working_days_for(kind: str) -> int:
    scales = timescales()
    days: dict[str, int] = {
        AssessmentKind.SINGLE_ASSESSMENT: scales.single_assessment_wd,
        AssessmentKind.SECTION_47: scales.section_47_wd,
        AssessmentKind.PRE_BIRTH: scales.pre_birth_wd,
        AssessmentKind.PARENTING: scales.parenting_wd,
    }
    return days[kind]


def assessment_due(kind: str, referred_on: dt.date, nation: str) -> dt.date:
    """The last day an assessment of ``kind`` may be completed: the clock starts at referral."""
    return add_working_days(referred_on, working_days_for(kind), nation)
