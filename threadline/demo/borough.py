"""The synthetic borough of Northshire: its agencies, their teams and the places people live.

One table, used by ``threadline synth``, the five scenarios and ``threadline demo``, so an agency
or team has the same code, name and kind wherever it appears and re-registering it changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from threadline.agencies.models import AgencyKind, Nation, TeamKind

LOCAL_AUTHORITY = "Northshire"
NEIGHBOURS = ("Westmere", "Eastholm")
# Postcode areas that no real UK postcode uses, so a synthetic address can never be a real one.
POSTCODE_AREAS = {"Northshire": "NT", "Westmere": "WQ", "Eastholm": "EQ"}
TOWNS = {
    "Northshire": ("Northtown", "Millbrook Vale", "Ashby Cross", "Hollowfield", "Stanmoor"),
    "Westmere": ("Westmere", "Carrow End"),
    "Eastholm": ("Eastholm", "Fenby"),
}


@dataclass(frozen=True)
class TeamDef:
    name: str
    kind: TeamKind


@dataclass(frozen=True)
class AgencyDef:
    code: str
    name: str
    kind: AgencyKind
    teams: tuple[TeamDef, ...]
    # Each agency numbers people its own way; the prefix makes its ids recognisably its own.
    id_prefix: str
    # How often this agency's record of a person carries the NHS number (health always does;
    # police and housing often do not, which is what identity matching is for).
    nhs_rate: float

    def team(self, name: str) -> TeamDef:
        return next(team for team in self.teams if team.name == name)

    def teams_of(self, kind: TeamKind) -> tuple[TeamDef, ...]:
        return tuple(team for team in self.teams if team.kind == kind)

    def as_record(self) -> dict[str, Any]:
        """The feed line that registers this agency."""
        return {
            "kind": "agency",
            "code": self.code,
            "name": self.name,
            "agency_kind": str(self.kind),
            "nation": str(Nation.ENGLAND),
            "local_authority": LOCAL_AUTHORITY,
        }


def _teams(*pairs: tuple[str, TeamKind]) -> tuple[TeamDef, ...]:
    return tuple(TeamDef(name, kind) for name, kind in pairs)


K = TeamKind
AGENCIES: tuple[AgencyDef, ...] = (
    AgencyDef(
        "csc",
        "Northshire Children's Social Care",
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        _teams(
            ("MASH", K.MASH),
            ("Assessment Team North", K.ASSESSMENT),
            ("Assessment Team South", K.ASSESSMENT),
            ("Child in Need Team North", K.CHILD_IN_NEED),
            ("Child in Need Team South", K.CHILD_IN_NEED),
            ("Child Protection Team North", K.CHILD_PROTECTION),
            ("Child Protection Team South", K.CHILD_PROTECTION),
            ("Conference and Review Service", K.CONFERENCE),
            ("Early Help North", K.EARLY_HELP),
            ("Early Help South", K.EARLY_HELP),
            ("Children in Care Team", K.LOOKED_AFTER),
            ("Safeguarding Partnership Business Unit", K.PARTNERSHIP),
        ),
        "LCS",
        0.95,
    ),
    AgencyDef(
        "police",
        "Northshire Police",
        AgencyKind.POLICE,
        _teams(
            ("Public Protection Unit", K.PUBLIC_PROTECTION),
            ("MASH Police Desk", K.MASH),
            ("Domestic Abuse Investigation Team", K.PUBLIC_PROTECTION),
            ("Neighbourhood Policing", K.UNIVERSAL),
        ),
        "NP",
        0.45,
    ),
    AgencyDef(
        "gp",
        "Northshire GP Practices",
        AgencyKind.GP,
        _teams(
            ("Riverside Medical Centre", K.UNIVERSAL),
            ("Park Lane Surgery", K.UNIVERSAL),
            ("Market Street Practice", K.UNIVERSAL),
            ("Hollowfield Health Centre", K.UNIVERSAL),
        ),
        "GP",
        0.99,
    ),
    AgencyDef(
        "midwifery",
        "Northshire Maternity Service",
        AgencyKind.MIDWIFERY,
        _teams(
            ("Community Midwives North", K.UNIVERSAL),
            ("Community Midwives South", K.UNIVERSAL),
            ("Vulnerable Women Midwifery Team", K.SPECIALIST),
            ("Safeguarding Midwives", K.SAFEGUARDING),
        ),
        "MAT",
        0.99,
    ),
    AgencyDef(
        "health-visiting",
        "Northshire Health Visiting Service",
        AgencyKind.HEALTH_VISITING,
        _teams(("Health Visiting North", K.UNIVERSAL), ("Health Visiting South", K.UNIVERSAL)),
        "HV",
        0.99,
    ),
    AgencyDef(
        "school-nursing",
        "Northshire School Nursing Service",
        AgencyKind.SCHOOL_NURSING,
        _teams(
            ("School Nursing Team", K.UNIVERSAL),
        ),
        "SN",
        0.98,
    ),
    AgencyDef(
        "hospital",
        "Northshire General Hospital",
        AgencyKind.HOSPITAL,
        _teams(
            ("Emergency Department", K.UNIVERSAL),
            ("Paediatrics", K.SPECIALIST),
            ("Hospital Safeguarding Team", K.SAFEGUARDING),
        ),
        "MRN",
        0.97,
    ),
    AgencyDef(
        "ambulance",
        "Northshire Ambulance Service and NHS 111",
        AgencyKind.AMBULANCE,
        _teams(("Emergency Operations Centre", K.UNIVERSAL), ("NHS 111", K.UNIVERSAL)),
        "AMB",
        0.85,
    ),
    AgencyDef(
        "schools",
        "Northshire Schools and Early Years",
        AgencyKind.EDUCATION,
        _teams(
            ("Little Acorns Nursery", K.UNIVERSAL),
            ("Northgate Primary School", K.UNIVERSAL),
            ("St Anne's CE Primary School", K.UNIVERSAL),
            ("Millbrook Vale Primary School", K.UNIVERSAL),
            ("Northshire Academy", K.UNIVERSAL),
            ("Hollowfield High School", K.UNIVERSAL),
            ("Northgate Children's Centre", K.EARLY_HELP),
            ("Stanmoor Children's Centre", K.EARLY_HELP),
        ),
        "UPN",
        0.70,
    ),
    AgencyDef(
        "probation",
        "Probation Service, Northshire Delivery Unit",
        AgencyKind.PROBATION,
        _teams(
            ("Northshire Probation Delivery Unit", K.PUBLIC_PROTECTION),
        ),
        "NDL",
        0.55,
    ),
    AgencyDef(
        "mental-health",
        "Northshire Adult Mental Health Service",
        AgencyKind.ADULT_MENTAL_HEALTH,
        _teams(
            ("Community Mental Health Team", K.SPECIALIST),
            ("Crisis Resolution and Home Treatment", K.SPECIALIST),
            ("Perinatal Mental Health Team", K.SPECIALIST),
        ),
        "MH",
        0.98,
    ),
    AgencyDef(
        "drug-alcohol",
        "Northshire Drug and Alcohol Service",
        AgencyKind.DRUG_ALCOHOL,
        _teams(
            ("Adult Drug and Alcohol Service", K.SPECIALIST),
        ),
        "DA",
        0.85,
    ),
    AgencyDef(
        "housing",
        "Northshire Housing",
        AgencyKind.HOUSING,
        _teams(("Housing Options", K.UNIVERSAL), ("Tenancy Support", K.SPECIALIST)),
        "HSG",
        0.40,
    ),
    AgencyDef(
        "cafcass",
        "CAFCASS (Northshire)",
        AgencyKind.CAFCASS,
        _teams(("Private Law Team", K.SPECIALIST), ("Public Law Team", K.SPECIALIST)),
        "CAF",
        0.70,
    ),
    AgencyDef(
        "voluntary",
        "Northshire Family Support Network",
        AgencyKind.VOLUNTARY,
        _teams(
            ("Domestic Abuse Support Service", K.SPECIALIST),
            ("Family Support Project", K.EARLY_HELP),
        ),
        "VOL",
        0.50,
    ),
)
BY_CODE = {agency.code: agency for agency in AGENCIES}


def agency(code: str) -> AgencyDef:
    return BY_CODE[code]
