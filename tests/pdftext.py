"""Read a built PDF as a reader does: its pages' text (body only, or with the running header
and page number), fonts, outline and links. With pypdf."""
from __future__ import annotations

import unicodedata
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4
#: the text area of our A4 pages: what lies above or below it is the running header or the page number
BODY = (20 * MM, (297 - 21) * MM)


def reader(path: Path) -> PdfReader:
    return PdfReader(BytesIO(path.read_bytes()))


def lines(page, *, body_only: bool = True) -> list[tuple[float, str]]:
    """The page's text, piece by piece, with each piece's height from the foot of the page."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        y = cm[5] + tm[5] * cm[3] if cm else tm[5]
        if text.strip() and (not body_only or BODY[0] <= y <= BODY[1]):
            found.append((y, text))
    page.extract_text(visitor_text=visit)
    return found


def body_text(page) -> str:
    return "".join(text for _, text in lines(page))


def squeezed(text: str) -> str:
    """The text without spaces, line breaks and punctuation: what must match, wherever lines break."""
    return "".join(c for c in text if not c.isspace() and not unicodedata.category(c).startswith("P"))


def embedded_fonts(pdf: PdfReader) -> dict[str, bool]:
    """Each font the pages use (its base name): whether its file is in the PDF."""
    found = {}
    for page in pdf.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for face in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                descriptor = face.get("/FontDescriptor")
                if descriptor is not None:
                    descriptor = descriptor.get_object()
                    found[str(face["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def outline(pdf: PdfReader) -> list[tuple[int, str, int]]:
    """The bookmarks: (depth, title, page index), in order."""
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, pdf.get_destination_page_number(item)))
    walk(pdf.outline, 0)
    return out


def links(pdf: PdfReader) -> list[tuple[int, str]]:
    """Links inside the document: (page index, the name of their destination)."""
    out = []
    for index, page in enumerate(pdf.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                out.append((index, str(annotation["/Dest"])))
    return out
