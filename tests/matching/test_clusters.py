from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from threadline.matching.clusters import Clusters


def test_two_different_nhs_numbers_are_never_joined_through_a_chain() -> None:
    clusters = Clusters({"a": "9434765919", "b": None, "c": "9434765870"})
    assert clusters.join("a", "b")
    assert not clusters.join("b", "c"), "b already belongs with a's number"
    assert clusters.find("a") == clusters.find("b") != clusters.find("c")


pairs = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=40)


@given(pairs)
def test_clusters_are_the_connected_components_of_the_links(links: list[tuple[int, int]]) -> None:
    clusters = Clusters()
    for left, right in links:
        clusters.join(str(left), str(right))
    # Reference: grow each component by repeated passes over the links.
    component = {n: {n} for n in range(21)}
    changed = True
    while changed:
        changed = False
        for left, right in links:
            merged = component[left] | component[right]
            for member in merged:
                if component[member] != merged:
                    component[member] = merged
                    changed = True
    for left in range(21):
        for right in range(21):
            same = clusters.find(str(left)) == clusters.find(str(right))
            assert same == (right in component[left])
