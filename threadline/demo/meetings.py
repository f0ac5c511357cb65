"""Meetings and a plan for the demo: one child of the synthetic borough on a child protection
plan, taken through Threadline's own meetings the way the last six weeks would have gone. The
strategy discussion led to an ICPC; its minutes went out, the police, school and health visitor
confirmed them, the GP has not (so the alert has climbed to the practice manager); the chair's
action is still open (so a step-down is refused); the first core group met in time and its notes
were confirmed by all; the next is booked for later this week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Practitioner, Role
from threadline.casework.models import EpisodeKind, Involvement, StatusEpisode
from threadline.checks.engine import tick
from threadline.meetings.models import Meeting, MeetingKind, Minutes, MinutesCopy
from threadline.meetings.selectors import proposed_invitations
from threadline.meetings.services import (
    ActionSpec,
    acknowledge_minutes,
    book_meeting,
    circulate_minutes,
    hold_meeting,
    record_meeting,
    review_decision,
    write_minutes,
)
from threadline.people.models import Person
from threadline.plans.services import OutcomeSpec, add_condition, record_evidence, write_plan
from threadline.sharing.models import SharingKind
from threadline.sharing.services import suggested_basis
from threadline.workingdays import add_working_days, subtract_working_days

MINUTES_BASIS = suggested_basis(SharingKind.MINUTES)
CONFIRMING = (
    AgencyKind.POLICE,
    AgencyKind.EDUCATION,
    AgencyKind.HEALTH_VISITING,
    AgencyKind.SCHOOL_NURSING,
    AgencyKind.HOSPITAL,
)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def _child_on_a_plan() -> Person | None:
    """A borough child with a child protection plan, known to a GP and at least one other agency
    besides social care."""
    today = clock.today()
    open_plans = StatusEpisode.objects.filter(
        kind=EpisodeKind.CHILD_PROTECTION, ended_on__isnull=True, started_on__lte=today
    ).order_by("pk")
    for episode in open_plans:
        kinds = set(
            Involvement.objects.filter(person=episode.person, closed_on__isnull=True).values_list(
                "agency__kind", flat=True
            )
        )
        if {AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.GP} <= kinds and len(kinds) >= 3:
            return episode.person
    return None


def stage_meetings() -> Meeting | None:
    """Returns the ICPC staged, or None when the borough has no suitable child."""
    child = _child_on_a_plan()
    if child is None:
        return None
    already = Meeting.objects.filter(children=child, kind=MeetingKind.ICPC).first()
    if already is not None:
        return already  # the demo was loaded before
    worker = Practitioner.objects.get(username="social.worker")
    chair = Practitioner.objects.get(username="cp.chair")
    manager = Practitioner.objects.get(username="team.manager")
    today = clock.today()
    strategy_day = subtract_working_days(today, 27)
    with clock.frozen_at(_at(strategy_day, 15)):
        strategy = record_meeting(
            kind=MeetingKind.STRATEGY_DISCUSSION,
            children=[child],
            by=worker,
            held_at=_at(strategy_day, 11),
            agencies=[
                p.agency
                for p in proposed_invitations(
                    MeetingKind.STRATEGY_DISCUSSION, [child], strategy_day
                )
                if p.agency
            ],
            decisions=[("section_47", "Section 47 enquiry; initial child protection conference")],
        )
    with clock.frozen_at(_at(strategy_day, 17)):
        notes = write_minutes(
            strategy, by=worker, text="Police and health shared what they hold. Threshold met."
        )
        circulate_minutes(notes, by=worker, basis=MINUTES_BASIS)
        _confirm(notes)
        review_decision(
            strategy, by=manager, note="Agree: threshold for a section 47 enquiry and an ICPC met."
        )
    with clock.frozen_at(_at(add_working_days(strategy_day, 1), 10)):
        proposals = proposed_invitations(MeetingKind.ICPC, [child], clock.today())
        icpc = book_meeting(
            kind=MeetingKind.ICPC,
            children=[child],
            by=chair,
            when=_at(add_working_days(strategy_day, 13), 10),
            agencies=[p.agency for p in proposals if p.agency],
            people=[p.person for p in proposals if p.person],
            chair=chair,
            venue="Northshire Civic Centre, room 3",
            follows=strategy,
        )
    held_day = add_working_days(strategy_day, 13)
    with clock.frozen_at(_at(held_day, 15)):
        came = [
            i.pk
            for i in icpc.invitations.all()
            if not (i.agency and i.agency.kind == AgencyKind.GP)
        ]
        hold_meeting(
            icpc,
            by=chair,
            held_at=_at(held_day, 10),
            attended=came,
            decisions=[
                ("cp_plan", "Child protection plan; the core group to meet within ten working days")
            ],
            actions=[
                ActionSpec(
                    "Refer the father to a domestic abuse perpetrator programme",
                    worker.agency,  # type: ignore[arg-type]
                    add_working_days(held_day, 10),
                    owner=worker,
                    owner_name=worker.get_full_name(),
                )
            ],
        )
        plan = write_plan(
            child,
            by=worker,
            focus="The child's safety at home and the impact of the parents' conflict",
            outcomes=[
                OutcomeSpec(
                    risk="Exposure to violence and conflict between the adults at home",
                    change_wanted="No further incidents; the father completes a perpetrator programme",
                    achieve_by=add_working_days(held_day, 60),
                    consequence="A legal planning meeting to consider proceedings",
                )
            ],
        )
        adults = [p.person for p in proposals if p.person]
        condition = None
        if adults:
            condition = add_condition(
                plan,
                by=worker,
                text="Father to give a monthly drug test result to the social worker",
                about=adults[0],
                monitor_agency=worker.agency,  # type: ignore[arg-type]
                monitor_name=worker.get_full_name(),
            )
    with clock.frozen_at(_at(add_working_days(held_day, 2), 11)):
        minutes = write_minutes(
            icpc,
            by=chair,
            text="The chair welcomed everyone. Each agency shared its information.\n\n"
            "The conference agreed that the child is at risk of significant harm through "
            "emotional abuse and should be subject to a child protection plan.",
        )
        circulate_minutes(minutes, by=chair, basis=MINUTES_BASIS)
    with clock.frozen_at(_at(add_working_days(held_day, 3), 11)):
        _confirm(minutes, kinds=CONFIRMING)
    core_day = add_working_days(held_day, 8)
    with clock.frozen_at(_at(core_day, 16)):
        members = proposed_invitations(MeetingKind.CORE_GROUP, [child], core_day)
        core_group = record_meeting(
            kind=MeetingKind.CORE_GROUP,
            children=[child],
            by=worker,
            held_at=_at(core_day, 14),
            agencies=[p.agency for p in members if p.agency],
            people=[p.person for p in members if p.person],
            follows=icpc,
        )
        if condition is not None:
            record_evidence(condition, by=worker, on=core_day, note="Negative drug test seen")
        notes = write_minutes(core_group, by=worker, text="Core group notes: plan reviewed.")
        circulate_minutes(notes, by=worker, basis=MINUTES_BASIS)
        _confirm(notes)
    for day in range(12, 0, -1):
        with clock.frozen_at(_at(subtract_working_days(today, day), 7)):
            tick()
    members = proposed_invitations(MeetingKind.CORE_GROUP, [child], today)
    book_meeting(
        kind=MeetingKind.CORE_GROUP,
        children=[child],
        by=worker,
        when=_at(add_working_days(today, 3), 14),
        agencies=[p.agency for p in members if p.agency],
        people=[p.person for p in members if p.person],
    )
    return icpc


def _confirm(minutes: Minutes, kinds: Iterable[str] | None = None) -> None:
    """Each agency sent the minutes (or those of ``kinds``) confirms it has them."""
    copies = MinutesCopy.objects.filter(minutes=minutes).select_related("agency")
    for copy in copies:
        if kinds is not None and copy.agency.kind not in kinds:
            continue
        acknowledge_minutes(minutes, by=_lead_of(copy.agency))


def _lead_of(agency: Agency) -> Practitioner:
    """The agency's demo sign-in, or a safeguarding lead who cannot sign in where it has none."""
    lead = Practitioner.objects.filter(agency=agency, is_active=True).first()
    if lead is not None:
        return lead
    username = f"{agency.code}.safeguarding"
    lead, created = Practitioner.objects.get_or_create(
        username=username,
        defaults={
            "agency": agency,
            "role": Role.SAFEGUARDING_LEAD,
            "first_name": "Safeguarding",
            "last_name": "Lead",
        },
    )
    if created:
        lead.set_unusable_password()
        lead.save(update_fields=["password"])
    return lead
