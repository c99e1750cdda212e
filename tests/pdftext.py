"""Read the text of a PDF in tests with pypdf: no system binary (poppler's pdftotext) is needed."""

import io
from pathlib import Path

from pypdf import PdfReader


def pdf_text(source) -> str:
    """The text of every page, whitespace folded to single spaces. `source`: bytes, a path, or a file object."""
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    elif isinstance(source, (str, Path)):
        source = Path(source).open("rb")
    reader = PdfReader(source)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_page_count(source) -> int:
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    return len(PdfReader(source).pages)
