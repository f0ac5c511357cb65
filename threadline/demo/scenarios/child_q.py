"""Child Q (Oxfordshire SCB learning summary): a 14-month-old on a child protection plan for
neglect who drowned in the bath, after two moves that broke the professional network and a
father who was never drawn into the plan."""

from __future__ import annotations

from threadline.demo.scenarios.builder import Place, Scenario

FIRST_HOME = Place("Flat 12, 4 Rhys Estates", "Northtown", "NT2 3KD")
SECOND_HOME = Place("56 Adrian Harbors", "Stanmoor", "NT8 6TB")
LAST_HOME = Place("2 Fen Lane Cottages", "Carrow End", "WQ4 1NX", "Westmere")
FATHERS_HOME = Place("19 Rosemary Fords", "Hollowfield", "NT7 2AE")

FIRST_WORKER = "Graham Richardson"
SECOND_WORKER = "Hannah Chapman"
CP_CHAIR = "Maureen Pugh"
CENTRE_WORKER = "Georgina Noble"
CHILDREN = ["q-child", "q-half-brother"]


def build() -> Scenario:
    s = Scenario(
        key="q",
        file_name="child-q.jsonl",
        title="Child Q: CP plan for neglect, moves across boundaries, father not engaged, "
        "drowned in the bath",
        review="004_01058cc2a747051e.txt",
        incident_date="2013-08-14",
        states=[
            "Child Q, a girl of 14 months, drowned after being left unattended in the bath",
            "She lived with her mother and an older half-sibling; both children were on "
            "child protection plans for neglect and parental inability to protect",
            "Mother had a difficult history and little consistent support from her family; "
            "Q's father and paternal relatives gave regular respite care",
            "Concerns: mother's immaturity, her poorly understood drug and alcohol misuse, "
            "periodic depression, and exposing the children to unsuitable teenagers and adults",
            "Children's Centres taught parenting and monitored the children's care; mother "
            "used services inconsistently and could not sustain improvements",
            "She moved twice in the children's early years, the last move making the family "
            "more isolated; the moves broke relationships with professionals",
            "The plan did not spell out the specific risks or the consequences if outcomes "
            "were not achieved",
            "Professionals did not respond proactively to incidents and allegations, feeling "
            "they did not have enough evidence",
            "Handover was delayed when the family moved, leading to 'start again'",
            "Mother's cooperation was prioritised; father was not engaged in the child "
            "protection process",
            "Professionals assumed they could not meet without the parents present",
            "Child protection plans and minutes were shared late",
            "There was no multi-agency chronology of significant events",
        ],
        filled_in=[
            "All names, addresses and dates; Q's birth in June 2012 and death in August 2013, "
            "from her age",
            "The half-sibling being a brother, aged about 3",
            "The moves: first across the borough's locality teams (North to South), then "
            "across the boundary into a neighbouring authority, Westmere, with the transfer "
            "not yet made when Q died",
            "The referral by the health visitor, the conference dates and the plan's wording",
            "The incidents: a bruise on the half-brother explained by mother and not passed "
            "to the social worker, and a third-party report of the children left with "
            "teenagers",
            "The health visitor's request for a professionals' meeting without mother, "
            "which was not held",
            "The late circulation of minutes",
            "The agencies are the synthetic borough's (the review is Oxfordshire's)",
        ],
        children=["q-child"],
    )
    s.agencies(
        "csc",
        "police",
        "gp",
        "midwifery",
        "health-visiting",
        "hospital",
        "ambulance",
        "schools",
        "drug-alcohol",
    )
    _people(s)
    _birth_and_referral(s)
    _conference_and_plan(s)
    _first_move(s)
    _incidents(s)
    _last_move_and_death(s)
    # What the checks must have raised before the harm, finding by finding.
    s.expect(
        "PLN-2",
        "q-child",
        "2013-08-13",
        "finding 1: the CP plan did not spell out the risks and consequences",
    )
    s.expect(
        "SHR-10",
        "q-child",
        "2013-08-13",
        "finding 2 and key messages: marks and allegations shared with the social worker",
    )
    s.expect(
        "SHR-11",
        "q-child",
        "2013-08-13",
        "finding 3: delayed handover when the family moved across the boundary",
    )
    s.expect(
        "NET-2",
        "q-child",
        "2013-08-13",
        "finding 4: father not engaged in the child protection process",
    )
    s.expect(
        "WRK-3",
        "q-child",
        "2013-08-13",
        "finding 5 and key messages: a professionals' meeting without parents",
    )
    s.expect("SHR-3", "q-child", "2013-08-13", "finding 6: delay in sharing CP plans and minutes")
    s.expect(
        "RSK-2",
        "q-child",
        "2013-08-13",
        "learning for managers: review the risk assessment after any incident",
    )
    # Both children were on child protection plans: the plan's findings hold for Q's brother too.
    for check in ("PLN-2", "SHR-3", "SHR-11", "WRK-3", "SHR-10"):
        s.expect(check, "q-half-brother", "2013-08-13", "as for Q: both children were on plans")
    return s


def _people(s: Scenario) -> None:
    homes = [
        FIRST_HOME.address("2011-03-01", "2012-12-02"),
        SECOND_HOME.address("2012-12-03", "2013-06-23"),
        LAST_HOME.address("2013-06-24"),
    ]
    everywhere = ("csc", "gp", "health-visiting", "schools", "police", "hospital", "ambulance")
    s.person(
        "q-child",
        "Q",
        "Barker",
        at=(*everywhere, "midwifery"),
        sex="female",
        born="2012-06-11",
        died="2013-08-14",
        nhs=s.new_nhs_number(),
        addresses=homes,
        known_as="Child Q",
    )
    s.person(
        "q-half-brother",
        "Q's half-brother",
        "Griffiths",
        at=everywhere,
        sex="male",
        born="2009-10-03",
        nhs=s.new_nhs_number(),
        addresses=homes,
    )
    s.person(
        "q-mother",
        "Q's mother",
        "Griffiths",
        at=(*everywhere, "midwifery", "drug-alcohol"),
        sex="female",
        born="1992-02-27",
        nhs=s.new_nhs_number(),
        addresses=homes,
    )
    fathers = [FATHERS_HOME.address("2010-01-01")]
    s.person(
        "q-father",
        "Q's father",
        "Barker",
        at=("csc", "gp", "police"),
        sex="male",
        born="1989-05-19",
        nhs=s.new_nhs_number(),
        addresses=fathers,
    )
    s.person(
        "q-grandmother",
        "Q's paternal grandmother",
        "Barker",
        at=("csc",),
        sex="female",
        born="1964-11-08",
        nhs=s.new_nhs_number(),
        addresses=fathers,
    )
    for person, relative, kind, pr, since in (
        ("q-mother", "q-child", "parent", True, "2012-06-11"),
        ("q-father", "q-child", "parent", True, "2012-06-11"),
        ("q-mother", "q-half-brother", "parent", True, "2009-10-03"),
        ("q-mother", "q-father", "former_partner", False, "2011-06-01"),
        ("q-half-brother", "q-child", "half_sibling", False, "2012-06-11"),
        ("q-grandmother", "q-child", "grandparent", False, "2012-06-11"),
        ("q-grandmother", "q-father", "parent", False, "1989-05-19"),
        ("q-grandmother", "q-child", "carer", False, "2012-09-01"),
    ):
        s.relationship("csc", person, relative, kind, pr=pr, since=since)


def _birth_and_referral(s: Scenario) -> None:
    s.involvement(
        "midwifery",
        "q-mother",
        "Community Midwives North",
        "2011-11-21",
        lead="Caroline Shah-Craig",
        reason="Antenatal and postnatal care",
        closed="2012-07-09",
    )
    s.event(
        "2012-06-11",
        "midwifery",
        "birth",
        ["q-child", ("q-mother", "present")],
        "Born at Northshire General Hospital",
        by="Caroline Shah-Craig",
    )
    s.involvement(
        "health-visiting",
        "q-child",
        "Health Visiting North",
        "2012-06-11",
        lead="Maria Barton",
        reason="Healthy Child Programme",
        closed="2013-01-27",
    )
    s.event(
        "2012-06-22",
        "health-visiting",
        "home_visit",
        ["q-child", "q-half-brother", ("q-mother", "present")],
        "New birth visit: home dirty, little food in the flat",
        by="Maria Barton",
        significance="significant",
    )
    s.event(
        "2012-08-14",
        "gp",
        "appointment_attended",
        ["q-mother"],
        "Low mood: depression, medication started",
        by="Dr Hilary Lee",
    )
    s.event(
        "2012-09-01",
        "csc",
        "contact_session",
        ["q-child", ("q-father", "present"), ("q-grandmother", "present")],
        "Q stays with her father and paternal grandmother most weekends for respite",
        reliability="third_party",
    )
    s.event(
        "2012-09-05",
        "health-visiting",
        "referral",
        ["q-child", "q-half-brother"],
        "Referral to children's social care: neglect",
        by="Maria Barton",
        significance="significant",
        counterpart="csc",
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Child Protection Team North",
            "2012-09-05",
            lead=FIRST_WORKER,
            reason="Neglect",
            closed="2013-01-14",
        )
        s.involvement(
            "schools",
            child,
            "Northgate Children's Centre",
            "2012-07-02",
            lead=CENTRE_WORKER,
            reason="Parenting support and monitoring",
            closed="2012-12-02",
        )
    s.event(
        "2012-09-05",
        "csc",
        "referral",
        CHILDREN,
        "Health visitor's referral: neglect, mother's low mood",
        by=FIRST_WORKER,
        significance="significant",
    )
    s.event(
        "2012-09-07",
        "csc",
        "assessment_started",
        CHILDREN,
        "Single assessment started",
        by=FIRST_WORKER,
    )
    s.event(
        "2012-10-12",
        "csc",
        "assessment_completed",
        CHILDREN,
        "Single assessment completed: neglect, mother's drug and alcohol use unclear",
        by=FIRST_WORKER,
        detail="Father not seen: he 'has the children at weekends'.",
        significance="significant",
    )


def _conference_and_plan(s: Scenario) -> None:
    s.event(
        "2012-10-15",
        "csc",
        "strategy_discussion",
        CHILDREN,
        "Strategy discussion: section 47 enquiry for neglect",
        by=FIRST_WORKER,
        significance="critical",
        outcome="section_47",
    )
    s.event(
        "2012-10-15",
        "csc",
        "assessment_started",
        CHILDREN,
        "Section 47 enquiry started",
        by=FIRST_WORKER,
    )
    s.event(
        "2012-10-26",
        "csc",
        "assessment_completed",
        CHILDREN,
        "Section 47 enquiry completed: initial child protection conference requested",
        by=FIRST_WORKER,
        significance="significant",
    )
    icpc = s.event(
        "2012-11-01",
        "csc",
        "conference",
        [*CHILDREN, ("q-mother", "present")],
        "Initial child protection conference: plans for neglect",
        by=CP_CHAIR,
        detail="Father not invited. Outcome: mother to keep the home clean and attend the "
        "Children's Centre.",
        significance="critical",
        outcome="cp_plan",
    )
    for child in CHILDREN:
        plan = s.episode(
            child,
            "cp",
            "2012-11-01",
            "2013-08-14" if child == "q-child" else None,
            reason="Neglect; mother unable to protect",
            referral_source="3B",
            primary_need="N1",
            category_of_abuse="NEG",
            closure_reason="RC2" if child == "q-child" else None,
            factors=["16A", "4B", "1B", "2B"],
        )
        # The plan names the risk and the change wanted, but no date and no consequence.
        s.plan_outcome(
            plan,
            "2012-11-01",
            risk="Neglect: a dirty home and little food",
            change_wanted="Mother keeps the home clean and attends the Children's Centre",
        )
    s.event(
        "2012-11-01",
        "csc",
        "plan_started",
        CHILDREN,
        "Child protection plan: improve home conditions; attend the Children's Centre",
        by=FIRST_WORKER,
        significance="significant",
    )
    s.event(
        "2012-11-14",
        "csc",
        "core_group",
        [*CHILDREN, ("q-mother", "present")],
        "Core group meeting",
        by=FIRST_WORKER,
    )
    s.event(
        "2012-12-10",
        "csc",
        "minutes_circulated",
        CHILDREN,
        "Conference minutes and plan sent to the core group",
        by=FIRST_WORKER,
        refers_to=icpc,
    )


def _first_move(s: Scenario) -> None:
    s.event(
        "2012-12-03",
        "csc",
        "address_move",
        [*CHILDREN, ("q-mother", "subject")],
        "Family moved to Stanmoor (south of the borough)",
        by=FIRST_WORKER,
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Child Protection Team South",
            "2013-01-14",
            lead=SECOND_WORKER,
            reason="Neglect: transferred from the north team",
        )
        s.involvement(
            "schools",
            child,
            "Stanmoor Children's Centre",
            "2013-02-04",
            lead="Roy Hudson",
            reason="Parenting support and monitoring",
            closed="2013-06-23",
        )
    s.involvement(
        "health-visiting",
        "q-child",
        "Health Visiting South",
        "2013-01-28",
        lead="Alice Booth-Foster",
        reason="Healthy Child Programme (moved in)",
        closed="2013-07-05",
    )
    s.event(
        "2013-01-31",
        "csc",
        "conference",
        [*CHILDREN, ("q-mother", "present")],
        "Review child protection conference: plans continue",
        by=CP_CHAIR,
        detail="New social worker and health visitor; history summarised from the file.",
        significance="significant",
        outcome="cp_plan",
    )
    for day in ("2013-02-06", "2013-03-20", "2013-05-01"):
        s.event(
            day,
            "csc",
            "core_group",
            [*CHILDREN, ("q-mother", "present")],
            "Core group meeting",
            by=SECOND_WORKER,
        )
    s.event(
        "2013-03-12",
        "drug-alcohol",
        "missed_appointment",
        ["q-mother"],
        "Did not attend assessment appointment",
        by="Glenn Collins",
    )


def _incidents(s: Scenario) -> None:
    s.event(
        "2013-02-20",
        "schools",
        "injury_observed",
        ["q-half-brother", ("q-mother", "present")],
        "Bruise on the half-brother's cheek; mother says he fell off the sofa",
        by="Roy Hudson",
        reliability="self_reported",
        significance="significant",
    )
    s.event(
        "2013-04-09T23:20",
        "police",
        "allegation",
        [*CHILDREN, ("q-mother", "mentioned")],
        "Anonymous report: children left with teenagers while mother out drinking",
        by="PC Owen Holden",
        reliability="third_party",
        detail="Officers attended next day; mother at home; not enough evidence to take further.",
        significance="significant",
    )
    s.event(
        "2013-04-23",
        "health-visiting",
        "professionals_meeting_requested",
        ["q-child", "q-half-brother"],
        "Health visitor asked the social worker for a professionals' meeting without mother",
        by="Alice Booth-Foster",
        significance="significant",
    )
    s.event(
        "2013-05-01",
        "gp",
        "missed_appointment",
        ["q-mother"],
        "Did not attend depression review",
        by="Dr Hilary Lee",
    )


def _last_move_and_death(s: Scenario) -> None:
    s.event(
        "2013-06-24",
        "csc",
        "address_move",
        [*CHILDREN, ("q-mother", "subject")],
        "Family moved to Carrow End, Westmere: an isolated village across the boundary",
        by=SECOND_WORKER,
        significance="significant",
        outcome="moved_out_of_area",
    )
    s.event(
        "2013-07-25",
        "csc",
        "conference",
        [*CHILDREN, ("q-mother", "present")],
        "Review child protection conference: plans continue; transfer to Westmere to be arranged",
        by=CP_CHAIR,
        significance="significant",
        outcome="cp_plan",
    )
    s.event(
        "2013-07-24",
        "csc",
        "core_group",
        [*CHILDREN, ("q-mother", "present")],
        "Core group meeting",
        by=SECOND_WORKER,
    )
    s.event(
        "2013-08-14T18:32",
        "ambulance",
        "ambulance_call",
        ["q-child", ("q-mother", "present")],
        "999 call: baby found under the water in the bath",
        by="Paramedic Brian Carter-Black",
        significance="critical",
    )
    s.event(
        "2013-08-14T19:20",
        "hospital",
        "death",
        ["q-child"],
        "Died: drowning after being left unattended in the bath",
        by="Dr Raymond Gordon",
        significance="critical",
    )
