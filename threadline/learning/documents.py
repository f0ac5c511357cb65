"""The text of an uploaded review, whatever it came as: plain text or markdown, PDF, DOCX.

The reader works on lines, so each format is turned into lines the way the document shows them:
a DOCX list paragraph becomes a bulleted line, a heading a line of its own, a table row its
cells separated by tabs; a PDF gives the lines pypdf extracts, page after page.
"""

from __future__ import annotations

import io
from pathlib import PurePath

TEXT_TYPES = {".txt", ".md", ".text"}
MAX_BYTES = 20 * 1024 * 1024


class DocumentError(ValueError):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def text_of(name: str, content: bytes) -> str:
    if len(content) > MAX_BYTES:
        raise DocumentError(name, "the file is larger than 20 MB")
    suffix = PurePath(name).suffix.lower()
    if suffix in TEXT_TYPES:
        return _plain_text(name, content)
    if suffix == ".pdf":
        return _pdf_text(name, content)
    if suffix == ".docx":
        return _docx_text(name, content)
    raise DocumentError(name, "a review must be a .txt, .md, .pdf or .docx file")


def _plain_text(name: str, content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(name, "the text is in an encoding that cannot be read")


def _pdf_text(name: str, content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = PdfReader(io.BytesIO(content)).pages
        text = "\n\n".join(page.extract_text() or "" for page in pages)
    except (PdfReadError, ValueError, KeyError) as error:
        raise DocumentError(name, f"the PDF cannot be read ({error})") from error
    if not text.strip():
        raise DocumentError(name, "the PDF holds no text (a scan needs reading by hand)")
    return text


def _docx_text(name: str, content: bytes) -> str:
    import zipfile

    from docx import Document
    from docx.oxml.ns import qn

    try:
        document = Document(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(name, "the DOCX file cannot be opened") from error
    lines: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        if block.tag == qn("w:p"):
            lines.extend(["", *_paragraph_lines(block)])
        elif block.tag == qn("w:tbl"):
            lines.append("")
            for row in block.iter(qn("w:tr")):
                cells = [_joined_text(cell) for cell in row.iter(qn("w:tc"))]
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _joined_text(element) -> str:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    return " ".join("".join(t.text or "" for t in element.iter(qn("w:t"))).split())


def _paragraph_lines(paragraph) -> list[str]:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    text = _joined_text(paragraph)
    if not text:
        return []
    properties = paragraph.find(qn("w:pPr"))
    listed = properties is not None and properties.find(qn("w:numPr")) is not None
    style = properties.find(qn("w:pStyle")) if properties is not None else None
    style_name = (style.get(qn("w:val")) or "") if style is not None else ""
    if listed or style_name.lower().startswith("list"):
        return [f"- {text}"]
    return [text]
