"""Children Ag (Northamptonshire SCB, 6-step briefing): domestic violence, a father in prison,
step-down from child protection to child in need to early help with the chair's actions undone,
and a release from prison that no one passed on."""

from __future__ import annotations

from threadline.demo.scenarios import meetings as m
from threadline.demo.scenarios.builder import Place, Scenario
from threadline.demo.scenarios.good_practice import day

HOME = Place("9 Justin Circle", "Northtown", "NT2 7PF")
PRISON = Place("HMP Northshire (synthetic)", "Stanmoor", "NT9 9ZZ")

SOCIAL_WORKER = "Kathleen Stokes"
CP_CHAIR = "Maureen Pugh"
FAMILY_SUPPORT_WORKER = "Marian Spencer-Lloyd"
PROBATION_OFFICER = "Daniel Jackson-Begum"
DRUG_WORKER = "Glenn Collins"
CHILDREN = ["ag-elder", "ag-younger"]
REFERRAL = "Domestic violence at home, witnessed by both children (police notification)"
ICPC = "Initial child protection conference"
CORE_GROUP = "Core group meeting"
RCPC = "Review child protection conference"
CIN_MEETING = "Child in need meeting"


def build() -> Scenario:
    s = Scenario(
        key="ag",
        file_name="children-ag.jsonl",
        title="Children Ag: CP to CIN to early help; chair's step-down actions undone; "
        "father released from prison unannounced",
        review="003_f025c57909e5b132.txt",
        incident_date="2017-03-04",
        states=[
            "Mother was in a violent relationship; the children had witnessed domestic "
            "violence between mother and her partner, the children's father",
            "The original referral was about domestic violence; the focus moved to mother's "
            "drug use and father being in prison",
            "When the child protection plans closed, conditions were agreed: the partner was "
            "not to return home until known to be drug-free for several months",
            "The school and probation made plans for his release, but agencies did not know "
            "he was being released; probation did not tell MASH",
            "He returned home immediately on release; it was not monitored",
            "A domestic violence incident followed in the home; the children witnessed it and "
            "one tried to intervene",
            "At step-down the child protection chair asked for actions that were not done; "
            "the chair attended the third child in need meeting to raise them and they were "
            "not taken forward; the social work assessment was not updated",
            "Mother's engagement in programmes was self-reported, with no formal evidence",
            "It is not known whether a parenting risk assessment was done",
            "Health records hold nothing about the conferences or core groups",
            "Professionals thought step-down from CP to CIN appropriate, but not from CIN "
            "to early help",
            "Meetings took place in quick succession; agencies recorded different dates, "
            "attendees and minutes, and actions are missing",
            "Mother did not engage well with the domestic abuse service (the Sunflower "
            "Centre); the school's Family Support Worker had a very good relationship with her",
            "The drug service worker (S2S) regularly updated the social worker on father's "
            "progress, engagement and drug tests",
            "The most recent MARAC's actions were about father's engagement",
            "Notes and written agreements should reach core group members within five working "
            "days; conference and core group minutes should reach attendees and those sending "
            "apologies within two weeks, and an agency without them should follow up with the "
            "social worker, then up the escalation ladder (Rec 3)",
            "All child protection minutes and plans and child in need plans should open with "
            "the reason the case was first referred (Rec 1)",
        ],
        filled_in=[
            "All names, addresses and dates; two children, aged 9 and 7 at the incident",
            "The manager's review of the first strategy discussion and the section 47 "
            "enquiry's completion (the review does not criticise either)",
            "The first incident (September 2015), the conference dates, the category of the "
            "plans (emotional abuse), father's sentence and release date",
            "The chair's step-down actions: update the assessment, a parenting risk "
            "assessment, the written agreement about father's return and who monitors it, "
            "health invited to meetings",
            "The dates of the three child in need meetings and the school's record of the "
            "second on a different day",
            "The younger child telling school that father was home, five days after release",
            "Which agencies recorded what; the drug service (S2S) is the borough's drug and "
            "alcohol service, the domestic abuse service its voluntary sector service",
            "The children's social care involvement after the March 2017 incident stays "
            "open, so the allocated worker can see the record",
            "The agencies are the synthetic borough's (the review is Northamptonshire's)",
            "The bookings of the conferences, core groups and child in need meetings, each with "
            "the school invited and the GP and school nurse not; the police invited to the "
            "initial conference and the drug service to the step-down conference, both sending "
            "apologies",
            "The initial conference's minutes sent to the school and the police three weeks "
            "after it, the step-down conference's minutes and written agreement to the school "
            "five weeks after; the first core group's notes to the school thirteen working days "
            "after; no minutes, notes or actions of the other meetings on anyone's record",
            "The child protection plan's outcomes (complete, opening with the domestic "
            "violence); the child in need plan written without the original reason, its one "
            "outcome about mother's drug use",
            "The written agreement's named monitors, probation and the drug service, who were "
            "never sent it",
            "The MARAC's two actions for father, the drug treatment one recorded as done",
        ],
        children=list(CHILDREN),
    )
    s.agencies(
        "csc", "police", "gp", "schools", "school-nursing", "probation", "drug-alcohol", "voluntary"
    )
    _people(s)
    _first_incident_and_conference(s)
    _child_protection_plan(s)
    _step_down(s)
    _release_and_incident(s)
    # What the checks must have raised before the harm, finding by finding; the review's
    # findings are about both children, so each is expected for each child.
    s.expect(
        "PLN-3",
        "ag-elder",
        "2017-03-03",
        "finding: the chair's step-down actions were not completed",
    )
    s.expect(
        "PLN-1",
        "ag-elder",
        "2017-03-03",
        "Rec 1: the original reason for referral (domestic violence) was lost",
    )
    s.expect(
        "DEC-6",
        "ag-elder",
        "2017-03-03",
        "finding: mother's engagement self-reported, never evidenced",
    )
    s.expect(
        "SHR-2",
        "ag-elder",
        "2017-03-03",
        "finding: core group notes not circulated within five working days",
    )
    s.expect(
        "SHR-4",
        "ag-elder",
        "2017-03-03",
        "finding: health not invited to conferences or core groups",
    )
    s.expect(
        "SHR-5",
        "ag-elder",
        "2017-03-03",
        "finding: agencies recorded meetings with different dates and attendees",
    )
    s.expect(
        "SHR-7",
        "ag-elder",
        "2017-03-03",
        "finding: agencies did not know father was being released; probation did not tell MASH",
    )
    s.expect(
        "PLN-7",
        "ag-elder",
        "2017-03-03",
        "incident: the condition on father's return was not monitored",
    )
    s.expect(
        "SHR-3",
        "ag-elder",
        "2017-03-03",
        "Rec 3 and finding 7: minutes missing, or late and not to everyone, after the meetings",
    )
    s.expect(
        "WRK-2",
        "ag-elder",
        "2017-03-03",
        "Rec 3: the chair's concerns escalated without a recorded resolution",
    )
    for expectation in list(s.expectations):
        younger = {**expectation, "person": {"agency": "csc", "id": "ag-younger"}}
        s.expectations.append(younger)
    return s


def _people(s: Scenario) -> None:
    home = [HOME.address("2012-08-01")]
    for source_id, given, born, sex in (
        ("ag-elder", "Ag (elder)", "2007-05-10", "female"),
        ("ag-younger", "Ag (younger)", "2010-01-22", "male"),
    ):
        s.person(
            source_id,
            given,
            "Holland",
            at=("csc", "police", "gp", "schools", "school-nursing"),
            sex=sex,
            born=born,
            nhs=s.new_nhs_number(),
            addresses=home,
            known_as="Child Ag",
        )
    s.person(
        "ag-mother",
        "Ag's mother",
        "Holland",
        at=("csc", "police", "gp", "schools", "drug-alcohol", "voluntary", "probation"),
        sex="female",
        born="1986-09-14",
        nhs=s.new_nhs_number(),
        addresses=home,
    )
    father_nhs = s.new_nhs_number()
    s.person(
        "ag-father",
        "Ag's father",
        "Cartwright",
        at=("csc", "police", "drug-alcohol"),
        sex="male",
        born="1984-03-02",
        nhs=father_nhs,
        addresses=home,
    )
    # Probation's record shows where he went on release: straight back to the family home.
    s.person(
        "ag-father",
        "Ag's father",
        "Cartwright",
        at=("probation",),
        sex="male",
        born="1984-03-02",
        nhs=father_nhs,
        addresses=[
            HOME.address("2012-08-01", "2015-09-13"),
            PRISON.address("2015-09-14", "2017-02-16"),
            HOME.address("2017-02-17"),
        ],
    )
    for person, relative, kind, pr, since in (
        ("ag-mother", "ag-elder", "parent", True, "2007-05-10"),
        ("ag-mother", "ag-younger", "parent", True, "2010-01-22"),
        ("ag-father", "ag-elder", "parent", True, "2007-05-10"),
        ("ag-father", "ag-younger", "parent", True, "2010-01-22"),
        ("ag-mother", "ag-father", "partner", False, "2006-01-01"),
        ("ag-elder", "ag-younger", "sibling", False, "2010-01-22"),
    ):
        s.relationship("csc", person, relative, kind, pr=pr, since=since)
    s.relationship("schools", "ag-mother", "ag-elder", "parent", pr=True)
    s.relationship("schools", "ag-mother", "ag-younger", "parent", pr=True)
    for child in CHILDREN:
        s.involvement(
            "schools",
            child,
            "Northgate Primary School",
            "2014-09-03",
            lead=FAMILY_SUPPORT_WORKER,
            reason="On roll (primary); family support",
        )
        s.involvement(
            "school-nursing",
            child,
            "School Nursing Team",
            "2014-09-03",
            lead="Holly Cooper",
            reason="Health needs in school",
        )
        s.involvement(
            "gp",
            child,
            "Hollowfield Health Centre",
            "2010-02-01",
            lead="Dr Imran Qureshi",
            reason="Registered patient",
        )


def _first_incident_and_conference(s: Scenario) -> None:
    everyone = [
        ("ag-mother", "victim"),
        ("ag-father", "alleged_perpetrator"),
        ("ag-elder", "present"),
        ("ag-younger", "present"),
    ]
    s.event(
        "2015-09-12T23:15",
        "police",
        "domestic_abuse_incident",
        everyone,
        "Domestic violence at the family home; both children witnessed it",
        by="PC Owen Holden",
        detail="Father arrested for assault. DASH: high risk; MARAC referral.",
        significance="critical",
        outcome="high_risk",
    )
    s.event(
        "2015-09-13",
        "police",
        "marac_referral",
        [("ag-mother", "victim"), ("ag-father", "alleged_perpetrator")],
        "Referred to MARAC: high risk",
        by="DS Gavin Hall",
    )
    for told in ("schools", "csc"):
        s.event(
            "2015-09-13",
            "police",
            "information_shared",
            CHILDREN,
            "Domestic abuse notification: both children witnessed last night's incident",
            by="DS Gavin Hall",
            counterpart=told,
        )
    s.event(
        "2015-09-13",
        "police",
        "custody_start",
        ["ag-father"],
        "Remanded in custody",
        significance="significant",
    )
    s.event(
        "2015-09-13",
        "schools",
        "acknowledgement",
        CHILDREN,
        "Domestic abuse notification from police received before school",
        by=FAMILY_SUPPORT_WORKER,
        reliability="third_party",
        counterpart="police",
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "MASH",
            "2015-09-13",
            lead="Hannah Chapman",
            reason="Domestic violence witnessed by the children",
            closed="2015-09-14",
        )
        s.involvement(
            "csc",
            child,
            "Child Protection Team North",
            "2015-09-14",
            lead=SOCIAL_WORKER,
            reason="Domestic violence witnessed by the children",
            closed="2016-06-16",
        )
    s.event(
        "2015-09-13",
        "csc",
        "contact",
        CHILDREN,
        "Police notification: domestic violence witnessed by the children",
        by="Hannah Chapman",
        significance="significant",
    )
    s.event(
        "2015-09-14",
        "csc",
        "strategy_discussion",
        CHILDREN,
        "Strategy discussion: section 47 enquiry",
        by=SOCIAL_WORKER,
        significance="critical",
        outcome="section_47",
    )
    s.event(
        "2015-09-14",
        "csc",
        "assessment_started",
        CHILDREN,
        "Section 47 enquiry started",
        by=SOCIAL_WORKER,
    )
    s.event(
        "2015-09-15",
        "csc",
        "management_review",
        CHILDREN,
        "Team manager agreed the strategy discussion's decision",
        by="Frederick Nixon-Hill",
    )
    s.event(
        "2015-09-28",
        "csc",
        "assessment_completed",
        CHILDREN,
        "Section 47 enquiry completed: initial child protection conference requested",
        by=SOCIAL_WORKER,
        significance="significant",
    )
    s.event(
        "2015-09-17",
        "csc",
        "child_seen_alone",
        ["ag-elder"],
        "Seen alone at school: frightened when her parents argue",
        by=SOCIAL_WORKER,
    )
    s.involvement(
        "voluntary",
        "ag-mother",
        "Domestic Abuse Support Service",
        "2015-09-20",
        lead="Jay Smith",
        reason="IDVA and domestic abuse support",
        closed="2016-01-29",
    )
    for session in ("2015-10-06", "2015-11-10", "2015-12-08"):
        s.event(
            session,
            "voluntary",
            "missed_appointment",
            ["ag-mother"],
            "Did not attend the domestic abuse support session",
            by="Jay Smith",
        )
    marac = s.event(
        "2015-09-24",
        "police",
        "marac",
        [("ag-mother", "victim"), ("ag-father", "alleged_perpetrator")],
        "MARAC: actions for father to engage with perpetrator work and drug treatment",
        by="DS Gavin Hall",
        significance="significant",
    )
    # Good practice: the MARAC's actions were all about father's engagement, not mother's.
    _perpetrator_work, drug_treatment = m.actions(
        s,
        "2015-09-24",
        marac,
        [("ag-father", "subject")],
        [
            ("probation", "Father to take up perpetrator work while in custody", "2016-03-24"),
            ("drug-alcohol", "Father to engage with drug treatment (S2S)", "2016-03-24"),
        ],
        by="DS Gavin Hall",
        code="police",
    )
    m.completed(
        s,
        "2016-03-01",
        "drug-alcohol",
        [("ag-father", "subject")],
        drug_treatment,
        "Father engaged with drug treatment (S2S) in custody",
        by="Connor Smith",
        convener="police",
    )
    # Booked with the school and the police invited, the GP and school nurse not (finding 5);
    # the minutes went out late, to the school and the police only (Rec 3).
    booking = s.event(
        "2015-09-25",
        "csc",
        "meeting_scheduled",
        [*CHILDREN, ("ag-mother", "invited")],
        "Initial child protection conference booked for 2 October",
        by=SOCIAL_WORKER,
        detail=f"Original reason for referral: {REFERRAL}",
        outcome="icpc",
        due="2015-10-02",
    )
    for invited in ("schools", "police"):
        s.event(
            "2015-09-28",
            "csc",
            "invitation",
            [*CHILDREN],
            "Invitation to the initial child protection conference",
            by=SOCIAL_WORKER,
            counterpart=invited,
            refers_to=booking,
        )
    m.apologies(s, "2015-10-01", "police", CHILDREN, booking, ICPC, by="DS Gavin Hall")
    icpc = s.event(
        "2015-10-02",
        "csc",
        "conference",
        [*CHILDREN, ("ag-mother", "present")],
        "Initial child protection conference: plans for both children, category emotional abuse",
        by=CP_CHAIR,
        detail="Reason for referral: domestic violence witnessed by "
        "the children. School present; police sent a report and apologies; GP and school "
        "nurse not recorded as invited.",
        significance="critical",
        outcome="cp_plan",
    )
    plans = {}
    for child in CHILDREN:
        plans[child] = s.episode(
            child,
            "cp",
            "2015-10-02",
            "2016-06-16",
            reason="Domestic violence witnessed by the children",
            referral_source="6",
            primary_need="N1",
            category_of_abuse="EMO",
            end_reason="Stepped down to child in need",
            factors=["3A", "3B", "2B"],
        )
    m.plan_started(
        s,
        "2015-10-02",
        CHILDREN,
        "Child protection plan: safety from domestic violence; mother's drug use",
        reason=REFERRAL,
        addresses="the children's safety from father's violence, and mother's drug use",
        by=SOCIAL_WORKER,
        review_by="2015-12-17",
    )
    for plan in plans.values():
        for risk, change, by, consequence in (
            (
                "The children witnessing father's violence towards mother",
                "Mother and the children safe from father's violence; mother working with the "
                "domestic abuse service",
                "2016-04-02",
                "The conference considers legal advice on the children's safety",
            ),
            (
                "Mother's amphetamine and cannabis use affecting her care of the children",
                "Mother engaged with the drug service and testing negative",
                "2016-04-02",
                "A parenting assessment and legal advice if she is not",
            ),
        ):
            s.plan_outcome(
                plan,
                "2015-10-02",
                risk=risk,
                change_wanted=change,
                achieve_by=by,
                consequence=consequence,
            )
    copies = m.circulate(
        s, "2015-10-23", icpc, CHILDREN, ("schools", "police"), ICPC, by=SOCIAL_WORKER
    )
    m.received(
        s, "2015-10-26", "schools", CHILDREN, copies["schools"], ICPC, by=FAMILY_SUPPORT_WORKER
    )


def _child_protection_plan(s: Scenario) -> None:
    s.event(
        "2016-01-15",
        "probation",
        "custody_start",
        ["ag-father"],
        "Sentenced to 34 months' imprisonment for assault and drug offences",
        by=PROBATION_OFFICER,
        significance="significant",
    )
    s.involvement(
        "probation",
        "ag-father",
        "Northshire Probation Delivery Unit",
        "2016-01-15",
        lead=PROBATION_OFFICER,
        reason="Custody and licence: domestic abuse, drugs",
    )
    _core_groups(s)
    s.involvement(
        "drug-alcohol",
        "ag-mother",
        "Adult Drug and Alcohol Service",
        "2015-11-02",
        lead=DRUG_WORKER,
        reason="Amphetamine and cannabis use",
    )
    s.event(
        "2016-02-10",
        "csc",
        "engagement",
        [*CHILDREN, ("ag-mother", "mentioned")],
        "Mother says she is attending a domestic abuse programme and her drug group every week",
        by=SOCIAL_WORKER,
        reliability="self_reported",
    )
    s.involvement(
        "drug-alcohol",
        "ag-father",
        "Adult Drug and Alcohol Service",
        "2016-03-01",
        lead="Connor Smith",
        reason="Drug treatment in custody (S2S)",
    )
    for tested, result in (
        ("2016-05-10", "negative"),
        ("2016-09-20", "negative"),
        ("2016-12-06", "positive for cannabis"),
    ):
        s.event(
            tested,
            "drug-alcohol",
            "drug_test",
            ["ag-father"],
            f"Drug test {result}",
            by="Connor Smith",
        )
        s.event(
            tested,
            "drug-alcohol",
            "information_shared",
            ["ag-father"],
            f"Social worker updated on father's engagement and drug test ({result})",
            by="Connor Smith",
            counterpart="csc",
        )
    m.book(
        s,
        "2015-11-18",
        "2015-12-17",
        RCPC,
        CHILDREN,
        reason=REFERRAL,
        invite=("schools",),
        family=("ag-mother",),
        kind="rcpc",
        by=SOCIAL_WORKER,
    )
    s.event(
        "2015-12-17",
        "csc",
        "conference",
        [*CHILDREN, ("ag-mother", "present")],
        "Review child protection conference: plans continue",
        by=CP_CHAIR,
        detail="School present. No minutes or actions recorded.",
        significance="significant",
        outcome="cp_plan",
    )


# The core groups in quick succession (finding 7): the school invited each time, the GP and
# school nurse never (finding 5); notes of the first went to the school thirteen working days
# later, and no notes or actions of the others are on anyone's record.
CORE_GROUPS = ("2015-10-14", "2015-11-18", "2016-01-06", "2016-02-24", "2016-04-13")


def _core_groups(s: Scenario) -> None:
    booked_on = "2015-10-02"
    for held in CORE_GROUPS:
        m.book(
            s,
            booked_on,
            held,
            CORE_GROUP,
            CHILDREN,
            reason=REFERRAL,
            invite=("schools",),
            family=("ag-mother",),
            kind="cp_plan",
            by=SOCIAL_WORKER,
        )
        meeting = s.event(
            held,
            "csc",
            "core_group",
            [*CHILDREN, ("ag-mother", "present")],
            "Core group meeting: mother's drug use and father's sentence discussed",
            by=SOCIAL_WORKER,
        )
        if held == CORE_GROUPS[0]:
            copies = m.circulate(
                s,
                day(held, 13),
                meeting,
                CHILDREN,
                ("schools",),
                CORE_GROUP,
                by=SOCIAL_WORKER,
                noun="Notes",
            )
            m.received(
                s,
                day(held, 14),
                "schools",
                CHILDREN,
                copies["schools"],
                CORE_GROUP,
                by=FAMILY_SUPPORT_WORKER,
            )
        booked_on = held


def _step_down(s: Scenario) -> None:
    # The step-down conference: the school and the drug service (S2S) invited, the GP and school
    # nurse not; the minutes and the written agreement went to the school five weeks later and
    # never to probation or the drug service, who were to monitor it.
    booking = m.book(
        s,
        "2016-05-26",
        "2016-06-16",
        RCPC,
        CHILDREN,
        reason=REFERRAL,
        invite=("schools", "drug-alcohol"),
        family=("ag-mother",),
        kind="rcpc",
        by=SOCIAL_WORKER,
    )
    m.apologies(s, "2016-06-15", "drug-alcohol", CHILDREN, booking, RCPC, by="Connor Smith")
    rcpc = s.event(
        "2016-06-16",
        "csc",
        "conference",
        [*CHILDREN, ("ag-mother", "present")],
        "Review child protection conference: plans end; stepped down to child in need",
        by=CP_CHAIR,
        detail="Chair's actions for step-down: 1. update the social work assessment; "
        "2. parenting risk assessment; 3. written agreement that father does not return "
        "home until drug-free for several months, monitored by probation and the drug "
        "service; 4. GP and school nurse invited to child in need meetings.",
        significance="critical",
        outcome="step_down",
    )
    m.written_agreement(
        s,
        "2016-06-16",
        CHILDREN,
        "ag-father",
        "father not to return to the family home until drug-free for several months",
        monitor="probation and the drug service (S2S), reporting to the social worker",
        by=SOCIAL_WORKER,
    )
    for number, (owner, action, due) in enumerate(
        (
            ("csc", "Update the social work assessment", "2016-07-28"),
            ("csc", "Complete a parenting risk assessment", "2016-08-18"),
            (
                "probation",
                "Probation and the drug service to report on father's drug tests",
                "2016-07-28",
            ),
            ("csc", "Invite the GP and school nurse to child in need meetings", "2016-07-07"),
        ),
        start=1,
    ):
        s.event(
            "2016-06-16",
            "csc",
            "action_set",
            CHILDREN,
            f"Chair's step-down action {number}: {action}",
            by=CP_CHAIR,
            due=due,
            counterpart=owner if owner != "csc" else None,
            refers_to=rcpc,
        )
    copies = m.circulate(s, "2016-07-20", rcpc, CHILDREN, ("schools",), RCPC, by=SOCIAL_WORKER)
    m.received(
        s, "2016-07-21", "schools", CHILDREN, copies["schools"], RCPC, by=FAMILY_SUPPORT_WORKER
    )
    # The child in need plan no longer opens with the reason the family was referred (Rec 1).
    m.plan_started(
        s,
        "2016-06-16",
        CHILDREN,
        "Child in need plan: mother's drug use and father's imprisonment",
        reason="",
        addresses="mother's drug use and father's imprisonment",
        by=SOCIAL_WORKER,
        review_by="2016-09-16",
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Child in Need Team North",
            "2016-06-16",
            lead=SOCIAL_WORKER,
            reason="Child in need after child protection",
            closed="2016-09-08",
        )
        plan = s.episode(
            child,
            "cin",
            "2016-06-16",
            "2016-09-08",
            reason="Mother's drug use; father in prison",
            referral_source="5A",
            primary_need="N1",
            closure_reason="RC7",
            end_reason="Stepped down to early help",
            factors=["2B"],
        )
        s.plan_outcome(
            plan,
            "2016-06-16",
            risk="Mother's drug use",
            change_wanted="Mother completes her drug programme and stays drug-free",
            achieve_by="2016-09-16",
            consequence="The plan is reviewed and the family referred back to conference",
        )
    # Three child in need meetings in quick succession, each booked at the one before; the school
    # invited, the GP and school nurse still not (the chair's action 4).
    booked_on = "2016-06-16"
    for held, text in (
        ("2016-07-07", "First child in need meeting"),
        ("2016-07-28", "Second child in need meeting"),
        ("2016-08-18", "Third child in need meeting: the chair asked about the step-down actions"),
    ):
        m.book(
            s,
            booked_on,
            held,
            CIN_MEETING,
            CHILDREN,
            reason="Mother's drug use; father in prison",
            invite=("schools",),
            family=("ag-mother",),
            kind="cin_plan",
            by=SOCIAL_WORKER,
        )
        s.event(
            held,
            "csc",
            "cin_review",
            [*CHILDREN, ("ag-mother", "present")],
            text,
            by=SOCIAL_WORKER,
            detail="The child protection chair attended and said the assessment had not been "
            "updated and no parenting risk assessment done. No actions recorded."
            if held == "2016-08-18"
            else "",
        )
        booked_on = held
    s.event(
        "2016-07-29",
        "schools",
        "cin_review",
        CHILDREN,
        "Child in need meeting attended (school's record)",
        by=FAMILY_SUPPORT_WORKER,
    )
    s.event(
        "2016-08-18",
        "csc",
        "escalation",
        [*CHILDREN],
        "Child protection chair raised that the step-down actions are not done",
        by=CP_CHAIR,
        significance="significant",
    )
    s.event(
        "2016-09-08",
        "csc",
        "plan_ended",
        CHILDREN,
        "Child in need plans ended: stepped down to early help",
        by=SOCIAL_WORKER,
        significance="significant",
    )
    s.event(
        "2016-09-08",
        "csc",
        "decision",
        CHILDREN,
        "Decision: step down from child in need to early help",
        by=SOCIAL_WORKER,
        outcome="step_down",
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Early Help North",
            "2016-09-08",
            lead="Kim Adams",
            reason="Early help after child in need",
        )
        s.episode(
            child,
            "early_help",
            "2016-09-08",
            reason="Support after the child in need plan; father due for release",
        )
    s.event(
        "2016-11-02",
        "schools",
        "meeting",
        [*CHILDREN, ("ag-mother", "present")],
        "Team around the family meeting led by the school's Family Support Worker",
        by=FAMILY_SUPPORT_WORKER,
    )


def _release_and_incident(s: Scenario) -> None:
    s.event(
        "2017-01-25",
        "probation",
        "release_planned",
        ["ag-father"],
        "Release planning with the school's Family Support Worker: release due 17 February 2017",
        by=PROBATION_OFFICER,
        due="2017-02-17",
    )
    s.event(
        "2017-01-25",
        "schools",
        "meeting",
        [*CHILDREN, ("ag-mother", "mentioned")],
        "Release planning with probation: father due out 17 February",
        by=FAMILY_SUPPORT_WORKER,
    )
    s.event(
        "2017-02-17",
        "probation",
        "release_from_custody",
        ["ag-father"],
        "Released on licence; address given: the family home",
        by=PROBATION_OFFICER,
        significance="significant",
    )
    s.event(
        "2017-02-22",
        "schools",
        "note",
        [*CHILDREN],
        "Younger child says 'Dad is home'",
        by=FAMILY_SUPPORT_WORKER,
        reliability="self_reported",
    )
    s.event(
        "2017-03-04T20:50",
        "police",
        "domestic_abuse_incident",
        [
            ("ag-mother", "victim"),
            ("ag-father", "alleged_perpetrator"),
            ("ag-elder", "witness"),
            ("ag-younger", "witness"),
        ],
        "Domestic violence at the family home; the elder child "
        "tried to pull father away from mother",
        by="PC Liam Hill",
        detail="Father had returned to live at home on release. DASH: high risk.",
        significance="critical",
        outcome="high_risk",
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Assessment Team North",
            "2017-03-05",
            lead=SOCIAL_WORKER,
            reason="Domestic violence after father's release",
        )
    s.event(
        "2017-03-05",
        "csc",
        "contact",
        [*CHILDREN, ("ag-father", "mentioned")],
        "Police "
        "notification: domestic violence witnessed by both children, father home since "
        "release",
        by="Hannah Chapman",
        significance="critical",
    )
