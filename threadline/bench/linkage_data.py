"""Five agencies' records of one synthetic population, corrupted as real feeds are, with truth.

Households share a family name and a postcode, and now and then twins share a date of birth too,
so the matcher must tell relatives apart as well as join one person's records. Each person is
known to one to five agencies; each agency's record goes wrong in the ways that agency's records
do: no NHS number at the police or housing, a nickname, a typo, day and month swapped, names the
other way round, an old
address after a move, a surname changed on marriage.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass

from faker import Faker

from threadline.bench.data import valid_nhs_number

# How often each agency's record lacks the NHS number.
AGENCY_NHS_MISSING = {
    "gp": 0.02,
    "csc": 0.25,
    "police": 0.75,
    "education": 0.45,
    "housing": 0.85,
}
AGENCIES = tuple(AGENCY_NHS_MISSING)
TODAY = dt.date(2026, 12, 1)


@dataclass(frozen=True)
class SourceRecord:
    unique_id: str
    truth: int
    agency: str
    given_name: str
    family_name: str
    date_of_birth: str | None
    sex: str | None
    postcode: str | None
    nhs_number: str | None


@dataclass
class _Person:
    truth: int
    given: str
    family: str
    born: dt.date
    sex: str
    postcode: str
    nhs: str
    previous_family: str | None = None
    previous_postcode: str | None = None


class _Names:
    """Pools drawn from faker once, so a million records do not call it a million times."""

    def __init__(self, rng: random.Random) -> None:
        fake = Faker("en_GB")
        fake.seed_instance(rng.randrange(1 << 30))
        self.female = sorted({fake.first_name_female() for _ in range(3000)})
        self.male = sorted({fake.first_name_male() for _ in range(3000)})
        self.family = sorted({fake.last_name() for _ in range(20000)})
        self.postcodes = sorted({fake.postcode() for _ in range(60000)})
        self.nicknames = _nicknames_by_formal()


def _nicknames_by_formal() -> dict[str, list[str]]:
    from threadline.matching.nicknames import nicknames

    by_formal: dict[str, list[str]] = {}
    for nickname, formal in nicknames().items():
        if nickname != formal:
            by_formal.setdefault(formal, []).append(nickname.capitalize())
    return by_formal


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 3:
        return text
    at = rng.randrange(1, len(text))
    kind = rng.randrange(4)
    if kind == 0:  # dropped letter
        return text[:at] + text[at + 1 :]
    if kind == 1:  # doubled letter
        return text[:at] + text[at] + text[at:]
    if kind == 2 and at < len(text) - 1:  # neighbours swapped
        return text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    return text[:at] + rng.choice(string.ascii_lowercase) + text[at + 1 :]


def _household(rng: random.Random, names: _Names, first_truth: int) -> list[_Person]:
    family = rng.choice(names.family)
    postcode = rng.choice(names.postcodes)
    adults = rng.choice((1, 2, 2))
    children = rng.choice((0, 1, 1, 2, 2, 3, 4))
    people = []
    for index in range(adults + children):
        is_adult = index < adults
        sex = rng.choice(("female", "male"))
        age_days = rng.randrange(18 * 365, 70 * 365) if is_adult else rng.randrange(0, 18 * 365)
        born = TODAY - dt.timedelta(days=age_days)
        pool = names.female if sex == "female" else names.male
        people.append(
            _Person(first_truth + index, rng.choice(pool), family, born, sex, postcode, "")
        )
    if children >= 2 and rng.random() < 0.04:  # twins: same day, same surname, same address
        people[-1].born = people[-2].born
    for person in people:
        person.nhs = valid_nhs_number(rng)
        if rng.random() < 0.15:
            person.previous_postcode = rng.choice(names.postcodes)
        adult_woman = person.sex == "female" and person.born < TODAY.replace(year=TODAY.year - 20)
        if adult_woman and rng.random() < 0.08:
            person.previous_family = rng.choice(names.family)
    return people


def _dob(rng: random.Random, born: dt.date) -> str | None:
    roll = rng.random()
    if roll < 0.02:
        return None
    if roll < 0.05 and born.day <= 12 and born.day != born.month:
        return dt.date(born.year, born.day, born.month).isoformat()
    if roll < 0.08:
        text = born.isoformat()
        at = rng.choice((3, 6, 9))  # a mistyped digit in the year, the month or the day
        candidate = text[:at] + str(rng.randrange(10)) + text[at + 1 :]
        try:
            return dt.date.fromisoformat(candidate).isoformat()
        except ValueError:
            return text
    return born.isoformat()


def _given(rng: random.Random, names: _Names, person: _Person) -> str:
    from threadline.people.names import fold

    nicknames = names.nicknames.get(fold(person.given))
    if nicknames and rng.random() < 0.35:
        return rng.choice(nicknames)
    if rng.random() < 0.07:
        return _typo(rng, person.given)
    return person.given


def _record(
    rng: random.Random, names: _Names, person: _Person, agency: str, n: int
) -> SourceRecord:
    family = person.family
    if person.previous_family and rng.random() < 0.5:
        family = person.previous_family
    elif rng.random() < 0.07:
        family = _typo(rng, family)
    postcode: str | None = person.postcode
    if person.previous_postcode and rng.random() < 0.5:
        postcode = person.previous_postcode
    elif rng.random() < 0.1:
        postcode = None
    missing_nhs = rng.random() < AGENCY_NHS_MISSING[agency]
    given = _given(rng, names, person)
    if rng.random() < 0.01:  # written family name first
        given, family = family, given
    return SourceRecord(
        unique_id=f"{agency}-{n}",
        truth=person.truth,
        agency=agency,
        given_name=given,
        family_name=family,
        date_of_birth=_dob(rng, person.born),
        sex=None if rng.random() < 0.03 else person.sex,
        postcode=postcode,
        nhs_number=None if missing_nhs else person.nhs,
    )


def synthetic_records(count: int, seed: int = 11) -> list[SourceRecord]:
    """About ``count`` records: each person known to one to five of the agencies."""
    rng = random.Random(seed)
    names = _Names(rng)
    records: list[SourceRecord] = []
    truth = 0
    while len(records) < count:
        household = _household(rng, names, truth)
        truth += len(household)
        for person in household:
            known_to = rng.sample(AGENCIES, k=rng.choice((1, 2, 2, 3, 3, 4, 5)))
            for agency in known_to:
                records.append(_record(rng, names, person, agency, len(records)))
    return records[:count]
