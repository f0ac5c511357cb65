from hypothesis import given
from hypothesis import strategies as st

from threadline.people.nhs import is_valid_nhs_number, nhs_check_digit

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


def test_known_valid_numbers() -> None:
    assert is_valid_nhs_number("9434765919")
    assert is_valid_nhs_number("943 476 5919")
    assert is_valid_nhs_number("943-476-5919")


def test_known_invalid_numbers() -> None:
    assert not is_valid_nhs_number("9434765918")
    assert not is_valid_nhs_number("123456789")
    assert not is_valid_nhs_number("12345678901")
    assert not is_valid_nhs_number("94347659AB")


@given(nine_digits)
def test_the_computed_check_digit_makes_a_valid_number(first_nine: str) -> None:
    check = nhs_check_digit(first_nine)
    if check is None:
        assert not any(is_valid_nhs_number(first_nine + str(d)) for d in range(10))
    else:
        assert is_valid_nhs_number(first_nine + str(check))


@given(nine_digits, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=9))
def test_changing_one_digit_breaks_the_check(first_nine: str, position: int, shift: int) -> None:
    check = nhs_check_digit(first_nine)
    if check is None:
        return
    number = first_nine + str(check)
    altered = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert not is_valid_nhs_number(altered)
