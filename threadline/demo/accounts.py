"""The demo's sign-ins: one per kind of user the design names, each in an agency and a team,
with the management chain children's social care escalates along. Synthetic names only."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from threadline.agencies.models import Agency, Practitioner, Role, Team
from threadline.demo.borough import AGENCIES

DEMO_PASSWORD = "threadline-demo"
# The demo's one authenticator key (synthetic; every demo user shares it), so that whoever shows
# the demo adds one account to their authenticator app, or asks `threadline democode`.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
ALLOCATED_TEAM = "Child Protection Team North"


@dataclass(frozen=True)
class DemoUser:
    username: str
    name: str
    agency: str
    team: str
    role: Role
    job_title: str
    manager: str | None = None

    @property
    def first_name(self) -> str:
        return self.name.split(" ", 1)[0]

    @property
    def last_name(self) -> str:
        return self.name.split(" ", 1)[1]


# Managers come before the people they manage, so each manager exists when needed.
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("service.manager", "Howard Rose", "csc", ALLOCATED_TEAM, Role.SERVICE_MANAGER,
             "Service manager, safeguarding"),
    DemoUser("team.manager", "Nicole Watkins", "csc", ALLOCATED_TEAM, Role.TEAM_MANAGER,
             "Team manager", "service.manager"),
    DemoUser("practice.manager", "Frank Lane", "csc", ALLOCATED_TEAM, Role.PRACTICE_MANAGER,
             "Practice manager", "team.manager"),
    DemoUser("social.worker", "Harriet Adams", "csc", ALLOCATED_TEAM, Role.PRACTITIONER,
             "Social worker", "practice.manager"),
    DemoUser("mash.manager", "Paul Barton", "csc", "MASH", Role.TEAM_MANAGER,
             "MASH team manager", "service.manager"),
    DemoUser("mash.worker", "Jean Lord", "csc", "MASH", Role.MASH, "MASH social worker",
             "mash.manager"),
    DemoUser("cp.chair", "Karl O'Sullivan", "csc", "Conference and Review Service",
             Role.CP_CHAIR, "Child protection chair", "service.manager"),
    DemoUser("analyst", "Charlotte Akhtar", "csc", "Safeguarding Partnership Business Unit",
             Role.ANALYST, "Partnership analyst"),
    DemoUser("admin", "Danny Hardy", "csc", "Safeguarding Partnership Business Unit",
             Role.ADMIN, "System administrator"),
    DemoUser("police.sergeant", "Eric Lucas", "police", "Public Protection Unit",
             Role.TEAM_MANAGER, "Detective sergeant, public protection"),
    DemoUser("police.ppo", "Lynn Marsh", "police", "Public Protection Unit", Role.PRACTITIONER,
             "Public protection officer", "police.sergeant"),
    DemoUser("gp.lead", "Eleanor Jones", "gp", "Riverside Medical Centre",
             Role.SAFEGUARDING_LEAD, "GP safeguarding lead"),
    DemoUser("health.visitor", "Jonathan Brady", "health-visiting", "Health Visiting North",
             Role.PRACTITIONER, "Health visitor"),
    DemoUser("midwife", "Bethan Moore", "midwifery", "Community Midwives North",
             Role.PRACTITIONER, "Community midwife"),
    DemoUser("school.dsl", "Jennifer Wright", "schools", "Northgate Primary School",
             Role.SAFEGUARDING_LEAD, "Designated safeguarding lead"),
    DemoUser("hospital.safeguarding", "Hugh Baker", "hospital", "Hospital Safeguarding Team",
             Role.SAFEGUARDING_LEAD, "Safeguarding children nurse"),
    DemoUser("probation.officer", "Shannon Wallis", "probation",
             "Northshire Probation Delivery Unit", Role.PRACTITIONER, "Probation officer"),
    DemoUser("mental.health", "Lindsey Cox", "mental-health", "Community Mental Health Team",
             Role.PRACTITIONER, "Community mental health nurse"),
    DemoUser("drug.alcohol", "Neil Mellor", "drug-alcohol", "Adult Drug and Alcohol Service",
             Role.PRACTITIONER, "Recovery worker"),
)  # fmt: skip
ALLOCATED_WORKER = next(user for user in DEMO_USERS if user.username == "social.worker")


def register_teams() -> int:
    """Every team of every registered agency, with its kind; returns how many were new."""
    created = 0
    agencies = Agency.objects.in_bulk([a.code for a in AGENCIES], field_name="code")
    for definition in AGENCIES:
        for team in definition.teams:
            _, new = Team.objects.get_or_create(
                agency=agencies[definition.code], name=team.name, defaults={"kind": team.kind}
            )
            created += new
    return created


@transaction.atomic
def create_demo_users(password: str = DEMO_PASSWORD) -> list[Practitioner]:
    """Create (or bring back to their demo state) every demo sign-in."""
    # One hash for the one shared demo password: hashing it for each user is most of the
    # time the demo takes to set up.
    hashed = make_password(password)
    made: dict[str, Practitioner] = {}
    for user in DEMO_USERS:
        made[user.username] = _save_user(user, made, hashed)
    return list(made.values())


def _save_user(user: DemoUser, made: dict[str, Practitioner], hashed: str) -> Practitioner:
    team = Team.objects.select_related("agency").get(agency__code=user.agency, name=user.team)
    practitioner = Practitioner.objects.filter(username=user.username).first() or Practitioner(
        username=user.username
    )
    practitioner.first_name, practitioner.last_name = user.first_name, user.last_name
    practitioner.email = f"{user.username}@northshire.example"
    practitioner.agency, practitioner.team = team.agency, team
    practitioner.role, practitioner.job_title = user.role, user.job_title
    practitioner.manager = made.get(user.manager) if user.manager else None
    practitioner.is_staff = user.role == Role.ADMIN
    practitioner.is_active = True
    practitioner.password = hashed
    practitioner.save()
    TOTPDevice.objects.filter(user=practitioner).delete()
    TOTPDevice.objects.create(
        user=practitioner, name="Demo authenticator", key=DEMO_TOTP_KEY, confirmed=True
    )
    return practitioner


def demo_code() -> str:
    """The code the demo's authenticator shows now."""
    from binascii import unhexlify

    return f"{totp(unhexlify(DEMO_TOTP_KEY)):06d}"


def demo_key_for_people() -> str:
    from binascii import unhexlify

    from threadline.signin.services import typed_key

    return typed_key(unhexlify(DEMO_TOTP_KEY))
