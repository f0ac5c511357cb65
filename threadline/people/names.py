"""Name keys that let a search find 'Jon Smyth' when the record says 'John Smith'."""

from __future__ import annotations

import unicodedata

_SOUNDEX_CODES = {
    **dict.fromkeys("BFPV", "1"),
    **dict.fromkeys("CGJKQSXZ", "2"),
    **dict.fromkeys("DT", "3"),
    "L": "4",
    **dict.fromkeys("MN", "5"),
    "R": "6",
}


def fold(text: str) -> str:
    """Lower case, accents removed, letters only: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.lower() if ch.isalpha())


def soundex(name: str) -> str:
    """American Soundex; H and W do not separate letters with the same code."""
    letters = fold(name).upper()
    if not letters:
        return ""
    key = letters[0]
    previous = _SOUNDEX_CODES.get(letters[0], "")
    for letter in letters[1:]:
        code = _SOUNDEX_CODES.get(letter, "")
        if code and code != previous:
            key += code
        if letter not in "HW":
            previous = code
    return (key + "000")[:4]
