"""Reading the five seed reviews against hand-made ground truth (tests/learning/ground_truth,
written from the documents by hand, not from the reader's output): every finding and
recommendation found with its own text and boundaries, none invented; the other kinds too."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from threadline.learning.documents import DocumentError, text_of
from threadline.learning.reading import BULLET, plain, read_text

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
TRUTH = Path(__file__).parent / "ground_truth"
STEMS = sorted(p.stem for p in TRUTH.glob("0*.json"))
MEASURED = ("finding", "recommendation")


def normal(text: str) -> str:
    return " ".join(plain(text).split())


def truth(stem: str) -> dict:
    return json.loads((TRUTH / f"{stem}.json").read_text())


def scores(stem: str, text: str | None = None) -> dict[str, tuple[int, int, int]]:
    """Per kind: (found with the right text, in the ground truth, read but not in it)."""
    reading = read_text(text if text is not None else (SEEDS / f"{stem}.txt").read_text())
    got = [(i.kind, normal(i.text)) for i in reading.items]
    want = [(i["kind"], normal(i["text"])) for i in truth(stem)["items"]]
    kinds = {k for k, _ in want} | {k for k, _ in got}
    return {
        kind: (
            sum(1 for x in want if x[0] == kind and x in got),
            sum(1 for x in want if x[0] == kind),
            sum(1 for x in got if x[0] == kind and x not in want),
        )
        for kind in kinds
    }


@pytest.mark.parametrize("stem", STEMS)
def test_findings_and_recommendations_are_read_with_their_boundaries(stem: str) -> None:
    per_kind = scores(stem)
    found = sum(per_kind.get(k, (0, 0, 0))[0] for k in MEASURED)
    wanted = sum(per_kind.get(k, (0, 0, 0))[1] for k in MEASURED)
    invented = sum(per_kind.get(k, (0, 0, 0))[2] for k in MEASURED)
    print(f"{stem}: findings and recommendations {found}/{wanted}, invented {invented}")
    assert found >= 0.9 * wanted and invented == 0, per_kind


@pytest.mark.parametrize("stem", STEMS)
def test_every_other_kind_is_read_too(stem: str) -> None:
    for kind, (found, wanted, invented) in scores(stem).items():
        assert found >= 0.9 * wanted and invented == 0, (kind, found, wanted, invented)


@pytest.mark.parametrize("stem", STEMS)
def test_title_partnership_year_and_labels(stem: str) -> None:
    expected = truth(stem)
    reading = read_text((SEEDS / f"{stem}.txt").read_text())
    assert (reading.title, reading.partnership, reading.year) == (
        expected["title"],
        expected["partnership"],
        expected["year"],
    )
    labels = {normal(i["text"]): i["label"] for i in expected["items"]}
    for item in reading.items:
        assert item.label == labels.get(normal(item.text), item.label), item.text[:60]


def test_the_childs_age_and_harm_are_read_where_the_review_gives_them() -> None:
    ak, e, q = (read_text((SEEDS / f"{s}.txt").read_text()) for s in (STEMS[0], STEMS[1], STEMS[4]))
    assert ak.child_age == "2 years" and "non-accidental injury" in ak.harm
    assert e.child_age == "4 months" and "overlay" in e.harm
    assert q.child_age == "14 months" and "drowning" in q.harm
    assert "West Yorkshire Police" in e.agencies and "CAFCASS" in e.agencies


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    last = None  # a line straight after a bullet is that bullet's paragraph carried on
    for line in text.splitlines():
        words = plain(line)
        if not words:
            last = None
            continue
        bullet = BULLET.match(words)
        if last is not None and not bullet and "\t" not in line:
            last.add_run(" " + words)
        elif bullet and not words[0].isdigit():
            last = document.add_paragraph(bullet.group("text"), style="List Bullet")
        elif "\t" in line:
            cells = line.split("\t")
            row = document.add_table(rows=1, cols=len(cells)).rows[0]
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = plain(value)
        else:
            document.add_paragraph(words)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(text: str) -> bytes:
    """A plain PDF of the text, a line per line, written by hand (no PDF writer is needed)."""
    lines = [plain(line) for line in text.splitlines()]
    pages = [lines[n : n + 50] for n in range(0, len(lines), 50)]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects.append(font)
    kids = []
    for page in pages:
        parts = ["BT /F1 9 Tf 40 800 Td 11 TL"]
        for line in page:
            safe = line.encode("cp1252", "replace").decode("cp1252")
            safe = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            parts.append(f"({safe}) '")
        parts.append("ET")
        stream = "\n".join(parts)
        objects.append(f"<< /Length {len(stream.encode('cp1252'))} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("cp1252")
    table = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF".encode()
    )
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_a_review_as_docx_reads_as_the_text_does(stem: str) -> None:
    text = (SEEDS / f"{stem}.txt").read_text()
    from_docx = text_of(f"{stem}.docx", as_docx(text))
    assert scores(stem, from_docx) == scores(stem)


def test_a_review_as_pdf_reads_its_findings_and_recommendations() -> None:
    stem = STEMS[3]  # Children Ag: its characters are all in the PDF's standard font
    from_pdf = text_of(f"{stem}.pdf", as_pdf((SEEDS / f"{stem}.txt").read_text()))
    per_kind = scores(stem, from_pdf)
    for kind in MEASURED:
        found, wanted, invented = per_kind[kind]
        assert found >= 0.9 * wanted and invented == 0, (kind, per_kind)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("review.xlsx", b"x", "must be a .txt, .md, .pdf or .docx"),
        ("review.pdf", b"not a pdf", "the PDF cannot be read"),
        ("review.docx", b"not a zip", "the DOCX file cannot be opened"),
    ],
)
def test_a_file_that_cannot_be_read_is_named_with_why(name, content, words) -> None:
    with pytest.raises(DocumentError) as refused:
        text_of(name, content)
    assert refused.value.name == name and words in refused.value.message
