"""The DASH risk identification checklist (SafeLives): its 24 questions, in our own short words,
and the rule that turns the answers into a risk level.

Fourteen or more "yes" answers is visible high risk, and so is a practitioner's professional
judgement (with its reason): either means a MARAC referral. SafeLives names no medium band; many
partnerships' local guidance treats 10 to 13 "yes" as medium risk, and so do we by default. Both
cut-offs are configuration: ``THREADLINE_DASH_CUTOFFS = {"high": 14, "medium": 10}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from threadline.assessments.models import Answer, RiskLevel

QUESTIONS: tuple[str, ...] = (
    "Has the current incident caused an injury?",
    "Is the victim very frightened?",
    "Is the victim afraid of further injury or violence, of being killed, or of harm to others?",
    "Does the victim feel cut off from family, friends or others?",
    "Is the victim feeling depressed or having thoughts of suicide?",
    "Has the victim separated, or tried to separate, from the abuser in the past year?",
    "Is there conflict over contact with the children?",
    "Does the abuser keep contacting, following, stalking or harassing the victim?",
    "Is the victim pregnant, or have they had a baby in the last 18 months?",
    "Is the abuse happening more often?",
    "Is the abuse getting worse?",
    "Does the abuser try to control everything the victim does, or are they very jealous?",
    "Has the abuser used, or threatened to use, a weapon or object to hurt the victim?",
    "Has the abuser threatened to kill the victim or someone else?",
    "Has the abuser ever tried to strangle, choke, suffocate or drown the victim?",
    "Does the abuser do or say sexual things that hurt the victim or make them feel bad?",
    "Is anyone else threatening the victim, or is the victim afraid of anyone else?",
    "Has the abuser hurt anyone else: children, relatives or a previous partner?",
    "Has the abuser ever hurt or threatened an animal or the family pet?",
    "Are there money worries, or does the victim depend on the abuser financially?",
    "Has the abuser misused drugs or alcohol, or had mental health problems, in the past year?",
    "Has the abuser ever threatened or attempted suicide?",
    "Has the abuser broken bail, an injunction or any agreement about contact?",
    "Does the abuser have a criminal history, of violence or otherwise?",
)
NUMBERS = range(1, len(QUESTIONS) + 1)


@dataclass(frozen=True)
class Cutoffs:
    high: int = 14
    medium: int = 10


def cutoffs() -> Cutoffs:
    overrides = getattr(settings, "THREADLINE_DASH_CUTOFFS", {}) or {}
    chosen = replace(Cutoffs(), **overrides)
    if not 0 < chosen.medium <= chosen.high <= len(QUESTIONS):
        raise ImproperlyConfigured(
            f"THREADLINE_DASH_CUTOFFS needs 0 < medium <= high <= 24, not {overrides!r}"
        )
    return chosen


def count_yes(answers: Mapping[int, str]) -> int:
    return sum(1 for answer in answers.values() if answer == Answer.YES)


def risk_level(yes: int, *, judgement: bool = False, using: Cutoffs | None = None) -> RiskLevel:
    """High at the high cut-off or on professional judgement; medium from the medium cut-off."""
    using = using or cutoffs()
    if judgement or yes >= using.high:
        return RiskLevel.HIGH
    if yes >= using.medium:
        return RiskLevel.MEDIUM
    return RiskLevel.STANDARD


def unanswered(answers: Mapping[int, str]) -> list[int]:
    return [n for n in NUMBERS if answers.get(n) not in Answer.values]
