"""PLN-1: the original reason for referral stays in view; a change of focus has a rationale."""

from __future__ import annotations

import re
from collections.abc import Iterator

from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import PLAN_KINDS, STATUTORY_KINDS, Facts, Happening, PersonView
from threadline.checks.rules._planning import (
    about,
    day_of,
    journey,
    one_per_meeting,
    shown,
    start_of,
)
from threadline.chronology.vocabulary import EventType

PLANS_AND_REVIEWS = (
    EventType.PLAN_STARTED,
    EventType.PLAN_REVIEWED,
    EventType.CONFERENCE,
    EventType.CIN_REVIEW,
)

# The concern an episode is about, as a few broad themes, read from its census factors (the
# number before the letter says what, the letter only whose), its category of abuse, and words in
# the referrer's reason. Broad on purpose: a plan that still works on the theme keeps the thread.
FACTOR_THEMES = {
    "1": "substance misuse",
    "2": "substance misuse",
    "3": "domestic abuse",
    "4": "mental health",
    "5": "disability",
    "6": "disability",
    "7": "young carer",
    "10": "going missing",
    "11": "exploitation",
    "12": "exploitation",
    "13": "exploitation",
    "15": "self-harm",
    "16": "neglect",
    "17": "emotional abuse",
    "18": "physical abuse",
    "19": "sexual abuse",
    "22": "female genital mutilation",
    "24": "exploitation",
}
ABUSE = {"neglect", "physical abuse", "emotional abuse", "sexual abuse", "domestic abuse"}
# Children exposed to domestic abuse are usually on a plan under emotional abuse.
CATEGORY_THEMES = {
    "NEG": {"neglect"},
    "PHY": {"physical abuse"},
    "EMO": {"emotional abuse", "domestic abuse"},
    "SAB": {"sexual abuse"},
    "MUL": ABUSE,
}
REASON_WORDS = {
    "domestic abuse": ("domestic", "coercive control", "violent relationship"),
    "substance misuse": ("alcohol", "drink", "drug", "substance", "cannabis", "heroin", "cocaine"),
    "mental health": ("mental health", "mental ill", "depressi", "psychosis", "suicid"),
    "neglect": ("neglect",),
    "physical abuse": ("physical abuse", "non-accidental", "bruis", "injur"),
    "emotional abuse": ("emotional",),
    "sexual abuse": ("sexual abuse", "sexually abused"),
    "exploitation": ("exploitation", "county lines", "trafficking", "grooming"),
    "going missing": ("missing from home", "went missing", "going missing"),
    "self-harm": ("self-harm", "self harm"),
}
FACTOR_NUMBER = re.compile(r"^(\d+)")


def themes(view: PersonView, episode: StatusEpisode) -> set[str]:
    """What the episode is about, from its factors, reason and category of abuse."""
    return described(view, episode) | CATEGORY_THEMES.get(episode.category_of_abuse, set())


def described(view: PersonView, episode: StatusEpisode) -> set[str]:
    """What the episode's census factors and the referrer's words say it is about."""
    found: set[str] = set()
    for code in view.factors(episode):
        number = FACTOR_NUMBER.match(code)
        if number and number.group(1) in FACTOR_THEMES:
            found.add(FACTOR_THEMES[number.group(1)])
    reason = episode.reason.lower()
    found |= {theme for theme, words in REASON_WORDS.items() if any(w in reason for w in words)}
    return found


def original_concern(view: PersonView, episode: StatusEpisode) -> set[str]:
    """The concern first referred: in the factors and words where they say it, else the category
    of abuse. (A category alone is not compared against a child in need plan, which has none.)"""
    return described(view, episode) or CATEGORY_THEMES.get(episode.category_of_abuse, set())


class OriginalReasonKept(Check):
    id = "PLN-1"
    title = "The original reason for referral stays in view; a change of focus is explained"
    provenance = (
        Provenance(
            "Ag",
            "Rec 1",
            "At the beginning of all Child Protection minutes, Child Protection Plans and Child In "
            "Need Plans there should be a clear, consistent record of the significant reason why "
            "the case was originally referred.",
        ),
        Provenance(
            "Ag",
            "findings",
            "The original referral for this case was regarding Domestic Violence, however, this "
            "became completely lost",
        ),
    )
    must = (
        "Open the plan with the original reason for referral, and record why the focus has "
        "moved away from it"
    )
    resolves = "a rationale for the change of focus recorded since the child was first referred"
    timescale = Timescale(working_days=None)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for current in child.episodes:
            if current.kind not in PLAN_KINDS:
                continue
            occurrence = self._check_plan(child, current)
            if occurrence is not None:
                yield occurrence

    def _check_plan(self, child: PersonView, current: StatusEpisode) -> Occurrence | None:
        """The first plan, conference or review of this episode, when the concern the child was
        first referred for is nowhere in it."""
        original = self._original(child, current)
        if original is None:
            return None
        now_about = themes(child, current)
        lost = original_concern(child, original) - now_about
        if not lost or not now_about:
            return None  # still in focus, or too little recorded to tell
        first = self._first_plan_event(child, current)
        if first is None:
            return None
        # One rationale explains the change for the plans that follow it; it is often written
        # when the change is decided, before this plan starts.
        since = start_of(original.started_on)
        rationale = child.happenings(EventType.FOCUS_CHANGE_RATIONALE, after=since)
        kind = EpisodeKind(current.kind).label.lower()
        first_kind = EpisodeKind(original.kind).label.lower()
        return Occurrence(
            key=f"episode:{current.agency_id}:{current.source_id}:focus",
            trigger_at=first.at,
            done=bool(rationale),
            detail=f"The first plan ({first_kind}, from {shown(original.started_on)}) was about "
            f"{', '.join(sorted(lost))}; the {kind} plan from {shown(current.started_on)} is about "
            f"{', '.join(sorted(now_about))}, with no rationale recorded for the change.",
        )

    def _original(self, child: PersonView, current: StatusEpisode) -> StatusEpisode | None:
        """The first statutory episode of the journey this plan belongs to, if not this one."""
        statutory = [e for e in journey(child, current.started_on) if e.kind in STATUTORY_KINDS]
        if not statutory or statutory[0].pk == current.pk:
            return None
        return statutory[0]

    def _first_plan_event(self, child: PersonView, current: StatusEpisode) -> Happening | None:
        for event in one_per_meeting(about(child, *PLANS_AND_REVIEWS)):
            day = day_of(event)
            if day >= current.started_on and (current.ended_on is None or day <= current.ended_on):
                return event
        return None


CHECK = OriginalReasonKept()
