"""Synthetic households: who lives with whom, how they are related, where they lived and when.

Nothing here knows about agencies. A ``Household`` is one unit of the borough's people: the
adults and children living together plus the relatives outside it who matter to the children
(a father living elsewhere, a grandparent). Each person belongs to exactly one household, so a
household can be turned into feed records and forgotten, which is what lets ``synth`` stream a
whole borough without holding it in memory.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from faker import Faker

from threadline.demo.borough import LOCAL_AUTHORITY, NEIGHBOURS, POSTCODE_AREAS, TOWNS
from threadline.people.nhs import nhs_check_digit

YEAR = 365.25
# NHS numbers beginning 999 are reserved for test data and never issued to a patient. Synth
# uses 999 000 000x to 999 899 999x; the scenarios keep 999 9xx xxxx to themselves.
SYNTH_NHS_BLOCK = 900_000
_NHS_STEP = 7_919  # coprime with the block, so stepping through it visits every number once


@dataclass(frozen=True)
class Home:
    line1: str
    town: str
    postcode: str
    local_authority: str
    moved_in: dt.date | None
    moved_out: dt.date | None = None

    @property
    def in_borough(self) -> bool:
        return self.local_authority == LOCAL_AUTHORITY

    def as_address(self) -> dict[str, object]:
        address: dict[str, object] = {
            "line1": self.line1,
            "town": self.town,
            "postcode": self.postcode,
            "local_authority": self.local_authority,
        }
        if self.moved_in:
            address["from"] = self.moved_in.isoformat()
        if self.moved_out:
            address["to"] = self.moved_out.isoformat()
        return address


@dataclass
class Resident:
    """One synthetic person. ``key`` is unique in the borough and never shown to anyone."""

    key: int
    given: str
    family: str
    sex: str
    dob: dt.date
    nhs: str
    homes: list[Home]
    lives_in: bool = True
    unborn: bool = False  # then ``dob`` is the expected date of delivery

    def age_on(self, day: dt.date) -> int:
        years = day.year - self.dob.year
        return years - ((day.month, day.day) < (self.dob.month, self.dob.day))

    @property
    def home(self) -> Home:
        return self.homes[-1]


@dataclass(frozen=True)
class Tie:
    """``person`` is the ``kind`` of ``relative`` (the feed's reading of a relationship)."""

    person: Resident
    relative: Resident
    kind: str
    parental_responsibility: bool = False
    since: dt.date | None = None


@dataclass(frozen=True)
class Profile:
    """How the borough's households are drawn."""

    household_weights: tuple[int, int, int, int]  # family, single adult, couple, older people
    # Shares of families whose journey with children's social care reaches child protection,
    # child in need, and early help or a contact (each includes the ones before it).
    level_shares: tuple[float, float, float]
    current: float  # the share of those journeys still open today


# A realistic minority: most families never meet children's social care.
BOROUGH = Profile((42, 30, 20, 8), (0.015, 0.085, 0.21), 0.55)
# The demo's small borough is mostly families known to services, so every sign-in has work.
DEMO = Profile((70, 14, 10, 6), (0.10, 0.26, 0.45), 0.75)


@dataclass
class Risks:
    """What is going on in the household, which decides which services are involved."""

    level: int = 0  # 0 universal, 1 early help or contact, 2 child in need, 3 child protection
    current: bool = False  # the household's journey with children's social care is still open
    domestic_abuse: bool = False
    drugs: bool = False
    alcohol: bool = False
    mental_health: bool = False
    neglect: bool = False
    offending: bool = False
    housing_need: bool = False


@dataclass
class Household:
    index: int
    homes: list[Home]
    adults: list[Resident]
    children: list[Resident] = field(default_factory=list)
    mother: Resident | None = None
    partner: Resident | None = None  # the mother's partner living in the household
    fathers: dict[int, Resident] = field(default_factory=dict)  # child key -> father
    relatives: list[Resident] = field(default_factory=list)  # living elsewhere
    ties: list[Tie] = field(default_factory=list)
    risks: Risks = field(default_factory=Risks)
    unborn: Resident | None = None  # a pregnancy in the household
    today: dt.date = dt.date.min

    @property
    def people(self) -> list[Resident]:
        return [*self.adults, *self.children, *self.relatives]

    @property
    def carers(self) -> list[Resident]:
        return [adult for adult in self.adults if adult.lives_in]

    @property
    def moved_away(self) -> bool:
        return not self.homes[-1].in_borough


class NhsNumbers:
    """Unique valid NHS numbers from the test range, without remembering the ones given out."""

    def __init__(self, seed: int) -> None:
        self._position = seed % SYNTH_NHS_BLOCK
        self._issued = 0

    def next(self) -> str:
        while self._issued < SYNTH_NHS_BLOCK:
            self._issued += 1
            self._position = (self._position + _NHS_STEP) % SYNTH_NHS_BLOCK
            first_nine = f"999{self._position:06d}"
            check = nhs_check_digit(first_nine)
            if check is not None:
                return f"{first_nine}{check}"
        raise RuntimeError("the synthetic NHS number range is used up")


@dataclass
class NamePools:
    """Names drawn once from Faker (en_GB), then chosen from by each household's own random
    stream: quicker than asking Faker each time, and one household's names never depend on
    how many names another household used."""

    female: list[str]
    male: list[str]
    family: list[str]
    streets: dict[str, list[str]]

    @classmethod
    def build(cls, fake: Faker, streets_per_area: int) -> NamePools:
        streets = {}
        for area in (LOCAL_AUTHORITY, *NEIGHBOURS):
            size = streets_per_area if area == LOCAL_AUTHORITY else max(20, streets_per_area // 4)
            streets[area] = sorted({fake.street_name() for _ in range(size)})
        return cls(
            female=[fake.first_name_female() for _ in range(800)],
            male=[fake.first_name_male() for _ in range(800)],
            family=[fake.last_name() for _ in range(3000)],
            streets=streets,
        )


class PopulationBuilder:
    """Makes households one at a time for a borough as it stands on ``today``."""

    def __init__(
        self,
        seed: int,
        today: dt.date,
        names: NamePools,
        history_years: int,
        profile: Profile = BOROUGH,
    ) -> None:
        self.seed = seed
        self.profile = profile
        self.today = today
        self.names = names
        self.window_start = today - dt.timedelta(days=int(history_years * YEAR))
        self.nhs = NhsNumbers(seed)
        self._next_key = 0

    def households(self) -> Iterator[Household]:
        index = 0
        while True:
            rng = random.Random(f"{self.seed}:household:{index}")
            yield self._household(index, rng)
            index += 1

    # --- people -----------------------------------------------------------------------------

    def _person(
        self, rng: random.Random, sex: str, dob: dt.date, family: str, homes: list[Home]
    ) -> Resident:
        self._next_key += 1
        given = rng.choice(self.names.female if sex == "female" else self.names.male)
        # A few adults have no NHS number on any record (newly arrived, never registered).
        missing = dob < self.today - dt.timedelta(days=18 * 365) and rng.random() < 0.02
        nhs = "" if missing else self.nhs.next()
        return Resident(self._next_key, given, family, sex, dob, nhs, homes)

    def _dob(self, rng: random.Random, age_years: float) -> dt.date:
        return self.today - dt.timedelta(days=int(age_years * YEAR))

    def _surname(self, rng: random.Random) -> str:
        return rng.choice(self.names.family)

    # --- places -----------------------------------------------------------------------------

    def _street_home(self, rng: random.Random, area: str, moved_in: dt.date | None) -> Home:
        street = rng.choice(self.names.streets[area])
        index = self.names.streets[area].index(street)
        towns = TOWNS[area]
        # Every street keeps one postcode and one town, as streets do.
        postcode = (
            f"{POSTCODE_AREAS[area]}{1 + index % 9} {index % 10}{'ABDEFGHJLNPQRSTUWXYZ'[index % 20]}"
            f"{'ABDEFGHJLNPQRSTUWXYZ'[(index // 20) % 20]}"
        )
        flat = rng.random() < 0.25
        number = rng.randint(1, 180)
        line1 = f"Flat {rng.randint(1, 24)}, {number} {street}" if flat else f"{number} {street}"
        return Home(line1, towns[index % len(towns)], postcode, area, moved_in)

    def _home_history(self, rng: random.Random, settled: dt.date) -> list[Home]:
        """Where a household lived: earlier homes end the day before the next begins."""
        span = (self.today - max(settled, self.window_start)).days - 30
        moves = rng.choices((0, 1, 2), weights=(65, 25, 10))[0] if span > 60 else 0
        dates = sorted(
            max(settled, self.window_start) + dt.timedelta(days=rng.randint(1, span))
            for _ in range(moves)
        )
        areas = [LOCAL_AUTHORITY] * (moves + 1)
        if moves and rng.random() < 0.15:
            areas[0] = rng.choice(NEIGHBOURS)  # moved into the borough
        if moves and rng.random() < 0.12:
            areas[-1] = rng.choice(NEIGHBOURS)  # moved out of it
        homes: list[Home] = []
        starts: list[dt.date | None] = [settled, *dates]
        for position, area in enumerate(areas):
            home = self._street_home(rng, area, starts[position])
            if position < moves:
                home = _ended(home, dates[position] - dt.timedelta(days=1))
            homes.append(home)
        return homes

    # --- households -------------------------------------------------------------------------

    def _household(self, index: int, rng: random.Random) -> Household:
        shapes = ("family", "single", "couple", "older")
        shape = rng.choices(shapes, weights=self.profile.household_weights)[0]
        if shape == "family":
            household = self._family(index, rng)
        else:
            household = self._adults_only(index, rng, shape)
        household.today = self.today
        return household

    def _adults_only(self, index: int, rng: random.Random, shape: str) -> Household:
        low, high = (65, 92) if shape == "older" else (18, 75)
        age = rng.uniform(low, high)
        settled = self._dob(rng, max(0.0, age - 18 - rng.uniform(0, age - 18)))
        homes = self._home_history(rng, settled)
        sex = rng.choice(("female", "male"))
        first = self._person(rng, sex, self._dob(rng, age), self._surname(rng), homes)
        household = Household(index, homes, [first])
        if shape != "single":
            other = "male" if sex == "female" else "female"
            family = first.family if rng.random() < 0.6 else self._surname(rng)
            age_gap = rng.uniform(-6, 6)
            partner = self._person(
                rng, other, self._dob(rng, max(18.0, age + age_gap)), family, homes
            )
            household.adults.append(partner)
            household.ties.append(Tie(first, partner, "partner"))
        household.risks = _adult_risks(rng)
        return household

    def _family(self, index: int, rng: random.Random) -> Household:
        eldest_age = rng.uniform(0, 17.9)
        young_mother = rng.random() < 0.03
        mother_at_first = rng.uniform(15.5, 17.9) if young_mother else rng.triangular(19, 40, 28)
        mother_age = eldest_age + mother_at_first
        ages = _child_ages(rng, eldest_age)
        settled = self._dob(rng, min(eldest_age, rng.uniform(0, max(eldest_age, 0.1))))
        homes = self._home_history(rng, settled)
        mother = self._person(rng, "female", self._dob(rng, mother_age), self._surname(rng), homes)
        household = Household(index, homes, [mother], mother=mother)
        fathers = self._fathers(rng, household, mother_age, len(ages))
        for age, father in zip(ages, fathers, strict=True):
            surname = father.family if father.lives_in and rng.random() < 0.6 else mother.family
            sex = rng.choice(("female", "male"))
            child = self._person(rng, sex, self._dob(rng, age), surname, homes)
            household.children.append(child)
            household.fathers[child.key] = father
        if rng.random() < 0.05 and household.partner is not None:
            mother.lives_in = False  # the children live with their father
            mother.homes = [self._street_home(rng, LOCAL_AUTHORITY, settled)]
        self._grandparent(rng, household, mother_age, young_mother)
        self._maybe_pregnant(rng, household, mother_age)
        household.ties.extend(_family_ties(household, rng))
        household.risks = _family_risks(rng, self.profile, young_mother)
        return household

    def _fathers(
        self, rng: random.Random, household: Household, mother_age: float, count: int
    ) -> list[Resident]:
        """One father for all the children, or an earlier father for the older ones and the
        mother's current partner for the younger (half-siblings); sometimes a step-parent."""
        split = count > 1 and rng.random() < 0.3
        first_count = rng.randint(1, count - 1) if split else count
        father_age = mother_age + rng.uniform(-2, 8)
        first_lives_in = not split and rng.random() < 0.7
        first = self._man(rng, household, father_age, lives_in=first_lives_in)
        fathers = [first] * first_count
        if split:
            second = self._man(rng, household, mother_age + rng.uniform(-3, 6), lives_in=True)
            fathers += [second] * (count - first_count)
        elif not first_lives_in and rng.random() < 0.35:
            self._man(rng, household, mother_age + rng.uniform(-4, 8), lives_in=True)  # step-parent
        return fathers

    def _man(
        self, rng: random.Random, household: Household, age: float, *, lives_in: bool
    ) -> Resident:
        age = max(age, 17.0)
        if lives_in:
            man = self._person(
                rng, "male", self._dob(rng, age), self._surname(rng), household.homes
            )
            household.adults.append(man)
            household.partner = man
        else:
            area = LOCAL_AUTHORITY if rng.random() < 0.8 else rng.choice(NEIGHBOURS)
            home = self._street_home(rng, area, None)
            man = self._person(rng, "male", self._dob(rng, age), self._surname(rng), [home])
            man.lives_in = False
            household.relatives.append(man)
        return man

    def _grandparent(
        self, rng: random.Random, household: Household, mother_age: float, young_mother: bool
    ) -> None:
        mother = household.mother
        assert mother is not None
        lives_in = rng.random() < (0.6 if young_mother else 0.04)
        if not lives_in and rng.random() > 0.2:
            return
        age = mother_age + rng.uniform(18, 32)
        homes = household.homes if lives_in else [self._street_home(rng, LOCAL_AUTHORITY, None)]
        grandmother = self._person(rng, "female", self._dob(rng, age), mother.family, homes)
        grandmother.lives_in = lives_in
        (household.adults if lives_in else household.relatives).append(grandmother)
        household.ties.append(Tie(grandmother, mother, "parent", True, grandmother.dob))
        for child in household.children:
            household.ties.append(Tie(grandmother, child, "grandparent"))

    def _maybe_pregnant(self, rng: random.Random, household: Household, mother_age: float) -> None:
        youngest = min(child.age_on(self.today) for child in household.children)
        mother = household.mother
        if mother and mother_age < 42 and youngest >= 1 and rng.random() < 0.09:
            due = self.today + dt.timedelta(days=rng.randint(20, 250))
            self._next_key += 1
            household.unborn = Resident(
                self._next_key, "Unborn", mother.family, "unknown", due, "", mother.homes
            )
            household.unborn.unborn = True


def _ended(home: Home, last_day: dt.date) -> Home:
    return Home(home.line1, home.town, home.postcode, home.local_authority, home.moved_in, last_day)


def _child_ages(rng: random.Random, eldest: float) -> list[float]:
    wanted = rng.choices((1, 2, 3, 4), weights=(40, 35, 17, 8))[0]
    ages = [eldest]
    while len(ages) < wanted and ages[-1] - 1.2 >= 0:
        ages.append(ages[-1] - rng.uniform(1.2, min(5.0, ages[-1])))
    return ages


def _family_ties(household: Household, rng: random.Random) -> Iterator[Tie]:
    mother = household.mother
    assert mother is not None
    for child in household.children:
        yield Tie(mother, child, "parent", True, child.dob)
        father = household.fathers[child.key]
        # Most fathers are on the birth certificate and so hold parental responsibility.
        yield Tie(father, child, "parent", rng.random() < 0.9, child.dob)
        partner = household.partner
        if partner is not None and partner is not father:
            yield Tie(partner, child, "step_parent", False, partner.homes[0].moved_in)
    if household.partner is not None:
        yield Tie(mother, household.partner, "partner")
    for father in {f.key: f for f in household.fathers.values()}.values():
        if father is not household.partner:
            yield Tie(mother, father, "former_partner")
    children = household.children
    for first_index, first in enumerate(children):
        for second in children[first_index + 1 :]:
            same = household.fathers[first.key] is household.fathers[second.key]
            yield Tie(first, second, "sibling" if same else "half_sibling")


def _adult_risks(rng: random.Random) -> Risks:
    return Risks(
        domestic_abuse=rng.random() < 0.03,
        drugs=rng.random() < 0.03,
        alcohol=rng.random() < 0.04,
        mental_health=rng.random() < 0.07,
        offending=rng.random() < 0.03,
        housing_need=rng.random() < 0.04,
    )


def _family_risks(rng: random.Random, profile: Profile, young_mother: bool) -> Risks:
    """Whether children's social care knows the family, how far, and the factors that bring
    families there (domestic abuse, substance misuse, mental health, neglect)."""
    roll = rng.random() - (0.08 if young_mother else 0.0)
    child_protection, child_in_need, early_help = profile.level_shares
    level = 3 if roll < child_protection else 2 if roll < child_in_need else 0
    if level == 0 and roll < early_help:
        level = 1
    weight = (0.02, 0.35, 0.5, 0.65)[level]
    risks = Risks(
        level=level,
        current=rng.random() < profile.current,
        domestic_abuse=rng.random() < weight,
        drugs=rng.random() < weight * 0.6,
        alcohol=rng.random() < weight * 0.6,
        mental_health=rng.random() < weight * 0.8 + 0.04,
        neglect=level >= 2 and rng.random() < 0.5,
        offending=rng.random() < weight * 0.5,
        housing_need=rng.random() < 0.03 + weight * 0.3,
    )
    if level >= 2 and not (risks.domestic_abuse or risks.neglect or risks.drugs):
        risks.neglect = True
    return risks
