"""Child protection: strategy discussion, section 47 enquiry, conferences, core groups, and
for some children care proceedings."""

from __future__ import annotations

import datetime as dt

from threadline.demo import practice
from threadline.demo.journey import (
    Journey,
    after_assessment,
    child_in_need_plan,
    cycle,
    until_moved,
    visit,
)
from threadline.demo.timeline import days

CATEGORIES = ("NEG", "EMO", "PHY", "MUL", "SAB")


# --- child protection and care --------------------------------------------------------------


def child_protection(journey: Journey, referral: dt.date, source: str, reason: str) -> None:
    rec, rng = journey.rec, journey.rng
    strategy = referral + days(rng.randint(0, 2))
    team = f"Child Protection Team {journey.side}"
    worker = _strategy_and_enquiry(journey, referral, strategy, team, reason)
    icpc = strategy + days(rng.randint(14, 24) if rng.random() < 0.8 else rng.randint(25, 40))
    category = rng.choices(CATEGORIES, weights=(45, 35, 10, 8, 2))[0]
    end = until_moved(journey, icpc + days(rng.randint(150, 600)))
    care = rng.random() < 0.4
    chair = rec.staff.pick(rng, "csc", "Conference and Review Service")
    practice.multi_agency_meeting(
        journey,
        "conference",
        icpc,
        f"Initial child protection conference: child protection plan, category {category}",
        chair,
        outcome="cp_plan",
        minutes_days=(5, 12),
        significance="critical",
    )
    _partners_at_conference(journey, icpc)
    practice.tell_partners(journey, icpc, "Child protection plan started", worker)
    for child in journey.children:
        rec.involvement("csc", child, team, referral, closed=end, reason=reason, lead=worker)
        rec.involvement(
            "hospital",
            child,
            "Hospital Safeguarding Team",
            icpc,
            closed=end,
            reason="Child protection plan: liaison",
        )
        plan = rec.episode(
            child,
            "cp",
            icpc,
            end,
            reason=reason,
            referral_source=source,
            primary_need="N1",
            category_of_abuse=category,
            factors=journey.factors,
        )
        if plan:
            _plan_outcome(journey, plan, icpc, category)
    cycle(
        journey,
        icpc,
        end,
        worker,
        review_every=(28, 42),
        visit_every=(10, 20),
        review=("core_group", "Core group meeting"),
    )
    _review_conferences(journey, icpc, end, chair)
    if end > rec.today:
        return
    if care:
        _looked_after(journey, end, reason)
    else:
        practice.risk_assessed(journey, end - days(5), worker, "Review of risk before step-down")
        practice.multi_agency_meeting(
            journey,
            "conference",
            end,
            "Review conference: child protection plan ended, stepped down to child in need",
            chair,
            outcome="step_down",
            minutes_days=(5, 12),
        )
        practice.tell_partners(journey, end, "Child protection plan ended", worker)
        child_in_need_plan(
            journey, end, journey.finish(end + days(rng.randint(90, 270))), source, reason
        )


def _strategy_and_enquiry(
    journey: Journey, referral: dt.date, strategy: dt.date, team: str, reason: str
) -> str:
    rec, rng = journey.rec, journey.rng
    worker = rec.staff.pick(rng, "csc", team)
    officer = rec.staff.pick(rng, "police", "Public Protection Unit")
    discussion = rec.event(
        "csc",
        "strategy_discussion",
        strategy,
        journey.each_child(),
        "Strategy discussion with police and health: section 47 enquiry to start",
        practitioner=worker,
        significance="critical",
        outcome="section_47",
    )
    practice.manager_review(journey, strategy + days(1), "Team manager agreed the decision")
    _strategy_minutes(journey, discussion, strategy, worker)
    # The police sometimes log the same discussion a day out.
    police_day = strategy + days(1 if rng.random() < 0.1 else 0)
    rec.event(
        "police",
        "strategy_discussion",
        police_day,
        journey.each_child(),
        "Strategy discussion: joint section 47 enquiry agreed",
        practitioner=officer,
        significance="significant",
        outcome="section_47",
    )
    for child in journey.children:
        rec.involvement(
            "police",
            child,
            "Public Protection Unit",
            strategy,
            lead=officer,
            closed=strategy + days(rng.randint(20, 60)),
            reason="Section 47 joint enquiry",
        )
    rec.event(
        "csc",
        "assessment_started",
        strategy + days(1),
        journey.each_child(),
        "Section 47 enquiry started",
        practitioner=worker,
    )
    visit(journey, strategy + days(1), worker)
    completed = strategy + days(rng.randint(8, 14))
    rec.event(
        "csc",
        "assessment_completed",
        completed,
        journey.each_child(),
        "Section 47 enquiry completed: initial child protection conference requested",
        practitioner=worker,
        detail="Factors identified: " + ", ".join(journey.factors),
        significance="significant",
    )
    after_assessment(journey, completed, worker)
    return worker


def _strategy_minutes(
    journey: Journey, discussion: str | None, strategy: dt.date, worker: str
) -> None:
    """Minutes of the strategy discussion to the police and health, who confirm receipt."""
    if discussion is None or not practice.done(journey):
        return
    sent = strategy + days(journey.rng.randint(2, 8))
    journey.rec.event(
        "csc",
        "minutes_circulated",
        sent,
        journey.each_child(),
        "Strategy discussion minutes sent to police and health",
        practitioner=worker,
        refers_to=discussion,
    )
    for code in practice.partners(journey):
        journey.rec.event(
            code,
            "minutes_received",
            sent + days(journey.rng.randint(0, 2)),
            [(child, "subject") for child in journey.children if journey.rec.knows(code, child)],
            "Strategy discussion minutes received",
            counterpart="csc",
            refers_to={"agency": "csc", "id": discussion},
        )


def _partners_at_conference(journey: Journey, when: dt.date) -> None:
    """Health and schools record the conference on their own systems, when invited."""
    rec = journey.rec
    for child in journey.children:
        for code in ("health-visiting", "schools", "school-nursing"):
            if rec.knows(code, child) and (journey.good_practice or rec.rng.random() < 0.5):
                rec.event(
                    code,
                    "conference",
                    when,
                    [(child, "subject")],
                    "Attended the initial child protection conference",
                )


def _review_conferences(journey: Journey, icpc: dt.date, end: dt.date, chair: str) -> None:
    review = icpc + days(90)
    while review < min(end, journey.rec.today):
        practice.child_voice(journey, review - days(4), chair)
        practice.multi_agency_meeting(
            journey,
            "conference",
            review,
            "Review child protection conference: plan continues",
            chair,
            outcome="cp_plan",
            minutes_days=(5, 12),
        )
        review += days(180)


def _plan_outcome(journey: Journey, plan: str, written: dt.date, category: str) -> None:
    """What the plan is for. Where practice is patchy it says what must change but not what
    happens if it does not (Child Q's finding)."""
    parts = {
        "risk": f"Significant harm ({category}) from the concerns that led to the plan",
        "change_wanted": "The children safe and well cared for; parents engaging with the plan",
        "achieve_by": (written + days(180)).isoformat(),
        "consequence": "If the plan does not work, legal advice on care proceedings",
    }
    if not practice.done(journey, 0.3):
        del parts["consequence"]
    journey.rec.plan_outcome(plan, written, parts)


def _looked_after(journey: Journey, start: dt.date, reason: str) -> None:
    rec, rng = journey.rec, journey.rng
    worker = rec.staff.pick(rng, "csc", "Children in Care Team")
    guardian = rec.staff.pick(rng, "cafcass", "Public Law Team")
    rec.event(
        "csc",
        "court",
        start,
        journey.each_child(),
        "Interim care order granted; children placed with foster carers",
        practitioner=worker,
        significance="critical",
    )
    practice.tell_partners(journey, start, "Now looked after (interim care order)", worker)
    for child in journey.children:
        rec.involvement("csc", child, "Children in Care Team", start, reason=reason, lead=worker)
        rec.episode(child, "looked_after", start, None, reason="Interim care order (s38)")
        rec.involvement(
            "cafcass",
            child,
            "Public Law Team",
            start - days(7),
            lead=guardian,
            reason="Children's guardian in care proceedings",
        )
    contact = start + days(14)
    while contact < rec.today and contact < start + days(200):
        rec.event(
            "csc",
            "contact_session",
            contact,
            journey.family(),
            "Supervised family time at the contact centre",
            practitioner=worker,
        )
        contact += days(rng.randint(10, 21))
