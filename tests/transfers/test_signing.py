"""Ed25519 over canonical JSON: any JSON object round-trips through a file and verifies; any
change to it does not. This Threadline's key is made once, readable by its owner only."""

from __future__ import annotations

import copy
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from threadline.transfers import signing

KEY = Ed25519PrivateKey.generate()
OTHER_KEY = Ed25519PrivateKey.generate()

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
json_objects = st.dictionaries(st.text(max_size=8), json_values, max_size=6)


@given(json_objects)
@settings(max_examples=150, deadline=None)
def test_any_object_round_trips_through_a_file_and_verifies(pack: dict[str, Any]) -> None:
    signature = signing.sign(pack, KEY)
    envelope = json.dumps({"pack": pack, "signature": signature}, indent=3)
    read = json.loads(envelope)
    assert signing.verify(read["pack"], read["signature"], KEY.public_key())
    assert not signing.verify(read["pack"], read["signature"], OTHER_KEY.public_key())


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a JSON value that holds something: keys and list positions."""
    found = [here] if here else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*here, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*here, index))
    return found


def _changed(pack: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """The pack with one thing changed: a value replaced, an entry removed, or one added."""
    changed = copy.deepcopy(pack)
    paths = _paths(changed)
    how = data.draw(st.sampled_from(["replace", "remove", "add"] if paths else ["add"]))
    if how == "add":
        changed[data.draw(st.text(max_size=8))] = data.draw(json_values)
        return changed
    path = data.draw(st.sampled_from(paths))
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    if how == "remove":
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(json_values)
    return changed


@given(json_objects, st.data())
@settings(max_examples=200, deadline=None)
def test_any_change_fails(pack: dict[str, Any], data: st.DataObject) -> None:
    signature = signing.sign(pack, KEY)
    changed = _changed(pack, data)
    assume(signing.canonical(changed) != signing.canonical(pack))
    assert not signing.verify(changed, signature, KEY.public_key())


@given(json_objects)
@settings(max_examples=50, deadline=None)
def test_canonical_form_ignores_key_order_and_layout(pack: dict[str, Any]) -> None:
    reordered = json.loads(json.dumps(dict(reversed(list(pack.items()))), indent=2))
    assert signing.canonical(reordered) == signing.canonical(pack)


def test_the_canonical_form_is_sorted_compact_utf8() -> None:
    assert signing.canonical({"b": 1, "a": ["é", None]}) == '{"a":["é",null],"b":1}'.encode()


def test_a_signature_that_is_not_base64_does_not_verify() -> None:
    assert not signing.verify({"a": 1}, "not base64!", KEY.public_key())
    assert not signing.verify({"a": 1}, "", KEY.public_key())


def test_the_key_is_made_once_and_only_its_owner_can_read_it(signing_key: Path) -> None:
    assert not signing_key.exists()
    first = signing.own_public_pem()
    assert stat.S_IMODE(signing_key.stat().st_mode) == 0o600
    assert signing.own_public_pem() == first, "the same key is used from then on"
    assert list(signing_key.parent.iterdir()) == [signing_key], "no temporary file is left"


def test_a_key_file_that_is_not_a_key_is_refused(signing_key: Path) -> None:
    from django.core.exceptions import ImproperlyConfigured

    signing_key.parent.mkdir(parents=True)
    signing_key.write_text("not a key")
    with pytest.raises(ImproperlyConfigured):
        signing.private_key()


def test_only_ed25519_public_keys_are_read() -> None:
    pem = signing.public_pem(KEY.public_key())
    assert (
        signing.public_key_from_pem(pem).public_bytes_raw() == KEY.public_key().public_bytes_raw()
    )
    with pytest.raises(ValueError):
        signing.public_key_from_pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
