"""The child-focused domestic abuse risk tool, in the spirit of Barnardo's Domestic Violence Risk
Identification Matrix: the risk to the child is read from the child's own experience, not from the
adult victim's DASH score alone (BE: "a lack of focus on Child BE").

Each factor is graded at one of four levels, with words for what each grade looks like. The
overall level is the highest grade given; a practitioner may raise it (never lower it) by
professional judgement, with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Factor:
    field: str
    question: str
    grades: tuple[str, str, str, str]  # what levels 1 to 4 look like for this factor


@dataclass(frozen=True)
class Level:
    number: int
    name: str
    meaning: str

    def __str__(self) -> str:
        return f"Level {self.number}: {self.name}"


FACTORS: tuple[Factor, ...] = (
    Factor(
        "present_or_injured",
        "Was the child present at incidents, or injured in them?",
        (
            "Not present; aware of arguments at home",
            "Present at, or heard, an incident",
            "Present at repeated incidents, or tried to step in",
            "Injured, or at risk of injury, in an incident",
        ),
    ),
    Factor(
        "under_one_or_unborn",
        "Is the child under one, or unborn?",
        (
            "Older child with trusted adults outside the home",
            "Child under five",
            "Baby under one",
            "Unborn baby, with abuse during the pregnancy",
        ),
    ),
    Factor(
        "child_affected",
        "Are the child's behaviour, health or development affected?",
        (
            "Some worry or unsettled behaviour noticed",
            "Sleep, behaviour, school attendance or health affected",
            "Withdrawn, aggressive, self-harming, or health care missed",
            "Serious harm to the child's health or development",
        ),
    ),
    Factor(
        "used_to_control",
        "Is the child used to control the victim, or threatened?",
        (
            "Drawn into arguments between the adults",
            "Used to pass messages or to watch the victim",
            "Blamed for the abuse, or threats made involving the child",
            "Threats to harm or take the child, or the child harmed to control",
        ),
    ),
    Factor(
        "contact_conflict",
        "Is there conflict over the child's contact with a parent?",
        (
            "Disagreement over contact, managed between the adults",
            "Handovers are tense or abusive",
            "Contact used to reach or abuse the victim",
            "Orders breached, or threats to abduct the child",
        ),
    ),
    Factor(
        "perpetrator_problems",
        "Does the perpetrator misuse drugs or alcohol, or have mental ill-health?",
        (
            "In the past, now managed",
            "Current, and engaging with services",
            "Current, and not engaging with services",
            "Linked to violence, or threats of suicide or homicide",
        ),
    ),
    Factor(
        "escalation",
        "Is the abuse escalating?",
        (
            "A single incident",
            "Repeat incidents",
            "Incidents more frequent or more severe",
            "Rapid escalation, weapons or strangulation, or a recent separation",
        ),
    ),
)
FIELDS = tuple(factor.field for factor in FACTORS)

LEVELS: dict[int, Level] = {
    1: Level(
        1,
        "early help",
        "The child is affected but the risk is low. Support the family through early help with a "
        "lead practitioner, and look again if anything changes.",
    ),
    2: Level(
        2,
        "medium",
        "The abuse is harming the child. Consider a child in need assessment, and agree a plan "
        "with the family and the agencies around them to reduce the harm.",
    ),
    3: Level(
        3,
        "medium-high",
        "The child may suffer significant harm unless things change. Refer to children's social "
        "care for a single assessment, and consider a strategy discussion.",
    ),
    4: Level(
        4,
        "high",
        "The child is at risk of significant harm now. Refer to children's social care at once "
        "for a strategy discussion and section 47 enquiry, and make the child safe.",
    ),
}


def factor_level(grades: Mapping[str, int]) -> int:
    """The level the factors alone give: the highest grade, and at least level 1."""
    return max([1, *(grades.get(field, 0) for field in FIELDS)])


def overall_level(grades: Mapping[str, int], raised_to: int | None = None) -> int:
    """The factors' level, or the level a practitioner raised it to (never lower)."""
    return max(factor_level(grades), raised_to or 1)
