"""The themes reviews share, each with the words that show it in a finding. A theme is given
to an item with the sentence that shows it, so a reader can judge the assignment for themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeSpec:
    slug: str
    name: str
    pattern: re.Pattern[str]


def _theme(slug: str, name: str, *words: str) -> ThemeSpec:
    return ThemeSpec(slug, name, re.compile(r"\b(" + "|".join(words) + r")", re.IGNORECASE))


TAXONOMY: tuple[ThemeSpec, ...] = (
    _theme(
        "domestic-abuse",
        "Domestic abuse",
        r"domestic (abuse|violence)",
        r"perpetrator",
        r"DARAC",
        r"DASH",
        r"post separation",
        r"violent relationship",
    ),
    _theme(
        "parental-mental-health",
        "Parental mental health",
        r"mental health",
        r"depression",
        r"mental health crisis",
    ),
    _theme("substance-misuse", "Substance misuse", r"substance", r"alcohol", r"drug", r"drug test"),
    _theme("neglect", "Neglect", r"neglect"),
    _theme(
        "fathers",
        "Fathers and male carers",
        r"fathers?\b",
        r"male (carers?|partners?)",
        r"father figures?",
        r"other parent",
    ),
    _theme(
        "information-sharing",
        "Information sharing",
        r"information shar",
        r"shar(e|ed|ing) (of )?(information|plans|minutes|assessments|analysis)",
        r"minutes",
        r"not shared",
        r"records?\b",
        r"notes are not distributed",
    ),
    _theme(
        "professional-curiosity",
        "Professional curiosity",
        r"curiosity",
        r"self[- ]report",
        r"challenge of parental",
        r"plausible explanation",
        r"pro-active",
        r"didn't have enough evidence",
    ),
    _theme(
        "voice-of-the-child",
        "The voice of the child",
        r"voice",
        r"views, wishes",
        r"wishes and feelings",
        r"lived experience",
        r"focus on the child",
        r"speak to a child alone",
        r"think child",
        r"child focused",
    ),
    _theme(
        "step-down",
        "Step-down and closure",
        r"step(ped)? down",
        r"de-escalation",
        r"closure",
        r"closing",
        r"re-opening",
    ),
    _theme("thresholds", "Thresholds", r"threshold"),
    _theme(
        "management-oversight",
        "Supervision and management oversight",
        r"supervision",
        r"management oversight",
        r"managers?\b",
        r"quality assurance",
    ),
    _theme(
        "young-parents",
        "Young parents",
        r"young (people who are )?parents",
        r"child in her own right",
        r"immaturity",
        r"parents of young parents",
    ),
    _theme("safe-sleep", "Safe sleep", r"safe sleep", r"overlay"),
    _theme(
        "non-mobile-babies",
        "Injuries to non-mobile babies",
        r"non-mobile",
        r"immobile infants",
        r"bruis",
        r"physical (marks|signs)",
        r"injur",
    ),
    _theme(
        "moves-across-boundaries",
        "Moves across boundaries",
        r"moved?\b.*\b(boundar|area)",
        r"across boundaries",
        r"handover",
        r"start again",
    ),
    _theme(
        "parents-childhood-adversity",
        "Parents' own childhood adversity",
        r"adverse childhood",
        r"childhood experiences",
        r"own experience in their care",
        r"mother's history",
        r"difficult personal history",
    ),
    _theme(
        "family-networks",
        "Complex family networks",
        r"genogram",
        r"family network",
        r"interconnected famil",
        r"ecomap",
        r"previous relationships",
        r"several (different )?households",
    ),
    _theme(
        "multi-agency-meetings",
        "Multi-agency meetings and plans",
        r"core group",
        r"child protection (conference|plan)",
        r"meetings?\b",
        r"plans?\b",
    ),
    _theme(
        "assessment-quality",
        "Quality of assessment",
        r"assessments?\b",
        r"analys[ie]s",
        r"risk assessment",
    ),
    _theme("release-from-custody", "Release from prison", r"prison", r"release"),
    _theme(
        "disguised-compliance",
        "Engagement and disguised compliance",
        r"non-?compliance",
        r"engage(ment|d)?\b",
        r"disguised compliance",
        r"capacity to change",
    ),
)
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(])")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def themes_in(text: str) -> list[tuple[ThemeSpec, str]]:
    """Each theme the text shows, with the first sentence that shows it."""
    found = []
    parts = sentences(text)
    for spec in TAXONOMY:
        evidence = next((s for s in parts if spec.pattern.search(s)), None)
        if evidence is not None:
            found.append((spec, evidence))
    return found
