"""The catalogue and the code agree: every check in checks.md is implemented, every
implementation is in checks.md, and each quotes its review word for word."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from threadline.checks import rules
from threadline.checks.registry import all_checks

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CATALOGUE = SHARED / "design" / "checks.md"
SEEDS = SHARED / "seeds"
ROW = re.compile(r"^\|\s*([A-Z]{3}-\d+)\s*\|", re.MULTILINE)
SEED_NAMES = ("Steven", "Joanne", "Mark ", "Child Ak", "Child BE", "Children Ag", "Child Q")
DATE_LITERAL = re.compile(r"\b(19|20)\d{2}-\d{2}-\d{2}\b")


def catalogue_ids() -> set[str]:
    assert CATALOGUE.exists(), f"{CATALOGUE} is missing: the catalogue lives in ../shared"
    return set(ROW.findall(CATALOGUE.read_text(encoding="utf-8")))


def normalise(text: str) -> str:
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return re.sub(r"\s+", " ", text).strip().lower()


def test_every_catalogued_check_is_implemented() -> None:
    assert catalogue_ids() - set(all_checks()) == set()


def test_every_implemented_check_is_catalogued() -> None:
    assert set(all_checks()) - catalogue_ids() == set()


@pytest.mark.parametrize("check_id", sorted(all_checks()))
def test_provenance_quotes_the_review_word_for_word(check_id: str) -> None:
    check = all_checks()[check_id]
    assert check.provenance, f"{check_id} names no finding"
    for provenance in check.provenance:
        review = normalise((SEEDS / provenance.file).read_text(encoding="utf-8"))
        quote = normalise(provenance.quote.replace("...", "…")).split("…")
        for part in filter(None, (piece.strip() for piece in quote)):
            assert part in review, f"{check_id}: not in {provenance.file}: {part!r}"


def _strings_outside_provenance(tree: ast.AST) -> list[str]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Provenance":
            inside.update(id(child) for child in ast.walk(node))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside
    ]


@pytest.mark.parametrize("module", sorted(Path(rules.__file__).parent.glob("*.py")), ids=str)
def test_checks_are_general_rules_without_names_or_dates(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    tree = ast.parse(source)
    for text in _strings_outside_provenance(tree):
        assert not any(name in text for name in SEED_NAMES), f"{module.name}: {text!r}"
        assert not DATE_LITERAL.search(text), f"{module.name}: {text!r}"
    assert "dt.date(20" not in source and "date(20" not in source, module.name


def test_each_check_declares_what_a_practitioner_needs() -> None:
    for check in all_checks().values():
        assert check.title and check.must and check.resolves, check.id
        assert check.timescale is not None, check.id
        assert check.rungs(), check.id
