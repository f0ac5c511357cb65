"""Reading a review document into what it says: its title, partnership, date, the child's age
and harm, the agencies involved, and each finding, recommendation, lesson, good-practice point,
reflective question, action and "how will we know", with its own text and where it was found.

Reviews come in many shapes (a 6-step briefing, an executive summary, a board's response with
themes and an action table, a learning summary). The reader does not know the shapes by name; it
reads headings and labels the way a person skims: a heading says what the list under it holds,
a label ("Finding BE1", "Recommendation 4:") starts an item of its own, a bullet starts the next
item, and a line straight after a bullet carries it on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from threadline.learning.kinds import ItemKind

# Headings that say what the list under them holds; None: background the reader passes over.
SECTIONS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in [
        (r"^(the |key )?findings( continued| explored in this review)?:?$", ItemKind.FINDING),
        (r"^recommendations:?$", ItemKind.RECOMMENDATION),
        (r"^good practice( identified in this review)?:?$", ItemKind.GOOD_PRACTICE),
        (r"^reflective questions\b.*$", ItemKind.REFLECTIVE_QUESTION),
        (r"^learning points for (practitioners|managers)\b.*$", ItemKind.LESSON),
        (r"^key messages( for .*)?:?$", ItemKind.LESSON),
        (r"^key areas for improvement:?$", ItemKind.LESSON),
        (r"^lessons?( learned| learnt)?:?$", ItemKind.LESSON),
        (r"^(lscb context.*|actions?( already taken)?:?)$", ItemKind.ACTION),
        (r"^how (will we|we will) know\??:?$", ItemKind.HOW_WE_WILL_KNOW),
        (r"^how we will disseminate\b.*$", "table"),
        (r"^theme \d+\s*:.*$", "theme"),
        (
            r"^(the )?(background|safeguarding concerns|incident|review|summary|reason for "
            r"this review|purpose of the review|agency involvement|themes in common with other "
            r"reviews|time to reflect|did you know|good practice and evidence as a result.*|lscb "
            r"response)\b.*$",
            None,
        ),
    ]
]
LABEL = re.compile(
    r"^(?P<word>Finding|Recommendation|Lesson|Learning)\s+(?P<ref>[A-Z]{0,3}\d+(?:\.\d+)?)"
    r"(?P<continued>\s+continued)?\s*[:\u2013\u2014-]?\s*(?P<text>.*)$"
)
LABEL_KINDS = {
    "Finding": ItemKind.FINDING,
    "Recommendation": ItemKind.RECOMMENDATION,
    "Lesson": ItemKind.LESSON,
    "Learning": ItemKind.LESSON,
}
BULLET = re.compile(r"^(?:[-*\u2022\u2756\u25aa\u27a2]|\d{1,2}[.)])\s+(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<n>\d{1,2})[.)]\s+")
MARKUP = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|^#+\s*")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATED = re.compile(rf"\b({MONTHS})\s+(\d{{4}})\b")
CHILD = re.compile(r"\b(Child(?:ren)?)\s+(?!In\b|A\b)([A-Z][A-Za-z]{0,2})\b")
PARTNERSHIP = re.compile(
    r"\b((?:[A-Z][a-z]+ )+?(?:Local )?Safeguarding Children(?:'s)? (?:Board|Partnership))"
)
# Boards often name themselves only by initials in a briefing.
PARTNERSHIP_INITIALS = {
    "NSCB": "Northamptonshire Safeguarding Children Board",
    "OSCB": "Oxfordshire Safeguarding Children Board",
    "KSCB": "Kirklees Safeguarding Children Board",
    "LSCB": "",
}
INTRODUCES_AGENCIES = re.compile(
    r"\b(the following agencies|work of the following|agencies (involved|have provided))\b.*:$",
    re.IGNORECASE,
)
AGENCY_WORDS = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        ("Children's social care", r"\b(children's social care|social care|social worker)\b"),
        ("Police", r"\bpolice\b"),
        ("MASH", r"\bMASH\b"),
        ("GP", r"\bGP\b"),
        ("Health visiting", r"\bhealth visit"),
        ("Midwifery", r"\bmidwi"),
        ("Ambulance", r"\bambulance\b"),
        ("Hospital", r"\bhospital\b"),
        ("Probation", r"\bprobation\b"),
        ("Schools", r"\bschool\b"),
        ("Children's centres", r"\bchildren's centres?\b"),
        ("Adult mental health", r"\bmental health (team|services?)\b"),
        ("MARAC", r"\bMARAC\b"),
    ]
]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
HARMS = [
    ("death", re.compile(r"\b(died|death)\b", re.IGNORECASE)),
    ("non-accidental injury", re.compile(r"non-accidental injur", re.IGNORECASE)),
    ("drowning", re.compile(r"\bdrown", re.IGNORECASE)),
    ("overlay", re.compile(r"\boverlay\b", re.IGNORECASE)),
    ("neglect", re.compile(r"\bneglect\b", re.IGNORECASE)),
    ("domestic abuse witnessed", re.compile(r"witnessed .*(domestic|violen)", re.IGNORECASE)),
    ("drugs in the child's body", re.compile(r"drugs in his body|drugs in her body", re.I)),
]


@dataclass
class Item:
    kind: str
    label: str | None
    text: str
    line: int
    section: str = ""


@dataclass
class Reading:
    title: str
    partnership: str
    year: int | None
    child_age: str
    harm: list[str]
    agencies: list[str]
    items: list[Item] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def plain(line: str) -> str:
    """A line without its markdown emphasis and heading marks, spaces collapsed."""
    return " ".join(MARKUP.sub("", line).split())


@dataclass
class _Open:
    item: Item
    inline: bool  # the label carried its own text: prose after it is not part of it
    bulleted: bool = False
    has_bullets: bool = False  # a label's list ended, a paragraph after it is not the item's


class _Reader:
    def __init__(self) -> None:
        self.items: list[Item] = []
        self.section: str | None = None
        self.heading = ""
        self.theme = ""
        self.open: _Open | None = None
        self.after_blank = True

    def _close(self) -> None:
        self.open = None

    def _start(self, kind: str, label: str | None, text: str, number: int, inline: bool) -> None:
        parts = [self.theme, self.heading if self.heading != self.theme else ""]
        where = ": ".join(part for part in parts if part)
        item = Item(kind, label, text, number, where)
        self.items.append(item)
        self.open = _Open(item, inline=inline, bulleted=not label)

    def _append(self, text: str) -> None:
        assert self.open is not None
        item = self.open.item
        item.text = f"{item.text} {text}".strip()

    def line(self, number: int, raw: str) -> None:
        if "\t" in raw and self.section == "table":
            self._table_row(number, raw)
            return
        text = plain(raw)
        if not text:
            self.after_blank = True
            if self.open and self.open.bulleted and self.section != ItemKind.HOW_WE_WILL_KNOW:
                self._close()
            return
        blank_before, self.after_blank = self.after_blank, False
        if self._heading(text):
            return
        label = LABEL.match(text)
        if label and not BULLET.match(text):
            self._labelled(number, label)
            return
        bullet = BULLET.match(text)
        if self.section in (None, "table", "theme"):
            return
        if bullet:
            self._bullet(number, text, _unbulleted(bullet.group("text")))
        else:
            self._prose(number, text, blank_before)

    def _heading(self, text: str) -> bool:
        for pattern, kind in SECTIONS:
            if pattern.match(text) and len(text) < 90:
                self._close()
                if kind == "theme":
                    self.theme, self.section = text, "theme"
                else:
                    self.section, self.heading = kind, text
                return True
        return False

    def _labelled(self, number: int, label: re.Match[str]) -> None:
        kind = LABEL_KINDS[label.group("word")]
        name = f"{label.group('word')} {label.group('ref')}"
        rest = label.group("text")
        if label.group("continued"):
            earlier = next((i for i in reversed(self.items) if i.label == name), None)
            if earlier is not None:
                self.open = _Open(earlier, inline=False)
                self.section = kind
                return
        if self.section != kind:
            self.heading = "" if self.theme else name
        self.section = kind
        self._start(kind, name, rest, number, inline=bool(rest))

    def _bullet(self, number: int, text: str, body: str) -> None:
        section = self.section
        assert section is not None
        # Bullets under a labelled item belong to it; under a heading alone each is an item.
        if self.open and not self.open.bulleted and section != ItemKind.ACTION:
            self._append(body)
            self.open.has_bullets = True
            return
        numbered = NUMBERED.match(text)
        label = None
        if numbered and section == ItemKind.RECOMMENDATION:
            label = f"Recommendation {numbered.group('n')}"
        if section == ItemKind.HOW_WE_WILL_KNOW and self.open:
            self._append(body)
            return
        self._start(section, label, body, number, inline=True)
        self.open = _Open(self.items[-1], inline=True, bulleted=True)

    def _prose(self, number: int, text: str, blank_before: bool) -> None:
        section = self.section
        assert section is not None
        open_item = self.open
        if open_item and open_item.bulleted and not blank_before:
            self._append(text)  # a bullet's text carried onto the next line
            return
        if open_item and open_item.has_bullets and blank_before:
            self._close()
            return
        if open_item and not open_item.bulleted and not open_item.inline:
            if section == ItemKind.ACTION:
                self._start(section, None, text, number, inline=False)
            else:
                self._append(text)
            return
        if section in (ItemKind.ACTION, ItemKind.HOW_WE_WILL_KNOW):
            self._start(section, None, text, number, inline=False)
            self.open = _Open(self.items[-1], inline=False)
        # Otherwise prose between a heading's items introduces them; it is not one of them.

    def _table_row(self, number: int, raw: str) -> None:
        cells = [plain(cell) for cell in raw.split("\t")]
        if len(cells) > 1 and cells[1] and cells[1].lower() != "specific actions":
            self.items.append(Item(ItemKind.ACTION, None, cells[1], number, self.heading))


def _unbulleted(text: str) -> str:
    """A bullet's text without a second marker inside it ("- ❖ text")."""
    while (inner := BULLET.match(text)) and not NUMBERED.match(text):
        text = inner.group("text")
    return text


def read_text(text: str) -> Reading:
    lines = text.splitlines()
    reader = _Reader()
    for number, raw in enumerate(lines, start=1):
        reader.line(number, raw)
    items = [item for item in reader.items if item.text]
    return Reading(
        title=_title(lines),
        partnership=_partnership(text),
        year=_year(lines),
        child_age=_age(text),
        harm=[name for name, pattern in HARMS if pattern.search(_opening(lines))],
        agencies=_agencies(lines),
        items=items,
    )


def _opening(lines: list[str]) -> str:
    """The text before the first list of findings: background, incident, summary."""
    opening = []
    for raw in lines:
        if re.match(r"^(the |key )?findings\b", plain(raw), re.IGNORECASE):
            break
        opening.append(plain(raw))
    return " ".join(opening)


def _title(lines: list[str]) -> str:
    for raw in lines:
        found = CHILD.search(plain(raw))
        if found:
            return f"{found.group(1)} {found.group(2)}"
    return next((plain(raw) for raw in lines if plain(raw)), "")


def _partnership(text: str) -> str:
    full = Counter(match.group(1) for match in PARTNERSHIP.finditer(plain(text)))
    if full:
        name = full.most_common(1)[0][0]
        return re.sub(r"^(Response from|From|The) ", "", name)
    for initials, name in PARTNERSHIP_INITIALS.items():
        if name and re.search(rf"\b{initials}\b", text):
            return name
    return ""


def _year(lines: list[str]) -> int | None:
    """The month and year the document gives itself, near its start."""
    for raw in lines[:40]:
        text = plain(raw)
        if any(pattern.match(text) for pattern, kind in SECTIONS if kind is not None):
            break
        found = DATED.search(text)
        if found and len(text) < 60:
            return int(found.group(2))
    return None


def _age(text: str) -> str:
    body = plain(text)
    months = re.search(r"\b(\d{1,2})[- ]month[- ]old\b", body)
    if months:
        return f"{months.group(1)} months"
    birthday = re.search(r"\b(" + "|".join(ORDINALS) + r") birthday\b", body)
    if birthday:
        return f"{ORDINALS[birthday.group(1)]} years"
    years = re.search(r"\b(\d{1,2})[- ]year[- ]old\b", body)
    return f"{years.group(1)} years" if years else ""


def _agencies(lines: list[str]) -> list[str]:
    """The list that follows a sentence introducing the agencies involved."""
    found: list[str] = []
    listing = False
    for raw in lines:
        text = plain(raw)
        if INTRODUCES_AGENCIES.search(text):
            listing = True
            continue
        if not listing:
            continue
        bullet = BULLET.match(text)
        if bullet:
            found.append(bullet.group("text"))
        elif text and found and (not re.match(r"^[A-Z][\w' ]{1,40}$", text) or len(found) > 20):
            listing = False
    return found or _agencies_named(" ".join(plain(raw) for raw in lines))


def _agencies_named(text: str) -> list[str]:
    """Where a briefing lists no agencies, those its text names, in the order first named."""
    named = [(m.start(), name) for name, p in AGENCY_WORDS if (m := p.search(text))]
    return [name for _, name in sorted(named)]
