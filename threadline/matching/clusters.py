"""Records joined into people: each link joins two clusters, unless the two hold different
valid NHS numbers, which no chain of near matches may join."""

from __future__ import annotations

from collections.abc import Iterable


class Clusters:
    def __init__(self, nhs_of: dict[str, str | None] | None = None) -> None:
        self._parent: dict[str, str] = {}
        self._nhs: dict[str, set[str]] = {}
        self._nhs_of = nhs_of or {}

    def find(self, item: str) -> str:
        parent = self._parent.setdefault(item, item)
        if parent != item:
            root = self.find(parent)
            self._parent[item] = root
            return root
        if item not in self._nhs:
            nhs = self._nhs_of.get(item)
            self._nhs[item] = {nhs} if nhs else set()
        return item

    def join(self, left: str, right: str) -> bool:
        """Join the two records' clusters; False (and nothing joined) where their NHS numbers
        say they are two people."""
        a, b = self.find(left), self.find(right)
        if a == b:
            return True
        if len(self._nhs[a] | self._nhs[b]) > 1:
            return False
        if len(self._nhs[a]) < len(self._nhs[b]):
            a, b = b, a
        self._parent[b] = a
        self._nhs[a] |= self._nhs.pop(b)
        return True

    def groups(self, items: Iterable[str]) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for item in items:
            grouped.setdefault(self.find(item), []).append(item)
        return grouped
