"""``threadline synth``: feed files for a synthetic borough, as its agencies would send them.

Households are made and written one at a time, so memory stays flat from a few hundred people
to a borough of 350,000 and a million chronology events. The output is the same, byte for
byte, for the same seed, size and day. Every name comes from Faker (en_GB), every NHS number
from the range reserved for testing, every postcode from an area no real postcode uses: no
real person can appear.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

from threadline.demo.adults import record_adult_services
from threadline.demo.population import BOROUGH, NamePools, PopulationBuilder, Profile
from threadline.demo.records import FeedFiles, Recorder, Staff
from threadline.demo.social_care import record_social_care
from threadline.demo.universal import record_universal_services

HISTORY_YEARS = 4


@dataclass(frozen=True)
class SynthResult:
    people: int
    households: int
    counts: Counter[tuple[str, str]]
    open_involvements: Counter[str]
    paths: list[Path]

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    def of_kind(self, kind: str) -> int:
        return sum(count for (_, counted), count in self.counts.items() if counted == kind)


def synthesise(
    people: int, seed: int, out_dir: Path, today: dt.date, profile: Profile = BOROUGH
) -> SynthResult:
    """Write ``agencies.jsonl`` and one feed per agency for a borough of about ``people``."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    names = NamePools.build(fake, streets_per_area=max(40, min(1500, people // 60)))
    staff = Staff(fake)
    builder = PopulationBuilder(seed, today, names, HISTORY_YEARS, profile)
    made = households = 0
    with FeedFiles(out_dir) as files:
        for household in builder.households():
            if made >= people:
                break
            rng = random.Random(f"{seed}:records:{household.index}")
            record_household(Recorder(files, staff, household, rng, today))
            made += len(household.people)
            households += 1
        return SynthResult(made, households, files.counts, files.open_involvements, files.paths)


def record_household(rec: Recorder) -> None:
    """Universal services first: later records (a police notification to a school, a
    referral from a health visitor) look for what those services already hold."""
    record_universal_services(rec)
    incidents = record_adult_services(rec)
    record_social_care(rec, incidents)
    for code in ("csc", "schools", "health-visiting", "midwifery", "cafcass", "police"):
        rec.relationships(code)
