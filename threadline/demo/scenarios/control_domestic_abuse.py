"""Control: a domestic abuse incident handled well, from the police call to a child in need plan
closed with every agency told. Nothing should be raised beyond routine reminders."""

from __future__ import annotations

from threadline.demo.scenarios.builder import Place, Scenario

HOME = Place("22 Orchard Rise", "Northtown", "NT3 2QL")
SOCIAL_WORKER = "Priya Lawton"
AGENCIES_TOLD = ("schools", "gp", "school-nursing")


def build() -> Scenario:
    s = Scenario(
        key="cda",
        file_name="control-domestic-abuse.jsonl",
        title="Control: domestic abuse handled well, from the police call to a closed CIN plan",
        review="",
        incident_date="2024-08-30",
        states=["A synthetic family, written as good practice: every check should stay quiet"],
        filled_in=["Everything: people, dates and records are synthetic"],
        children=["cda-child"],
        control=True,
    )
    s.agencies("csc", "police", "gp", "school-nursing", "schools")
    _family(s)
    _incident_and_front_door(s)
    _assessment(s)
    _plan_and_closure(s)
    return s


def _family(s: Scenario) -> None:
    everyone = ("csc", "police", "gp", "school-nursing", "schools")
    s.person(
        "cda-child",
        "Maisie",
        "Corran",
        at=everyone,
        sex="female",
        born="2017-05-10",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2017-05-10")],
    )
    s.person(
        "cda-mother",
        "Leanne",
        "Corran",
        at=everyone,
        sex="female",
        born="1991-03-02",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2015-01-01")],
    )
    s.person(
        "cda-father",
        "Dean",
        "Corran",
        at=everyone,
        sex="male",
        born="1989-11-21",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2015-01-01")],
    )
    s.relationship("csc", "cda-mother", "cda-child", "parent", pr=True, since="2017-05-10")
    s.relationship("csc", "cda-father", "cda-child", "parent", pr=True, since="2017-05-10")
    s.relationship("csc", "cda-mother", "cda-father", "partner", since="2015-01-01")
    s.involvement(
        "schools",
        "cda-child",
        "Northgate Primary School",
        "2021-09-01",
        lead="Amir Shah",
        reason="Pupil",
    )
    s.involvement(
        "gp",
        "cda-child",
        "Park Lane Surgery",
        "2017-05-20",
        lead="Dr Ruth Okafor",
        reason="Registered patient",
    )
    s.involvement(
        "school-nursing",
        "cda-child",
        "School Nursing Team",
        "2021-09-01",
        lead="Gemma Price",
        reason="Healthy Child Programme",
    )


def _told(s: Scenario, day: str, sender: str, about: str, refers_to: str | None = None) -> None:
    for agency in AGENCIES_TOLD:
        s.event(
            day,
            sender,
            "information_shared",
            ["cda-child"],
            f"{about}: told {agency}",
            counterpart=agency,
            refers_to=refers_to,
        )


def _acknowledged(s: Scenario, day: str, about: str, refers_to: str | None = None) -> None:
    for agency in AGENCIES_TOLD:
        s.event(
            day,
            agency,
            "acknowledgement",
            ["cda-child"],
            f"Received: {about}",
            counterpart="csc",
            refers_to=refers_to,
        )


def _incident_and_front_door(s: Scenario) -> None:
    s.event(
        "2024-01-15T22:30",
        "police",
        "domestic_abuse_incident",
        [("cda-child", "present"), ("cda-mother", "victim"), ("cda-father", "alleged_perpetrator")],
        "Domestic abuse: father shouting, pushed mother; Maisie in the house",
        significance="significant",
    )
    for agency in ("schools", "school-nursing"):
        s.event(
            "2024-01-16T08:10",
            "police",
            "information_shared",
            ["cda-child"],
            f"Domestic abuse notification before school to {agency}",
            counterpart=agency,
        )
    s.event(
        "2024-01-16T09:00",
        "police",
        "referral",
        ["cda-child"],
        "Referral to MASH",
        counterpart="csc",
    )
    s.event(
        "2024-01-16",
        "police",
        "dash_completed",
        [("cda-mother", "victim")],
        "DASH risk checklist: 8 yes, medium risk",
        outcome="medium_risk",
    )
    s.involvement(
        "csc",
        "cda-child",
        "Assessment Team North",
        "2024-01-16",
        lead=SOCIAL_WORKER,
        reason="Domestic abuse at home",
    )
    s.event(
        "2024-01-16",
        "csc",
        "referral",
        ["cda-child"],
        "MASH decision: single assessment",
        outcome="single_assessment",
    )
    sd = s.event(
        "2024-01-17",
        "csc",
        "strategy_discussion",
        [("cda-child", "subject"), ("cda-father", "mentioned")],
        "Strategy discussion with police and health: single assessment",
        outcome="single_assessment",
    )
    s.event(
        "2024-01-18",
        "csc",
        "management_review",
        ["cda-child"],
        "Team manager agrees the decision",
        refers_to=sd,
    )
    s.event(
        "2024-01-18",
        "csc",
        "assessment_started",
        ["cda-child"],
        "Single assessment started",
        outcome="single_assessment",
    )
    s.event(
        "2024-01-22",
        "csc",
        "minutes_circulated",
        ["cda-child"],
        "Strategy discussion minutes sent",
        refers_to=sd,
    )
    for agency in ("police", "gp", "school-nursing", "schools"):
        s.event(
            "2024-01-23",
            agency,
            "minutes_received",
            ["cda-child"],
            "Strategy minutes received",
            counterpart="csc",
            refers_to={"agency": "csc", "id": sd},
        )


def _assessment(s: Scenario) -> None:
    s.event("2024-01-24", "csc", "child_seen_alone", ["cda-child"], "Maisie seen alone at school")
    s.event(
        "2024-01-24",
        "csc",
        "child_views_recorded",
        ["cda-child"],
        "Maisie's words: she hides in her room when it is loud",
    )
    s.event("2024-01-25", "csc", "genogram_updated", ["cda-child"], "Genogram and ecomap drawn")
    s.event(
        "2024-01-26",
        "csc",
        "risk_assessment",
        ["cda-child", "cda-father"],
        "Risk assessment weighs father's history of domestic abuse",
    )
    s.event(
        "2024-02-19",
        "csc",
        "assessment_completed",
        ["cda-child"],
        "Single assessment completed: child in need plan",
        outcome="cin_plan",
    )


def _plan_and_closure(s: Scenario) -> None:
    s.episode(
        "cda-child",
        "cin",
        "2024-02-21",
        "2024-07-10",
        reason="Domestic abuse at home",
        referral_source="6",
        primary_need="N1",
        closure_reason="RC7",
        factors=["3B"],
    )
    _told(s, "2024-02-21", "csc", "Child in need plan started")
    _acknowledged(s, "2024-02-22", "child in need plan")
    for review_day, scheduled in (("2024-04-04", "2024-03-19"), ("2024-07-02", "2024-06-18")):
        meeting = s.event(
            scheduled,
            "csc",
            "meeting_scheduled",
            ["cda-child"],
            "CIN review booked",
            outcome="cin_plan",
            due=review_day,
        )
        for agency in AGENCIES_TOLD:
            s.event(
                scheduled,
                "csc",
                "invitation",
                [("cda-child", "subject"), ("cda-father", "invited")],
                f"Invitation to {agency}",
                counterpart=agency,
                refers_to=meeting,
            )
        s.event(
            review_day, "csc", "child_seen_alone", ["cda-child"], "Maisie seen alone before review"
        )
        s.event(
            review_day, "csc", "child_views_recorded", ["cda-child"], "Maisie's views for review"
        )
        s.event(
            review_day,
            "csc",
            "cin_review",
            [("cda-child", "subject"), ("cda-mother", "present"), ("cda-father", "present")],
            "CIN review: father attends; plan on track",
        )
        s.event(review_day, "csc", "plan_reviewed", ["cda-child"], "Plan reviewed at CIN review")
    s.event("2024-07-03", "csc", "risk_assessment", ["cda-child"], "Risk appraisal before closure")
    s.event(
        "2024-07-05",
        "csc",
        "decision",
        ["cda-child"],
        "Close CIN plan: goals met",
        outcome="closure",
    )
    _told(s, "2024-07-10", "csc", "CIN plan closed; re-refer if abuse recurs")
    _acknowledged(s, "2024-07-11", "closure of the child in need plan")
