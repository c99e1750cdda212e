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


def pdf_fonts(source) -> dict[str, int]:
    """{embedded font name (subset prefix removed): glyphs shown that the font does not have}.

    WeasyPrint writes every glyph as its id in the embedded font (Identity-H). A character no font covers comes out
    as id 0 (.notdef) or as an id past the end of the font: both are tofu boxes, counted here. Needs fontTools
    (a WeasyPrint dependency)."""
    from fontTools.ttLib import TTFont
    from pypdf.generic import ContentStream

    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    reader = PdfReader(source)
    sizes, bad = {}, {}  # sizes by font object: a joined PDF holds one subset of a font per part
    for page in reader.pages:
        fonts = dict(page["/Resources"]["/Font"].items())
        font = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                ref = fonts[operands[0]]
                font, key = ref.get_object(), getattr(ref, "idnum", id(ref))
            elif operator in (b"Tj", b"TJ"):
                name = str(font["/BaseFont"]).split("+", 1)[-1]
                if key not in sizes:
                    sizes[key] = _glyph_count(font, TTFont)
                    bad.setdefault(name, 0)
                for item in operands[0] if operator == b"TJ" else [operands[0]]:
                    if isinstance(item, (str, bytes)):
                        raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                        glyphs = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]
                        bad[name] += sum(1 for glyph in glyphs if glyph == 0 or glyph >= sizes[key])
    return bad


def _glyph_count(font, ttfont):
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    program = next(descriptor[key] for key in ("/FontFile2", "/FontFile3", "/FontFile") if key in descriptor)
    return ttfont(io.BytesIO(program.get_object().get_data()))["maxp"].numGlyphs
