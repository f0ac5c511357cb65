"""Child E, "Steven" (Kirklees SCP, executive summary, 2019): a four-month-old who died of a
suspected overlay six weeks after his child in need plan ended."""

from __future__ import annotations

from threadline.demo.scenarios import meetings as m
from threadline.demo.scenarios.builder import Place, Scenario
from threadline.demo.scenarios.good_practice import day

FAMILY_HOME = Place("14 Heather Walks", "Millbrook Vale", "NT4 6DS")
MARK_FLAT = Place("Flat 3, 77 Tracey Radial", "Northtown", "NT1 9GW")
OLDER_CHILDREN_HOME = Place("5 Bethany Ferry", "Stanmoor", "NT8 3JA")

SOCIAL_WORKER = "Georgina Noble"
MIDWIFE = "Jay Oliver"
HEALTH_VISITOR = "Alice Booth-Foster"
MENTAL_HEALTH = "Justin Khan"
REFERRAL = (
    "Midwife's referral: unborn baby; mother's older children live with their father and are "
    "subject to a CAFCASS assessment"
)
CIN_REVIEW = "Child in need review"


def build() -> Scenario:
    s = Scenario(
        key="e",
        file_name="child-e.jsonl",
        title="Child E (Steven): safe sleep advice given four times; parents' alcohol and "
        "mental health; CIN plan closed six weeks before his death",
        review="001_d0679ac9dec58ce9.txt",
        incident_date="2018-08-23",
        states=[
            "Steven, a 4-month-old baby, died on 23 August 2018; the death was suspected to "
            "be an overlay; the pathologist determined it unascertained",
            "KSCB was informed on 30 August 2018",
            "A historic bruise on Steven's chest was noted, possibly innocuous or possibly "
            "indicating a broken rib",
            "Steven was subject to a pre-birth assessment because Joanne's previous children "
            "had been removed and were in the care of their father",
            "Both parents, Joanne and Mark, had mental health difficulties and concerns about "
            "alcohol misuse",
            "The pre-birth assessment concluded the family should be supported on a child in "
            "need plan, which ended on 9 July 2018",
            "On news that Joanne's older children were subject to a CAFCASS assessment the "
            "midwife referred at once to children's social care",
            "Safe sleep advice was given on 4 occasions by 2 agencies",
            "Midwifery and health visiting made routine enquiries about domestic abuse",
            "Police responded swiftly to domestic abuse incidents and Mark's mental health "
            "crises; domestic abuse incidents were referred to MARAC",
            "The adult mental health trust (SWYPFT) gave considerable intervention to both "
            "parents; for adult-facing services child safeguarding did not feature, and case "
            "openings and closings were not flagged to children's social care",
            "The risk of mother's return to problematic alcohol use was not understood, "
            "assessed or managed",
            "The social worker recorded a clear rationale for closing the child in need case, "
            "sought her manager's guidance, and gave detailed advice about safe supervised "
            "contact",
            "Agencies: children's social care, police, hospital trust, 2 GP practices, "
            "community health (Locala), SWYPFT, CAFCASS, CHART",
            "Victims of domestic abuse are given the responsibility of keeping their children "
            "safe from the perpetrators without an assessment of their capacity to do so; "
            "perpetrators are not directly worked with (finding 1)",
            "Question 6 asks whether the closure of a child in need case should be done in the "
            "context of a multi-agency discussion",
        ],
        filled_in=[
            "Surnames, addresses and all dates except Steven's death (23 August 2018), the "
            "notification (30 August 2018) and the end of the CIN plan (9 July 2018)",
            "Steven's date of birth (19 April 2018), from his age of 4 months",
            "Joanne's older children: two, living with their father; the CAFCASS assessment "
            "being in private law proceedings",
            "The dates and details of the domestic abuse incidents, MARAC meetings and Mark's "
            "mental health crises",
            "The four safe sleep conversations: midwife antenatal and postnatal, health "
            "visitor at the new birth visit and at 6 to 8 weeks",
            "The parents separating after the May 2018 incident, with Mark's contact to be "
            "supervised",
            "Joanne's earlier alcohol treatment, and the health visitor's note in August 2018 "
            "of her drinking again (the review says only that relapse risk was not assessed)",
            "CHART is taken to be the drug and alcohol service; the midwife is placed in the "
            "maternity service",
            "The children's social care involvement opened on notification of the death, so "
            "the allocated worker can see the record",
            "The agencies are the synthetic borough's (the review is Kirklees')",
            "The child in need plan's outcomes: the parents' mental health, Joanne keeping the "
            "baby from Mark (after finding 1), the birth plan; none about safe sleep or a return "
            "to drinking (after findings 5 and 6)",
            "The child in need reviews booked with Joanne invited and Mark not; the midwife, "
            "then the health visitor, invited and sent the minutes; Joanne's perinatal mental "
            "health team invited and sending apologies (after finding 4)",
            "The midwife's action to tell the social worker when Joanne was admitted in labour, "
            "done",
            "The written agreement at the May review that Mark's contact is supervised, with "
            "Joanne as its monitor (after finding 1)",
            "No meeting of the agencies before the closure (after question 6)",
        ],
        children=["e-steven"],
    )
    s.agencies(
        "csc",
        "police",
        "gp",
        "midwifery",
        "health-visiting",
        "hospital",
        "ambulance",
        "mental-health",
        "drug-alcohol",
        "cafcass",
    )
    _people(s)
    _older_children(s)
    _pregnancy_and_pre_birth_assessment(s)
    _parents(s)
    _child_in_need_plan(s)
    _after_closure(s)
    # What the checks must have raised before the harm, finding by finding.
    s.expect(
        "SHR-8",
        "e-steven",
        "2018-08-22",
        "finding 4 and question 10: adult services' openings and closings not flagged to CSC",
    )
    s.expect(
        "PLN-6",
        "e-steven",
        "2018-08-22",
        "finding 3: re-referral circumstances not specified to agencies still in contact",
    )
    s.expect(
        "RSK-6", "e-steven", "2018-08-22", "finding 5: safe sleep advice alone was not effective"
    )
    s.expect(
        "RSK-4",
        "e-steven",
        "2018-08-22",
        "finding 6: the risk of a return to problematic alcohol use not assessed",
    )
    s.expect(
        "SHR-1",
        "e-steven",
        "2018-08-22",
        "finding 3: the end of the CIN plan and support afterwards not co-ordinated",
    )
    s.expect(
        "RSK-1",
        "e-steven",
        "2018-08-22",
        "domestic abuse, mental health and alcohol accumulating (finding 1)",
    )
    return s


def _people(s: Scenario) -> None:
    steven, joanne, mark = s.new_nhs_number(), s.new_nhs_number(), s.new_nhs_number()
    home = [FAMILY_HOME.address("2017-05-01")]
    mark_homes = [FAMILY_HOME.address("2017-05-01", "2018-05-27"), MARK_FLAT.address("2018-05-28")]
    s.person(
        "e-steven",
        "Steven",
        "Gardner",
        at=("csc", "gp", "midwifery", "health-visiting", "hospital", "ambulance", "police"),
        sex="male",
        born="2018-04-19",
        due="2018-04-25",
        died="2018-08-23",
        nhs=steven,
        addresses=[FAMILY_HOME.address("2018-04-21")],
    )
    s.person(
        "e-joanne",
        "Joanne",
        "Thomson",
        at=(
            "csc",
            "gp",
            "midwifery",
            "health-visiting",
            "mental-health",
            "drug-alcohol",
            "police",
            "cafcass",
            "ambulance",
        ),
        sex="female",
        born="1990-06-14",
        nhs=joanne,
        addresses=home,
    )
    s.person(
        "e-mark",
        "Mark",
        "Gardner",
        at=("csc", "gp", "mental-health", "police"),
        sex="male",
        born="1987-11-02",
        nhs=mark,
        addresses=mark_homes,
    )
    older = [OLDER_CHILDREN_HOME.address("2016-02-01")]
    s.person(
        "e-half-brother",
        "Steven's half-brother",
        "Butler",
        at=("csc", "cafcass"),
        sex="male",
        born="2009-08-30",
        nhs=s.new_nhs_number(),
        addresses=older,
    )
    s.person(
        "e-half-sister",
        "Steven's half-sister",
        "Butler",
        at=("csc", "cafcass"),
        sex="female",
        born="2012-03-15",
        nhs=s.new_nhs_number(),
        addresses=older,
    )
    s.person(
        "e-older-father",
        "Older children's father",
        "Butler",
        at=("csc", "cafcass"),
        sex="male",
        born="1986-01-25",
        nhs=s.new_nhs_number(),
        addresses=older,
    )
    for person, relative, kind, pr, since in (
        ("e-joanne", "e-steven", "parent", True, "2018-04-19"),
        ("e-mark", "e-steven", "parent", True, "2018-04-19"),
        ("e-joanne", "e-mark", "partner", False, "2017-03-01"),
        ("e-joanne", "e-half-brother", "parent", True, "2009-08-30"),
        ("e-joanne", "e-half-sister", "parent", True, "2012-03-15"),
        ("e-older-father", "e-half-brother", "parent", True, "2009-08-30"),
        ("e-older-father", "e-half-sister", "parent", True, "2012-03-15"),
        ("e-older-father", "e-joanne", "former_partner", False, "2008-01-01"),
        ("e-half-brother", "e-steven", "half_sibling", False, "2018-04-19"),
        ("e-half-sister", "e-steven", "half_sibling", False, "2018-04-19"),
    ):
        s.relationship("csc", person, relative, kind, pr=pr, since=since)
    s.relationship("csc", "e-joanne", "e-mark", "former_partner", since="2018-05-27")


def _older_children(s: Scenario) -> None:
    s.event(
        "2016-01",
        "csc",
        "court",
        ["e-half-brother", "e-half-sister", ("e-joanne", "mentioned")],
        "Children moved to live with their father; mother's alcohol misuse and neglect",
        significance="critical",
    )
    for child in ("e-half-brother", "e-half-sister"):
        s.involvement(
            "cafcass",
            child,
            "Private Law Team",
            "2017-09-04",
            lead="Roger Bennett",
            reason="Child arrangements: mother's application for contact",
            closed="2018-03-30",
        )
    s.event(
        "2017-10-30",
        "cafcass",
        "information_shared",
        ["e-half-brother", "e-half-sister", ("e-joanne", "mentioned")],
        "Safeguarding letter: mother is pregnant; midwife informed of the assessment",
        by="Roger Bennett",
        counterpart="midwifery",
    )


def _pregnancy_and_pre_birth_assessment(s: Scenario) -> None:
    s.involvement(
        "midwifery",
        "e-joanne",
        "Vulnerable Women Midwifery Team",
        "2017-10-12",
        lead=MIDWIFE,
        reason="Antenatal and postnatal care",
        closed="2018-05-17",
    )
    s.event(
        "2017-10-12", "midwifery", "pregnancy_booked", ["e-joanne"], "Pregnancy booked", by=MIDWIFE
    )
    s.event(
        "2017-10-12",
        "midwifery",
        "advice_given",
        ["e-joanne"],
        "Routine enquiry about domestic abuse: no disclosure",
        by=MIDWIFE,
    )
    s.event(
        "2017-11-02",
        "midwifery",
        "referral",
        ["e-steven", ("e-joanne", "mentioned")],
        "Referral to children's social care the day the CAFCASS information arrived",
        by=MIDWIFE,
        significance="significant",
        counterpart="csc",
    )
    s.involvement(
        "csc",
        "e-steven",
        "Assessment Team South",
        "2017-11-02",
        lead=SOCIAL_WORKER,
        reason="Pre-birth: mother's older children removed",
        closed="2018-01-12",
    )
    s.event(
        "2017-11-02",
        "csc",
        "contact",
        ["e-steven", ("e-joanne", "mentioned")],
        "Midwife's referral: unborn baby; mother's older children live with their father",
        by=SOCIAL_WORKER,
        significance="significant",
    )
    s.event(
        "2017-11-06",
        "csc",
        "assessment_started",
        ["e-steven"],
        "Pre-birth assessment started",
        by=SOCIAL_WORKER,
        outcome="pre_birth",
    )
    s.event(
        "2018-01-05",
        "csc",
        "assessment_completed",
        ["e-steven", ("e-joanne", "mentioned"), ("e-mark", "mentioned")],
        "Pre-birth assessment completed: child in need plan and birth plan",
        by=SOCIAL_WORKER,
        detail="Both parents have mental health "
        "difficulties and have misused alcohol. Birth plan agreed with the midwife.",
        significance="significant",
    )


def _parents(s: Scenario) -> None:
    s.involvement(
        "drug-alcohol",
        "e-joanne",
        "Adult Drug and Alcohol Service",
        "2015-11-20",
        lead="Glenn Collins",
        reason="Alcohol treatment",
        closed="2016-11-18",
    )
    s.event(
        "2016-11-18",
        "drug-alcohol",
        "service_closed",
        ["e-joanne"],
        "Completed alcohol treatment; abstinent",
        by="Glenn Collins",
        reliability="self_reported",
    )
    s.involvement(
        "mental-health",
        "e-joanne",
        "Perinatal Mental Health Team",
        "2017-12-04",
        lead=MENTAL_HEALTH,
        reason="Anxiety and depression in pregnancy",
        closed="2018-06-20",
    )
    s.event(
        "2017-12-04",
        "mental-health",
        "service_opened",
        ["e-joanne"],
        "Accepted by the perinatal mental health team",
        by=MENTAL_HEALTH,
    )
    s.involvement(
        "mental-health",
        "e-mark",
        "Community Mental Health Team",
        "2017-11-20",
        lead="Connor Smith",
        reason="Recurrent crises, alcohol use",
    )
    for moment, summary in (
        ("2017-11-18T23:05", "Mark detained under section 136 after threatening to harm himself"),
        ("2018-03-09T02:30", "Mark in crisis at home; police and crisis team attended"),
        ("2018-06-02T19:45", "Mark in crisis at his flat; taken to hospital by police"),
    ):
        s.event(
            moment,
            "police",
            "mental_health_crisis",
            ["e-mark"],
            summary,
            by="PC Owen Holden",
            significance="significant",
        )
    s.event(
        "2018-02-17T22:10",
        "police",
        "domestic_abuse_incident",
        [("e-joanne", "victim"), ("e-mark", "alleged_perpetrator"), ("e-steven", "mentioned")],
        "Domestic abuse: Mark pushed Joanne, who is 30 weeks pregnant",
        by="PC Owen Holden",
        detail="Both had been drinking. DASH: high risk. MARAC referral.",
        significance="significant",
        outcome="high_risk",
    )
    s.event(
        "2018-02-18",
        "police",
        "marac_referral",
        [("e-joanne", "victim"), ("e-mark", "alleged_perpetrator")],
        "Referred to MARAC: high risk",
        by="DS Gavin Hall",
    )
    s.event(
        "2018-02-18",
        "police",
        "information_shared",
        [("e-steven", "mentioned"), ("e-joanne", "victim")],
        "Domestic abuse notification: the victim is 30 weeks pregnant",
        by="DS Gavin Hall",
        counterpart="csc",
    )
    s.event(
        "2018-03-08",
        "police",
        "marac",
        [("e-joanne", "victim"), ("e-mark", "alleged_perpetrator")],
        "MARAC: case heard",
        by="DS Gavin Hall",
        significance="significant",
    )
    s.event(
        "2018-05-26T21:30",
        "police",
        "domestic_abuse_incident",
        [("e-joanne", "victim"), ("e-mark", "alleged_perpetrator"), ("e-steven", "present")],
        "Domestic abuse: Mark threw a mug at Joanne while she held the baby",
        by="PC Owen Holden",
        detail="DASH: high risk. Mark left; Joanne says the relationship is over.",
        significance="significant",
        outcome="high_risk",
    )
    s.event(
        "2018-05-27",
        "police",
        "marac_referral",
        [("e-joanne", "victim"), ("e-mark", "alleged_perpetrator")],
        "Referred to MARAC again: high risk",
        by="DS Gavin Hall",
    )
    for told in ("csc", "health-visiting"):
        s.event(
            "2018-05-27",
            "police",
            "information_shared",
            ["e-steven", ("e-joanne", "mentioned")],
            "Domestic abuse notification: baby present at last night's incident",
            by="DS Gavin Hall",
            counterpart=told,
        )
    s.event(
        "2018-06-14",
        "police",
        "marac",
        [("e-joanne", "victim"), ("e-mark", "alleged_perpetrator")],
        "MARAC: case heard again",
        by="DS Gavin Hall",
        significance="significant",
    )
    s.event(
        "2018-06-20",
        "mental-health",
        "service_closed",
        ["e-joanne"],
        "Discharged from perinatal mental health team to the GP",
        by=MENTAL_HEALTH,
    )


def _child_in_need_plan(s: Scenario) -> None:
    s.involvement(
        "csc",
        "e-steven",
        "Child in Need Team South",
        "2018-01-12",
        lead=SOCIAL_WORKER,
        reason="Child in need: parents' mental health and alcohol misuse",
        closed="2018-07-09",
    )
    plan = s.episode(
        "e-steven",
        "cin",
        "2018-01-12",
        "2018-07-09",
        reason="Pre-birth: mother's older "
        "children removed; parents' mental health and alcohol misuse",
        referral_source="3D",
        primary_need="N1",
        closure_reason="RC7",
        end_reason="Plan's aims met; rationale recorded with manager's guidance",
        factors=["1B", "3B", "4B"],
    )
    m.plan_started(
        s,
        "2018-01-12",
        ["e-steven"],
        "Child in need plan agreed (pre-birth)",
        reason=REFERRAL,
        addresses="both parents' mental health and alcohol misuse; the birth plan",
        by=SOCIAL_WORKER,
        review_by="2018-02-23",
    )
    # The plan as the review describes its gaps: it leaves mother to keep the baby safe from
    # Mark (finding 1), and says nothing about safe sleep or a return to drinking (findings 5
    # and 6).
    for risk, change, by, consequence in (
        (
            "Both parents' mental health difficulties",
            "Joanne working with the perinatal mental health team, Mark with his community "
            "mental health team",
            "2018-07-12",
            "A strategy discussion if either parent's mental health puts the baby at risk",
        ),
        (
            "Domestic abuse between the parents",
            "Joanne keeps the baby away from Mark when he has been drinking or is unwell",
            "2018-07-12",
            "The case is stepped up to a child protection conference",
        ),
        (
            "A baby born to parents whose older children were removed",
            "The birth plan followed: the ward tells the social worker when Joanne is admitted",
            "2018-04-25",
            "A strategy discussion on the ward",
        ),
    ):
        s.plan_outcome(
            plan,
            "2018-01-12",
            risk=risk,
            change_wanted=change,
            achieve_by=by,
            consequence=consequence,
        )
    s.event(
        "2018-03-28",
        "midwifery",
        "advice_given",
        ["e-joanne"],
        "Safe sleep advice at the 36-week appointment",
        by=MIDWIFE,
    )
    s.event(
        "2018-04-19",
        "midwifery",
        "birth",
        ["e-steven", ("e-joanne", "present")],
        "Born at Northshire General Hospital",
        by=MIDWIFE,
    )
    s.event(
        "2018-04-22",
        "midwifery",
        "advice_given",
        ["e-joanne", "e-steven"],
        "Postnatal visit: safe sleep advice",
        by=MIDWIFE,
    )
    s.involvement(
        "health-visiting",
        "e-steven",
        "Health Visiting South",
        "2018-04-19",
        lead=HEALTH_VISITOR,
        reason="Healthy Child Programme",
        closed="2018-08-23",
    )
    s.event(
        "2018-05-02",
        "health-visiting",
        "home_visit",
        ["e-steven", ("e-joanne", "present")],
        "New birth visit: safe sleep advice; routine enquiry about domestic abuse",
        by=HEALTH_VISITOR,
    )
    _reviews(s)
    s.event(
        "2018-05-10",
        "csc",
        "home_visit",
        ["e-steven", ("e-joanne", "present")],
        "Home visit: Steven seen with his mother",
        by=SOCIAL_WORKER,
    )
    s.event(
        "2018-05-10",
        "csc",
        "child_seen",
        ["e-steven"],
        "Seen asleep in his Moses basket",
        by=SOCIAL_WORKER,
    )
    s.event(
        "2018-06-05",
        "health-visiting",
        "appointment_attended",
        ["e-steven", ("e-joanne", "present")],
        "6 to 8 week review: safe sleep advice repeated",
        by=HEALTH_VISITOR,
    )
    s.event(
        "2018-07-09",
        "csc",
        "plan_ended",
        ["e-steven", ("e-joanne", "mentioned"), ("e-mark", "mentioned")],
        "Child in need plan ended",
        by=SOCIAL_WORKER,
        detail="Rationale recorded after discussion with the team manager. Detailed advice "
        "given on safe supervised contact between Mark and Steven.",
        significance="significant",
    )
    s.event(
        "2018-07-09",
        "csc",
        "management_review",
        ["e-steven"],
        "Team manager's guidance on closing the child in need case",
        by="Kim Adams",
    )
    s.event(
        "2018-07-09",
        "csc",
        "decision",
        ["e-steven", ("e-joanne", "mentioned"), ("e-mark", "mentioned")],
        "Decision: close the child in need case; rationale recorded",
        by=SOCIAL_WORKER,
        outcome="closure",
    )


def _reviews(s: Scenario) -> None:
    """The child in need reviews as an ordinary record (the review is silent on them): Joanne
    invited and there, the midwife and (after the birth) the health visitor invited and sent
    the minutes. Joanne's perinatal mental health team was invited and sent apologies, its work
    with her kept apart from the baby's plan (finding 4); Mark, the source of the risk, was never
    invited (finding 1)."""
    baby = ["e-steven"]
    for held, text, invite, attended in (
        ("2018-02-23", "Child in need review", ("midwifery", "mental-health"), "the midwife"),
        (
            "2018-04-06",
            "Child in need review: birth plan confirmed",
            ("midwifery", "mental-health"),
            "the midwife",
        ),
        (
            "2018-05-31",
            "Child in need review after the domestic abuse incident; parents now separated",
            ("health-visiting",),
            "the health visitor",
        ),
    ):
        booking = m.book(
            s,
            day(held, -10),
            held,
            CIN_REVIEW,
            baby,
            reason=REFERRAL,
            invite=invite,
            family=("e-joanne",),
            kind="cin_plan",
            by=SOCIAL_WORKER,
        )
        sorry = "mental-health" in invite
        if sorry:
            m.apologies(
                s, day(held, -1), "mental-health", baby, booking, CIN_REVIEW, by=MENTAL_HEALTH
            )
        review = s.event(
            held,
            "csc",
            "cin_review",
            ["e-steven", ("e-joanne", "present")],
            text,
            by=SOCIAL_WORKER,
            detail=f"Original reason for referral: {REFERRAL}\nAttended: Joanne, {attended}."
            + (" Apologies: the perinatal mental health team." if sorry else ""),
        )
        copies = m.circulate(s, day(held, 3), review, baby, invite, CIN_REVIEW, by=SOCIAL_WORKER)
        for code, copy in copies.items():
            who = {"midwifery": MIDWIFE, "mental-health": MENTAL_HEALTH}.get(code, HEALTH_VISITOR)
            m.received(s, day(held, 4), code, baby, copy, CIN_REVIEW, by=who)
        if held == "2018-04-06":
            (told,) = m.actions(
                s,
                held,
                review,
                baby,
                [
                    (
                        "midwifery",
                        "Tell the social worker when Joanne is admitted in labour",
                        "2018-04-25",
                    )
                ],
                by=SOCIAL_WORKER,
            )
            m.completed(
                s,
                "2018-04-19",
                "midwifery",
                baby,
                told,
                "Social worker told of Joanne's admission in labour",
                by=MIDWIFE,
            )
        if held == "2018-05-31":
            # Joanne, the victim, is left to keep Mark's contact safe (finding 1).
            m.written_agreement(
                s,
                held,
                baby,
                "e-mark",
                "Mark's contact with Steven to be supervised",
                monitor="Joanne, who is to arrange and supervise the contact",
                contact="supervised_contact_only",
                by=SOCIAL_WORKER,
            )


def _after_closure(s: Scenario) -> None:
    s.event(
        "2018-07-24",
        "health-visiting",
        "home_visit",
        ["e-steven", ("e-joanne", "present")],
        "Home visit: Steven weighed; thriving",
        by=HEALTH_VISITOR,
    )
    s.event(
        "2018-08-06",
        "health-visiting",
        "substance_use",
        ["e-joanne"],
        "Joanne said she has been having 'a few drinks' at weekends again",
        by=HEALTH_VISITOR,
        reliability="self_reported",
        significance="significant",
    )
    s.event(
        "2018-08-23T06:52",
        "ambulance",
        "ambulance_call",
        ["e-steven", ("e-joanne", "present")],
        "999 call: baby found unresponsive in his mother's bed",
        by="Paramedic Wayne Ashton-Woods",
        significance="critical",
    )
    s.event(
        "2018-08-23T07:25",
        "hospital",
        "death",
        ["e-steven"],
        "Died: suspected overlay",
        by="Dr Hilary Lee",
        significance="critical",
    )
    s.event(
        "2018-08-24",
        "hospital",
        "injury_observed",
        ["e-steven"],
        "Historic bruise on the chest: may be innocuous or may indicate a broken rib",
        by="Dr Hilary Lee",
        significance="critical",
    )
    s.involvement(
        "csc",
        "e-steven",
        "Child in Need Team South",
        "2018-08-30",
        lead=SOCIAL_WORKER,
        reason="Notification of Steven's death: rapid review",
    )
    s.event(
        "2018-08-30",
        "csc",
        "information_shared",
        ["e-steven"],
        "Safeguarding children partnership notified of Steven's death",
        by=SOCIAL_WORKER,
        significance="critical",
    )
