from __future__ import annotations

import datetime as dt

from threadline.matching.features import features


def test_a_record_is_compared_in_folded_form() -> None:
    row = features(
        "r1",
        given_name="Bill",
        family_name="O'Brien",
        date_of_birth=dt.date(2019, 4, 2),
        sex="male",
        postcode="ne1 4st",
        nhs_number="943 476 5919",
    )
    assert (row.given, row.given_formal, row.family) == ("bill", "william", "obrien")
    assert (row.dob, row.sex) == ("2019-04-02", "male")
    assert (row.postcode, row.district) == ("NE1 4ST", "NE1")
    assert row.nhs == "9434765919"


def test_what_cannot_be_compared_is_left_out_rather_than_guessed() -> None:
    row = features("r2", sex="unknown", postcode="not a postcode", nhs_number="9434765918")
    assert (row.given, row.family, row.dob) == (None, None, None)
    assert (row.sex, row.postcode, row.district) == (None, None, None)
    assert row.nhs is None, "a number that fails its check digit is no identifier"
