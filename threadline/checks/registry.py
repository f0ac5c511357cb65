"""Every learning check, found by module: one module in ``rules/`` per check in checks.md."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from threadline.checks import rules
from threadline.checks.base import Check


@cache
def all_checks() -> dict[str, Check]:
    found: dict[str, Check] = {}
    for module_info in pkgutil.iter_modules(rules.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{rules.__name__}.{module_info.name}")
        check = getattr(module, "CHECK", None)
        if not isinstance(check, Check):
            raise TypeError(f"{module.__name__} must define CHECK, an instance of Check")
        if check.id in found:
            raise ValueError(f"check {check.id} is defined twice")
        found[check.id] = check
    return dict(sorted(found.items()))


def get_check(check_id: str) -> Check:
    return all_checks()[check_id]
