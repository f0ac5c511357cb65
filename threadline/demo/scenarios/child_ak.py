"""Child Ak (Northamptonshire SCB, 6-step briefing): a boy who died just after his second
birthday, in his father's care, three months after a strategy meeting recommended a single
assessment that never started."""

from __future__ import annotations

from threadline.demo.scenarios import meetings as m
from threadline.demo.scenarios.builder import PersonRef, Place, Scenario
from threadline.demo.scenarios.good_practice import day

HOME = Place("23 Thomson Village", "Northtown", "NT3 4HQ")
FATHER_FLAT = Place("Flat 6, 41 Sinclair Street", "Ashby Cross", "NT5 2RB")
HALF_BROTHER_HOME = Place("8 Rosemary Fords", "Hollowfield", "NT7 1LP")

SOCIAL_WORKER = "Holly Cooper"
EARLY_HELP_WORKER = "Kim Adams"
GP = "Dr Matthew Welch"
HEALTH_VISITOR = "Maria Barton"


def build() -> Scenario:
    s = Scenario(
        key="ak",
        file_name="child-ak.jsonl",
        title="Child Ak: strategy meeting recommended a single assessment that never started",
        review="000_1536295c29ff4cc2.txt",
        incident_date="2017-06-03",
        states=[
            "Child Ak died shortly after his second birthday in 2017 of a cardiac arrest, "
            "having sustained a significant non-accidental injury",
            "He had unsupervised contact with his father, who was known to be a risky adult",
            "There were concerns about mother's childhood experiences and their impact on her "
            "ability to parent while remaining a child in her own right",
            "He was in his father's care at the incident; after a 999 call an ambulance crew "
            "took him to hospital, where he died",
            "He had high levels of various drugs in his body and multiple unexplained injuries "
            "and bruises",
            "A strategy meeting about three months before his death recommended a single "
            "assessment, which did not take place before his death",
            "Father was well known to police; a specific police incident led to the strategy "
            "discussion; his chronic history of domestic abuse and extensive drug-related "
            "offences were not fully appreciated",
            "Formal involvement had been stepped down or decreased in the months before the "
            "last three months of his life",
            "Many people across the families Ak was part of were actively involved with "
            "statutory services",
            "Ak and his maternal family were discussed at multi-disciplinary safeguarding "
            "meetings at the GP practice; what was shared is not clear",
            "There was no effective management oversight or review of the strategy "
            "discussion's decision",
            "His voice was not heard and his day-to-day experience was not known",
            "Rec 10 asks that minutes of multi-agency meetings, especially MASH strategy "
            "discussion minutes, are shared with health agencies and the police",
            "Rec 4 asks that fathers or partners, including those who have contact, are "
            "included in all processes, especially meetings and plans",
        ],
        filled_in=[
            "All names except Ak, all addresses and all dates except the year of death and "
            "the three months between the strategy meeting and the death",
            "Mother's age (16 at Ak's birth), her own child in need plan as a child, and her "
            "mother (Ak's grandmother) sharing the household",
            "The pre-birth assessment, the child in need plan (2015-2016) and its step-down "
            "to early help, closed in January 2017 when the family did not engage",
            "The police incident being domestic abuse between the parents during contact",
            "The DASH risk grade recorded with each police domestic abuse incident",
            "Father's offences and their dates",
            "Father's older son in another household on a child protection plan, with "
            "father's contact there to be supervised (Recommendations 4 and 5 describe such "
            "arrangements; the review does not say this one existed)",
            "The dates of the GP practice safeguarding meetings",
            "The agencies are the synthetic borough's (the review is Northamptonshire's)",
            "The children's social care involvement opened after the police incident stays "
            "open, so the allocated worker can see the record",
            "The child in need plan's wording and outcomes; its four reviews booked with the "
            "GP and health visitor invited (the GP sending apologies), their minutes sent to "
            "both and confirmed; mother at each review, father never invited (after Rec 4)",
            "The strategy discussion's attendance (police and MASH health) and the chair's one "
            "action, to start the single assessment, never done (finding 1); its minutes never "
            "sent to health or the police (after Rec 10)",
            "The practice safeguarding meetings' bookings, with the health visitor invited, "
            "and their notes kept only in the practice record (finding 6)",
            "The half-brother's conference booked with the police invited and there, its "
            "minutes sent to them and confirmed",
        ],
        children=["ak-child"],
    )
    s.agencies("csc", "police", "gp", "midwifery", "health-visiting", "hospital", "ambulance")
    _people(s)
    _relationships(s)
    _pregnancy_and_early_years(s)
    _fathers_history(s)
    _last_three_months(s)
    _gp_safeguarding_meetings(s)
    # What the checks must have raised before the harm, finding by finding.
    s.expect(
        "DEC-1",
        "ak-child",
        "2017-06-02",
        "finding 1: the single assessment the strategy meeting recommended never took place",
    )
    s.expect(
        "DEC-2",
        "ak-child",
        "2017-06-02",
        "no effective management oversight or review of the strategy discussion's decision",
    )
    s.expect(
        "NET-1",
        "ak-child",
        "2017-06-02",
        "finding 4: father's chronic history of domestic abuse and drug offences not appreciated",
    )
    s.expect(
        "NET-5",
        "ak-child",
        "2017-06-02",
        "Rec 4: restrictions on contact with a parent's other children",
    )
    s.expect(
        "NET-6",
        "ak-mother",
        "2017-06-02",
        "young people who are also parents must be considered in their own right (Rec 2)",
    )
    s.expect(
        "NET-7",
        "ak-child",
        "2017-06-02",
        "finding 5: interconnected families known to many services (Rec 5)",
    )
    s.expect(
        "SHR-12",
        "ak-child",
        "2017-06-02",
        "finding 6: not clear what was shared from the GP practice safeguarding meetings",
    )
    s.expect(
        "SHR-3",
        "ak-child",
        "2017-06-02",
        "Rec 10: MASH strategy discussion minutes shared with health and police",
    )
    s.expect(
        "PLN-4",
        "ak-child",
        "2017-06-02",
        "Rec 6: poor engagement should heighten concern, not prompt closure without risk appraisal",
    )
    return s


def _people(s: Scenario) -> None:
    child_nhs, mother_nhs = s.new_nhs_number(), s.new_nhs_number()
    father_nhs, grandmother_nhs = s.new_nhs_number(), s.new_nhs_number()
    home = [HOME.address("2013-04-01")]
    s.person(
        "ak-child",
        "Ak",
        "Weston",
        at=("csc", "gp", "midwifery", "health-visiting", "hospital", "ambulance", "police"),
        sex="male",
        born="2015-05-20",
        due="2015-05-24",
        died="2017-06-03",
        nhs=child_nhs,
        addresses=home,
        known_as="Child Ak",
    )
    s.person(
        "ak-mother",
        "Ak's mother",
        "Weston",
        at=("csc", "gp", "midwifery", "health-visiting", "police"),
        sex="female",
        born="1999-02-11",
        nhs=mother_nhs,
        addresses=home,
    )
    s.person(
        "ak-grandmother",
        "Ak's grandmother",
        "Weston",
        at=("csc", "gp", "health-visiting"),
        sex="female",
        born="1978-07-22",
        nhs=grandmother_nhs,
        addresses=home,
    )
    s.person(
        "ak-father",
        "Ak's father",
        "Harding",
        at=("csc", "police", "gp", "ambulance"),
        sex="male",
        born="1990-09-03",
        nhs=father_nhs,
        addresses=[FATHER_FLAT.address("2014-06-01")],
    )
    s.person(
        "ak-half-brother",
        "Ak's half-brother",
        "Coleman",
        at=("csc", "police"),
        sex="male",
        born="2011-04-15",
        nhs=s.new_nhs_number(),
        addresses=[HALF_BROTHER_HOME.address("2011-04-15")],
    )
    s.person(
        "ak-fathers-ex",
        "Father's former partner",
        "Coleman",
        at=("csc", "police"),
        sex="female",
        born="1991-12-01",
        nhs=s.new_nhs_number(),
        addresses=[HALF_BROTHER_HOME.address("2010-09-01")],
    )


def _relationships(s: Scenario) -> None:
    s.relationship("csc", "ak-mother", "ak-child", "parent", pr=True, since="2015-05-20")
    s.relationship("csc", "ak-father", "ak-child", "parent", pr=True, since="2015-05-20")
    s.relationship("csc", "ak-father", "ak-mother", "former_partner", since="2014-03-01")
    s.relationship("csc", "ak-grandmother", "ak-mother", "parent", pr=True, since="1999-02-11")
    s.relationship("csc", "ak-grandmother", "ak-child", "grandparent", since="2015-05-20")
    s.relationship("csc", "ak-father", "ak-half-brother", "parent", pr=True, since="2011-04-15")
    s.relationship("csc", "ak-fathers-ex", "ak-half-brother", "parent", pr=True, since="2011-04-15")
    s.relationship(
        "csc",
        "ak-father",
        "ak-fathers-ex",
        "former_partner",
        since="2009-06-01",
        until="2014-01-31",
    )
    s.relationship("csc", "ak-half-brother", "ak-child", "half_sibling", since="2015-05-20")
    s.relationship("police", "ak-father", "ak-fathers-ex", "former_partner", since="2009-06-01")
    s.relationship("police", "ak-father", "ak-mother", "partner", since="2014-03-01")


def _pregnancy_and_early_years(s: Scenario) -> None:
    s.episode(
        "ak-mother",
        "cin",
        "2012-03-05",
        "2013-09-20",
        reason="Neglect in her mother's care; not attending school",
        referral_source="2A",
        primary_need="N1",
        closure_reason="RC7",
        factors=["16A", "1B"],
    )
    s.involvement(
        "gp",
        "ak-child",
        "Riverside Medical Centre",
        "2015-05-29",
        lead=GP,
        reason="Registered patient",
        closed="2017-06-03",
    )
    s.involvement(
        "gp",
        "ak-mother",
        "Riverside Medical Centre",
        "2013-04-10",
        lead=GP,
        reason="Registered patient",
    )
    s.involvement(
        "midwifery",
        "ak-mother",
        "Vulnerable Women Midwifery Team",
        "2014-10-16",
        lead="Caroline Shah-Craig",
        reason="Antenatal care: mother aged 15",
        closed="2015-06-17",
    )
    s.event(
        "2014-10-16",
        "midwifery",
        "pregnancy_booked",
        ["ak-mother"],
        "Pregnancy booked; mother is 15",
        by="Caroline Shah-Craig",
    )
    s.event(
        "2014-10-20",
        "csc",
        "contact",
        ["ak-child", ("ak-mother", "mentioned")],
        "Midwife's referral: 15-year-old expecting her first baby",
        by="Georgina Noble",
        significance="significant",
    )
    s.involvement(
        "csc",
        "ak-child",
        "Assessment Team North",
        "2014-10-20",
        lead="Georgina Noble",
        reason="Pre-birth assessment: young mother",
        closed="2015-02-10",
    )
    s.event(
        "2014-10-23",
        "csc",
        "assessment_started",
        ["ak-child"],
        "Pre-birth assessment started",
        by="Georgina Noble",
        outcome="pre_birth",
    )
    s.event(
        "2015-02-10",
        "csc",
        "assessment_completed",
        ["ak-child"],
        "Pre-birth assessment completed: child in need plan",
        by="Georgina Noble",
        detail="Mother to live with her own mother. Father 'not involved'.",
        significance="significant",
    )
    s.involvement(
        "csc",
        "ak-child",
        "Child in Need Team North",
        "2015-02-10",
        lead="Graham Richardson",
        reason="Child in need: young mother",
        closed="2016-09-14",
    )
    cin = s.episode(
        "ak-child",
        "cin",
        "2015-02-10",
        "2016-09-14",
        reason="Young mother with her own history of neglect",
        referral_source="3D",
        primary_need="N5",
        closure_reason="RC7",
        end_reason="Stepped down to early help",
        factors=["16A"],
    )
    s.event(
        "2015-05-20",
        "midwifery",
        "birth",
        ["ak-child", ("ak-mother", "present")],
        "Born at Northshire General Hospital",
        by="Caroline Shah-Craig",
    )
    s.involvement(
        "health-visiting",
        "ak-child",
        "Health Visiting North",
        "2015-05-20",
        lead=HEALTH_VISITOR,
        reason="Healthy Child Programme",
        closed="2017-06-03",
    )
    s.event(
        "2015-06-01",
        "health-visiting",
        "home_visit",
        ["ak-child", ("ak-mother", "present"), ("ak-grandmother", "present")],
        "New birth visit at grandmother's home",
        by=HEALTH_VISITOR,
    )
    _child_in_need_plan(s, cin)
    s.event(
        "2016-06-08",
        "health-visiting",
        "appointment_attended",
        ["ak-child", ("ak-mother", "present")],
        "One year review",
        by=HEALTH_VISITOR,
    )
    s.event(
        "2016-03-05",
        "csc",
        "contact_session",
        ["ak-child", ("ak-father", "present")],
        "Ak spends weekends with his father, unsupervised (mother's account)",
        by="Graham Richardson",
        reliability="self_reported",
        outcome="unsupervised",
    )
    s.event(
        "2016-09-14",
        "csc",
        "plan_ended",
        ["ak-child"],
        "Child in need plan ended: stepped down to early help",
        by="Graham Richardson",
        significance="significant",
    )
    s.event(
        "2016-09-14",
        "csc",
        "decision",
        ["ak-child", ("ak-mother", "mentioned")],
        "Decision: step down from child in need to early help",
        by="Graham Richardson",
        outcome="step_down",
    )
    s.involvement(
        "csc",
        "ak-child",
        "Early Help North",
        "2016-09-14",
        lead=EARLY_HELP_WORKER,
        reason="Early help after child in need",
        closed="2017-01-20",
    )
    s.episode(
        "ak-child",
        "early_help",
        "2016-09-14",
        "2017-01-20",
        reason="Support for a young mother",
        end_reason="Closed: the family did not engage",
    )
    for visit in ("2016-10-25", "2016-11-22", "2016-12-13"):
        s.event(
            visit,
            "csc",
            "child_not_seen",
            ["ak-child", ("ak-mother", "mentioned")],
            "Early help visit: no one at home",
            by=EARLY_HELP_WORKER,
        )
    s.event(
        "2017-01-20",
        "csc",
        "plan_ended",
        ["ak-child"],
        "Early help closed: mother not engaging",
        by=EARLY_HELP_WORKER,
        significance="significant",
    )
    s.event(
        "2017-01-20",
        "csc",
        "decision",
        ["ak-child", ("ak-mother", "mentioned")],
        "Decision: close early help; mother not engaging",
        by=EARLY_HELP_WORKER,
        outcome="closure",
    )


REFERRAL = (
    "Midwife's referral: a 15-year-old expecting her first baby, with her own history of neglect"
)
# The child in need reviews: the date held, and what the record says of each.
CIN_REVIEWS = (
    ("2015-08-12", "Child in need review"),
    ("2015-11-18", "Child in need review"),
    ("2016-03-02", "Child in need review: father now having weekend contact, unsupervised"),
    ("2016-07-13", "Child in need review: plan to step down to early help"),
)


def _child_in_need_plan(s: Scenario, cin: str) -> None:
    """The plan and its reviews as an ordinary record (the review is silent on them): the GP
    and health visitor invited and sent the minutes, mother at each review; father never invited
    to a meeting or named in the plan (Rec 4), and no plan of her own for mother (Rec 2).

    Mother is recorded at each review, not on its booking: she is a child herself, and SHR-4
    would read a booking naming her as a meeting about her and ask for her own GP's invitation."""
    m.plan_started(
        s,
        "2015-02-10",
        ["ak-child"],
        "Child in need plan written: support for a young mother and her baby",
        reason=REFERRAL,
        addresses="the baby's care by a mother who is 15, living with her own mother. "
        "Father 'not involved'.",
        by="Graham Richardson",
        review_by="2015-08-12",
    )
    for risk, change, by, consequence in (
        (
            "A mother of 15, with her own history of neglect, caring for a newborn",
            "Mother meets the baby's needs with her mother's support; health visiting "
            "appointments kept",
            "2015-08-10",
            "A strategy discussion if the baby's needs are not met",
        ),
        (
            "Mother out of education and isolated",
            "Mother back in education, with childcare from her mother",
            "2015-11-18",
            "The child in need review revisits the support around mother and baby",
        ),
    ):
        s.plan_outcome(
            cin,
            "2015-02-10",
            risk=risk,
            change_wanted=change,
            achieve_by=by,
            consequence=consequence,
        )
    children = ["ak-child"]
    for held, text in CIN_REVIEWS:
        booking = m.book(
            s,
            day(held, -10),
            held,
            "Child in need review",
            children,
            reason=REFERRAL,
            invite=("gp", "health-visiting"),
            kind="cin_plan",
            by="Graham Richardson",
        )
        m.apologies(s, day(held, -2), "gp", children, booking, "Child in need review", by=GP)
        review = s.event(
            held,
            "csc",
            "cin_review",
            ["ak-child", ("ak-mother", "present")],
            text,
            by="Graham Richardson",
            detail=f"Original reason for referral: {REFERRAL}\nAttended: mother, her mother, "
            "the health visitor. Apologies: the GP.",
        )
        copies = m.circulate(
            s,
            day(held, 3),
            review,
            children,
            ("gp", "health-visiting"),
            "Child in need review",
            by="Graham Richardson",
        )
        m.received(
            s,
            day(held, 4),
            "health-visiting",
            children,
            copies["health-visiting"],
            "Child in need review",
            by=HEALTH_VISITOR,
        )
        m.received(s, day(held, 5), "gp", children, copies["gp"], "Child in need review", by=GP)
        if held == "2016-07-13":
            (handover,) = m.actions(
                s,
                held,
                review,
                children,
                [("csc", "Hand the family over to Early Help North", "2016-09-14")],
                by="Graham Richardson",
            )
            m.completed(
                s,
                "2016-09-14",
                "csc",
                children,
                handover,
                "Family handed over to Early Help North",
                by="Graham Richardson",
            )


def _fathers_history(s: Scenario) -> None:
    s.event(
        "2009",
        "police",
        "domestic_abuse_incident",
        [("ak-fathers-ex", "victim"), ("ak-father", "alleged_perpetrator")],
        "Assault on his then partner",
        significance="significant",
        outcome="standard_risk",
    )
    s.event(
        "2011",
        "police",
        "charge_or_conviction",
        ["ak-father"],
        "Convicted: possession of a class A drug with intent to supply",
        significance="significant",
    )
    s.event(
        "2013-08-17",
        "police",
        "domestic_abuse_incident",
        [
            ("ak-fathers-ex", "victim"),
            ("ak-father", "alleged_perpetrator"),
            ("ak-half-brother", "present"),
        ],
        "Domestic abuse: former partner assaulted, her son present",
        significance="significant",
        outcome="medium_risk",
    )
    s.event(
        "2014",
        "police",
        "charge_or_conviction",
        ["ak-father"],
        "Convicted: possession of cocaine and cannabis",
        significance="significant",
    )
    s.involvement(
        "csc",
        "ak-half-brother",
        "Child Protection Team South",
        "2016-02-22",
        lead="Jade Carter",
        reason="Domestic abuse by his father",
    )
    s.episode(
        "ak-half-brother",
        "cp",
        "2016-03-10",
        reason="Domestic abuse by his father",
        referral_source="6",
        primary_need="N1",
        category_of_abuse="EMO",
        factors=["3B", "2C"],
    )
    # His conference as an ordinary record (filled in): booked, the police invited and there,
    # minutes sent and confirmed. Father is not invited (Rec 4).
    brother = ["ak-half-brother"]
    booking = m.book(
        s,
        "2016-02-25",
        "2016-03-10",
        "Initial child protection conference",
        brother,
        reason="Domestic abuse by his father",
        invite=("police",),
        family=("ak-fathers-ex",),
        kind="icpc",
        by="Jade Carter",
    )
    icpc = s.event(
        "2016-03-10",
        "csc",
        "conference",
        ["ak-half-brother", ("ak-father", "mentioned")],
        "Initial child protection conference: plan agreed; written agreement that "
        "father's contact with his son is supervised only",
        by="Maureen Pugh",
        detail="Original reason for referral: domestic abuse by his father. Attended: his "
        "mother, the police.",
        significance="critical",
        outcome="cp_plan",
    )
    s.event(
        "2016-03-10",
        "police",
        "conference",
        brother,
        "Initial child protection conference attended: child protection plan",
        by="DS Gavin Hall",
        outcome="icpc",
        refers_to={"agency": "csc", "id": booking},
    )
    copies = m.circulate(
        s, "2016-03-17", icpc, brother, ("police",), "Initial child protection conference"
    )
    m.received(
        s,
        "2016-03-18",
        "police",
        brother,
        copies["police"],
        "Initial child protection conference",
        by="DS Gavin Hall",
    )
    s.event(
        "2016-03-10",
        "csc",
        "contact_restriction",
        ["ak-half-brother", ("ak-father", "monitored")],
        "Father's contact with his son to be supervised",
        by="Jade Carter",
        outcome="supervised_contact_only",
        significance="significant",
    )
    s.event(
        "2016-08-30",
        "police",
        "arrest",
        ["ak-father"],
        "Arrested for possession with intent to supply; released under investigation",
        significance="significant",
    )


def _last_three_months(s: Scenario) -> None:
    s.event(
        "2017-03-04T21:40",
        "police",
        "domestic_abuse_incident",
        [("ak-mother", "victim"), ("ak-father", "alleged_perpetrator"), ("ak-child", "present")],
        "Domestic abuse at father's flat during contact; Ak present",
        by="PC Liam Hill",
        detail="Mother said father hit her during an argument about drugs in the flat. "
        "DASH: medium risk. Officers did not record anything about Ak.",
        significance="significant",
        outcome="medium_risk",
    )
    s.involvement(
        "police",
        "ak-mother",
        "Public Protection Unit",
        "2017-03-04",
        lead="DS Gavin Hall",
        reason="Domestic abuse: medium risk",
    )
    s.event(
        "2017-03-05",
        "police",
        "information_shared",
        ["ak-child"],
        "Notification to MASH: domestic abuse incident, child present",
        by="DS Gavin Hall",
        counterpart="csc",
    )
    s.involvement(
        "csc",
        "ak-child",
        "MASH",
        "2017-03-05",
        lead="Hannah Chapman",
        reason="Police notification: domestic abuse during contact",
        closed="2017-03-07",
    )
    s.event(
        "2017-03-05",
        "csc",
        "contact",
        ["ak-child", ("ak-mother", "mentioned"), ("ak-father", "mentioned")],
        "Police notification: domestic abuse at father's flat during contact",
        by="Hannah Chapman",
        significance="significant",
    )
    strategy = s.event(
        "2017-03-07",
        "csc",
        "strategy_discussion",
        ["ak-child", ("ak-mother", "mentioned"), ("ak-father", "mentioned")],
        "Strategy discussion: single assessment recommended",
        by="Hannah Chapman",
        detail="Original reason for referral: police notification of domestic abuse at "
        "father's flat during contact, Ak present.\nAttended: MASH social worker, MASH "
        "police desk, MASH health.\nDecision: single assessment, no section 47 enquiry. "
        "Father's contact to continue.",
        significance="critical",
        outcome="single_assessment",
    )
    # The chair's one action; it was never done (finding 1). The minutes were never sent to
    # health or the police (Rec 10), so nothing records them going out.
    m.actions(
        s,
        "2017-03-07",
        strategy,
        ["ak-child"],
        [("csc", "Start a single assessment (Assessment Team North)", "2017-03-08")],
        by="Hannah Chapman",
    )
    s.event(
        "2017-03-07",
        "police",
        "strategy_discussion",
        ["ak-child"],
        "Strategy discussion: children's social care to carry out a single assessment",
        by="DS Gavin Hall",
        significance="significant",
        outcome="single_assessment",
    )
    s.involvement(
        "csc",
        "ak-child",
        "Assessment Team North",
        "2017-03-07",
        lead=SOCIAL_WORKER,
        reason="Domestic abuse at father's during contact; single assessment",
    )
    s.event(
        "2017-06-03T14:12",
        "ambulance",
        "ambulance_call",
        ["ak-child", ("ak-father", "present")],
        "999 call from father: child not breathing; conveyed to hospital",
        by="Paramedic Brian Carter-Black",
        significance="critical",
    )
    s.event(
        "2017-06-03T14:41",
        "hospital",
        "emergency_attendance",
        ["ak-child"],
        "Brought in by ambulance in cardiac arrest",
        by="Dr Raymond Gordon",
        significance="critical",
    )
    s.event(
        "2017-06-03T15:30",
        "hospital",
        "injury_observed",
        ["ak-child"],
        "Multiple unexplained injuries and bruises",
        by="Dr Raymond Gordon",
        significance="critical",
    )
    s.event(
        "2017-06-03T16:05",
        "hospital",
        "death",
        ["ak-child"],
        "Died: cardiac arrest after "
        "a significant non-accidental injury; high levels of various drugs found",
        by="Dr Raymond Gordon",
        significance="critical",
    )


def _gp_safeguarding_meetings(s: Scenario) -> None:
    """The practice's own multi-disciplinary meetings (finding 6): booked by the practice, the
    health visitor invited, the discussion kept in the practice's record. Nothing shows what was
    shared afterwards, or with whom, and the family were not told of them."""
    meetings: tuple[tuple[str, list[PersonRef], str, bool], ...] = (
        (
            "2016-03-16",
            ["ak-child", ("ak-mother", "mentioned"), ("ak-grandmother", "mentioned")],
            "Practice safeguarding meeting discussed Ak and his maternal family",
            False,
        ),
        (
            "2016-10-19",
            ["ak-child", ("ak-mother", "mentioned")],
            "Practice safeguarding meeting discussed Ak",
            True,
        ),
        (
            "2017-04-12",
            ["ak-child", ("ak-mother", "mentioned"), ("ak-grandmother", "mentioned")],
            "Practice safeguarding meeting discussed Ak and his maternal family",
            False,
        ),
    )
    for held, people, text, sorry in meetings:
        booking = m.book(
            s,
            day(held, -10),
            held,
            "Practice safeguarding meeting",
            ["ak-child"],
            reason="Vulnerable families on the practice's safeguarding register",
            invite=("health-visiting",),
            by=GP,
            code="gp",
        )
        if sorry:
            m.apologies(
                s,
                day(held, -1),
                "health-visiting",
                ["ak-child"],
                booking,
                "Practice safeguarding meeting",
                by=HEALTH_VISITOR,
                convener="gp",
            )
        s.event(
            held,
            "gp",
            "gp_safeguarding_meeting",
            people,
            text,
            by=GP,
            detail="Attended: the GP safeguarding lead, the practice nurse"
            + ("." if sorry else ", the health visitor.")
            + " Notes kept in the practice record; no note of what was shared, or with whom.",
            significance="significant" if held != "2016-10-19" else "routine",
        )
