"""Control: a baby whose mother has depression and a past of alcohol misuse, with a relapse
caught early. Adult services tell children's social care; safe sleep is planned, not only advised."""

from __future__ import annotations

from threadline.demo.scenarios.builder import Place, Scenario
from threadline.demo.scenarios.good_practice import (
    Family,
    review_meeting,
    tell_agencies,
)

HOME = Place("5 Weaver Court", "Stanmoor", "NT6 1BD")
FAMILY = Family("cph-baby", "cph-mother", "cph-father", ("midwifery", "gp", "mental-health"))
AFTER_BIRTH = Family(
    "cph-baby", "cph-mother", "cph-father", ("gp", "mental-health", "health-visiting")
)


def build() -> Scenario:
    s = Scenario(
        key="cph",
        file_name="control-parental-health.jsonl",
        title="Control: parental mental health and alcohol, a relapse caught early",
        review="",
        incident_date="2024-06-28",
        states=["A synthetic family, written as good practice: every check should stay quiet"],
        filled_in=["Everything: people, dates and records are synthetic"],
        children=["cph-baby"],
        control=True,
    )
    s.agencies("csc", "midwifery", "health-visiting", "gp", "mental-health", "drug-alcohol")
    _family(s)
    _pregnancy(s)
    _birth_and_relapse(s)
    _closure(s)
    return s


def _family(s: Scenario) -> None:
    everyone = ("csc", "midwifery", "health-visiting", "gp", "mental-health", "drug-alcohol")
    s.person(
        "cph-baby",
        "Oliver",
        "Brannigan",
        at=everyone,
        sex="male",
        born="2024-02-05",
        due="2024-02-09",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2024-02-05")],
    )
    s.person(
        "cph-mother",
        "Chloe",
        "Brannigan",
        at=everyone,
        sex="female",
        born="1995-07-14",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2019-06-01")],
    )
    s.person(
        "cph-father",
        "Ryan",
        "Brannigan",
        at=everyone,
        sex="male",
        born="1993-01-30",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2019-06-01")],
    )
    s.relationship("csc", "cph-mother", "cph-baby", "parent", pr=True, since="2024-02-05")
    s.relationship("csc", "cph-father", "cph-baby", "parent", pr=True, since="2024-02-05")
    s.relationship("csc", "cph-mother", "cph-father", "partner", since="2019-06-01")
    s.involvement(
        "drug-alcohol",
        "cph-mother",
        "Adult Drug and Alcohol Service",
        "2021-03-01",
        lead="Tom Reilly",
        reason="Alcohol treatment",
        closed="2022-06-30",
    )
    s.event(
        "2021-03-01", "drug-alcohol", "substance_use", ["cph-mother"], "Alcohol dependence assessed"
    )
    s.event(
        "2022-06-30",
        "drug-alcohol",
        "programme_completed",
        ["cph-mother"],
        "Treatment completed; abstinent",
    )


def _pregnancy(s: Scenario) -> None:
    s.involvement(
        "midwifery",
        "cph-baby",
        "Vulnerable Women Midwifery Team",
        "2023-09-04",
        lead="Jo Harris",
        reason="Pregnancy",
        closed="2024-02-15",
    )
    s.involvement(
        "gp",
        "cph-baby",
        "Riverside Medical Centre",
        "2023-09-04",
        lead="Dr Asha Mehta",
        reason="Registered",
    )
    s.event(
        "2023-09-04",
        "midwifery",
        "pregnancy_booked",
        ["cph-baby", "cph-mother"],
        "Pregnancy booked",
    )
    s.event(
        "2023-09-05",
        "midwifery",
        "referral",
        ["cph-baby"],
        "Referral: mother's alcohol history",
        counterpart="csc",
    )
    s.involvement(
        "csc",
        "cph-baby",
        "Assessment Team South",
        "2023-09-06",
        lead="Nadia Kerr",
        reason="Pre-birth assessment",
    )
    s.event(
        "2023-09-07",
        "csc",
        "assessment_started",
        ["cph-baby", "cph-mother"],
        "Pre-birth assessment",
        outcome="pre_birth",
    )
    s.event("2023-10-30", "csc", "genogram_updated", ["cph-baby"], "Genogram drawn")
    s.event("2023-10-30", "csc", "risk_assessment", ["cph-baby"], "Parents' histories weighed")
    s.event(
        "2023-10-31",
        "csc",
        "assessment_completed",
        ["cph-baby"],
        "Pre-birth assessment completed",
        outcome="cin_plan",
    )
    s.episode(
        "cph-baby",
        "cin",
        "2023-11-01",
        "2024-04-19",
        reason="Mother's mental health and alcohol history",
        referral_source="3F",
        primary_need="N3",
        closure_reason="RC7",
        factors=["1B", "4B"],
    )
    tell_agencies(s, FAMILY, "2023-11-01", "Child in need plan started")
    s.involvement(
        "mental-health",
        "cph-mother",
        "Community Mental Health Team",
        "2023-11-20",
        lead="Sam Oduya",
        reason="Depression",
    )
    s.event(
        "2023-11-21",
        "mental-health",
        "information_shared",
        ["cph-mother", "cph-baby"],
        "Mother open to the community mental health team",
        counterpart="csc",
    )
    s.involvement(
        "mental-health",
        "cph-baby",
        "Community Mental Health Team",
        "2023-11-20",
        lead="Sam Oduya",
        reason="Think Family: mother's baby",
    )


def _birth_and_relapse(s: Scenario) -> None:
    s.event("2024-02-05", "midwifery", "birth", ["cph-baby", "cph-mother"], "Oliver born at term")
    s.involvement(
        "health-visiting",
        "cph-baby",
        "Health Visiting South",
        "2024-02-15",
        lead="Kerry Dunn",
        reason="New birth visit",
    )
    tell_agencies(s, AFTER_BIRTH, "2024-02-15", "Child in need plan, for the health visitor")
    s.event(
        "2024-02-16", "csc", "genogram_updated", [AFTER_BIRTH.child], "Genogram updated after birth"
    )
    s.event(
        "2024-02-19",
        "health-visiting",
        "safe_sleep_plan",
        ["cph-baby", "cph-mother"],
        "Safe sleep plan: Moses basket, no co-sleeping after drinking",
    )
    review_meeting(s, AFTER_BIRTH, "2024-03-04")
    s.involvement(
        "drug-alcohol",
        "cph-mother",
        "Adult Drug and Alcohol Service",
        "2024-03-11",
        lead="Tom Reilly",
        reason="Relapse",
    )
    s.event(
        "2024-03-11",
        "drug-alcohol",
        "drug_test",
        ["cph-mother"],
        "Alcohol test positive",
        outcome="positive",
    )
    s.event(
        "2024-03-12",
        "drug-alcohol",
        "information_shared",
        ["cph-mother", "cph-baby"],
        "Mother back in treatment after a relapse",
        counterpart="csc",
    )
    s.event("2024-03-13", "csc", "risk_assessment", ["cph-baby", "cph-mother"], "Relapse assessed")
    s.event("2024-03-13", "csc", "plan_reviewed", ["cph-baby"], "Plan reviewed after the relapse")
    s.event(
        "2024-03-15",
        "health-visiting",
        "safe_sleep_plan",
        ["cph-baby", "cph-mother"],
        "Safe sleep plan reviewed with both parents after the relapse",
    )
    s.event(
        "2024-03-20",
        "csc",
        "engagement",
        ["cph-mother"],
        "Mother says she attends every session",
        reliability="self_reported",
    )
    s.event(
        "2024-03-22",
        "drug-alcohol",
        "engagement",
        ["cph-mother"],
        "Attendance confirmed, tests negative",
    )
    review_meeting(s, AFTER_BIRTH, "2024-04-11")


def _closure(s: Scenario) -> None:
    s.event("2024-04-12", "csc", "risk_assessment", ["cph-baby"], "Risk appraisal before closure")
    s.event(
        "2024-04-16",
        "csc",
        "decision",
        ["cph-baby"],
        "Close: progress sustained",
        outcome="closure",
    )
    in_contact = Family(*AFTER_BIRTH.parents_and_child, (*AFTER_BIRTH.agencies, "drug-alcohol"))
    tell_agencies(s, in_contact, "2024-04-19", "CIN plan closed; re-refer if drinking returns")
