"""The stages a children's social care journey is made of: early help, a single assessment,
a child in need plan, and the visits and reviews that keep a plan's rhythm."""

from __future__ import annotations

import datetime as dt

from threadline.demo import practice
from threadline.demo.practice import Journey
from threadline.demo.timeline import days, left_borough


def early_help(journey: Journey, start: dt.date, reason: str, end: dt.date) -> None:
    rec, rng = journey.rec, journey.rng
    team = f"Early Help {journey.side}"
    end = until_moved(journey, end)
    worker = rec.staff.pick(rng, "csc", team)
    for child in journey.children:
        rec.involvement("csc", child, team, start, closed=end, reason=reason, lead=worker)
        rec.episode(child, "early_help", start, end, reason=reason)
    rec.event(
        "csc",
        "assessment_started",
        start,
        journey.each_child(),
        "Early help assessment started with the family",
        practitioner=worker,
    )
    completed = start + days(rng.randint(15, 35))
    visit(journey, completed - days(rng.randint(3, 10)), worker)
    practice.child_voice(journey, completed - days(1), worker)
    rec.event(
        "csc",
        "assessment_completed",
        completed,
        journey.each_child(),
        "Early help assessment completed; team around the family plan agreed",
        practitioner=worker,
    )
    meeting = start + days(rng.randint(35, 50))
    while meeting < end:
        rec.event(
            "csc",
            "meeting",
            meeting,
            journey.family(),
            "Team around the family meeting",
            practitioner=worker,
        )
        meeting += days(rng.randint(40, 60))
    if rng.random() < 0.35 and journey.household.mother is not None:
        rec.involvement(
            "voluntary",
            journey.household.mother,
            "Family Support Project",
            start + days(10),
            closed=end,
            reason="Parenting support (early help plan)",
        )
    if end <= rec.today:
        practice.risk_assessed(journey, end - days(10), worker, "Review of risk before closing")
        practice.decision(journey, end, "Decision: close early help", "closure", worker)
    rec.event(
        "csc",
        "plan_ended",
        end,
        journey.each_child(),
        "Early help plan closed: outcomes achieved",
        practitioner=worker,
    )


def until_moved(journey: Journey, end: dt.date) -> dt.date:
    gone = left_borough(journey.household)
    return min(end, gone) if gone and gone > journey.children[0].dob else end


# --- assessment and child in need -----------------------------------------------------------


def assessment(journey: Journey, referral: dt.date, team: str, reason: str) -> tuple[dt.date, str]:
    """A single assessment from referral; returns when it was completed and by whom."""
    rec, rng = journey.rec, journey.rng
    worker = rec.staff.pick(rng, "csc", team)
    started = referral + days(rng.randint(1, 5))
    # Most are done within 45 working days (about 63 calendar days); some run over.
    completed = started + days(rng.randint(20, 60) if rng.random() < 0.85 else rng.randint(65, 95))
    for child in journey.children:
        rec.involvement("csc", child, team, referral, closed=completed, reason=reason, lead=worker)
    mash = rec.staff.pick(rng, "csc", "MASH")
    practice.decision(
        journey, referral, "MASH decision: single assessment", "single_assessment", mash
    )
    rec.event(
        "csc",
        "referral",
        referral,
        journey.each_child(),
        "Contact accepted as a referral for a single assessment",
        practitioner=worker,
        significance="significant",
    )
    rec.event(
        "csc",
        "assessment_started",
        started,
        journey.each_child(),
        "Single assessment started",
        practitioner=worker,
    )
    visit(journey, started + days(rng.randint(2, 10)), worker)
    visit(journey, started + days(rng.randint(12, 19)), worker)
    rec.event(
        "csc",
        "assessment_completed",
        completed,
        journey.each_child(),
        "Single assessment completed and authorised",
        practitioner=worker,
        detail="Factors identified: " + ", ".join(journey.factors),
        significance="significant",
    )
    after_assessment(journey, completed, worker)
    return completed, worker


def after_assessment(journey: Journey, completed: dt.date, worker: str) -> None:
    """What a good assessment leaves on the record: the child's voice, the family's network,
    and the cumulative risk weighed."""
    practice.child_voice(journey, completed - days(1), worker)
    practice.network_mapped(journey, completed - days(1), worker)
    practice.cumulative_risk(journey, completed, worker)


def visit(journey: Journey, when: dt.date, worker: str) -> None:
    rec, rng = journey.rec, journey.rng
    if rng.random() < 0.08:
        rec.event(
            "csc",
            "child_not_seen",
            when,
            journey.family(),
            "Home visit: no reply; card left",
            practitioner=worker,
            significance="significant",
        )
        return
    rec.event(
        "csc", "home_visit", when, journey.family("present"), "Home visit", practitioner=worker
    )
    for child in journey.children:
        age = child.age_on(when)
        alone = age >= 5 and (journey.good_practice or rng.random() < 0.3)
        if alone:
            rec.event(
                "csc",
                "child_seen_alone",
                when,
                [(child, "subject")],
                "Seen alone in their bedroom; talked about school and home",
                practitioner=worker,
            )
        else:
            rec.event(
                "csc",
                "child_seen",
                when,
                [(child, "subject")],
                "Seen at home with a parent present",
                practitioner=worker,
            )


def child_in_need(journey: Journey, referral: dt.date, source: str, reason: str) -> None:
    team = f"Assessment Team {journey.side}"
    completed, _ = assessment(journey, referral, team, reason)
    plan_end = journey.finish(completed + days(journey.rng.randint(90, 420)))
    child_in_need_plan(journey, completed, plan_end, source, reason)


def child_in_need_plan(
    journey: Journey, start: dt.date, end: dt.date, source: str, reason: str
) -> None:
    rec, rng = journey.rec, journey.rng
    team = f"Child in Need Team {journey.side}"
    end = until_moved(journey, end)
    worker = rec.staff.pick(rng, "csc", team)
    step_down = rng.random() < 0.3
    closure = "RC9" if step_down else "RC5" if left_borough(journey.household) else "RC7"
    for child in journey.children:
        rec.involvement("csc", child, team, start, closed=end, reason=reason, lead=worker)
        rec.episode(
            child,
            "cin",
            start,
            end,
            reason=reason,
            referral_source=source,
            primary_need="N1" if journey.household.risks.neglect else "N4",
            closure_reason=closure if end <= rec.today else None,
            factors=journey.factors,
        )
    rec.event(
        "csc",
        "plan_started",
        start,
        journey.each_child(),
        "Child in need plan agreed",
        practitioner=worker,
        significance="significant",
    )
    practice.tell_partners(journey, start, "Child in need plan started", worker)
    cycle(
        journey,
        start,
        end,
        worker,
        review_every=(42, 56),
        visit_every=(21, 35),
        review=("cin_review", "Child in need review"),
    )
    review = start + days(160)
    while review < min(end, rec.today):
        practice.manager_review(journey, review, "Six-monthly manager's review of the plan")
        review += days(180)
    if end <= rec.today:
        practice.risk_assessed(journey, end - days(7), worker, "Review of risk before closing")
        outcome = "step_down" if step_down else "closure"
        practice.decision(journey, end, "Decision: end the child in need plan", outcome, worker)
        practice.tell_partners(journey, end, "Child in need plan ended", worker)
    rec.event(
        "csc",
        "plan_ended",
        end,
        journey.each_child(),
        "Child in need plan ended" + (": stepped down to early help" if step_down else ""),
        practitioner=worker,
        significance="significant",
    )
    if step_down and end <= rec.today:
        early_help(journey, end + days(1), reason, journey.finish(end + days(rng.randint(90, 240))))


def cycle(
    journey: Journey,
    start: dt.date,
    end: dt.date,
    worker: str,
    *,
    review_every: tuple[int, int],
    visit_every: tuple[int, int],
    review: tuple[str, str],
) -> None:
    """Visits and review meetings at the plan's rhythm, until the plan ends (or today)."""
    rng = journey.rng
    last = min(end, journey.rec.today)
    visit_day = start + days(rng.randint(*visit_every) // 2)
    while visit_day < last:
        visit(journey, visit_day, worker)
        visit_day += days(rng.randint(*visit_every))
    meeting = start + days(rng.randint(*review_every))
    while meeting < last:
        practice.child_voice(journey, meeting - days(3), worker)
        practice.multi_agency_meeting(journey, review[0], meeting, review[1], worker)
        meeting += days(rng.randint(*review_every))
