"""NHS numbers: ten digits whose last is a modulus 11 check digit."""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"[\s-]")


def normalise_nhs_number(raw: str) -> str:
    return _NON_DIGITS.sub("", raw)


def nhs_check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None where no valid NHS number can end them."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def is_valid_nhs_number(raw: str) -> bool:
    number = normalise_nhs_number(raw)
    if len(number) != 10 or not number.isdigit():
        return False
    return nhs_check_digit(number[:9]) == int(number[9])
