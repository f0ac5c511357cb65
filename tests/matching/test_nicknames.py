from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from threadline.matching.nicknames import formal_name, nicknames


def test_a_nickname_stands_for_its_formal_name() -> None:
    assert formal_name("Bill") == formal_name("William") == "william"
    assert formal_name("Peggy") == "margaret"


def test_a_name_not_in_the_table_stands_for_itself_folded() -> None:
    assert formal_name("Zoë") == "zoe"


@given(st.sampled_from(sorted(nicknames())))
def test_every_formal_name_stands_for_itself(name: str) -> None:
    formal = formal_name(name)
    assert formal_name(formal) == formal
