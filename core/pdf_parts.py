"""Long PDFs built in parts: each part laid out and drawn by WeasyPrint in its own process, then joined with pypdf.

One WeasyPrint pass costs ~45 ms of CPU a page, so a 2,300-page document takes minutes on one core. Its parts
are laid out concurrently (`lay_out_part`, one process each); the caller then knows every part's page count and
the page of every anchor, so it can draw its table of contents with the real page numbers, and stamp "Page N of
M" on each part afterwards (`stamp_part`: a blank WeasyPrint document holding only the footers, merged page by
page). `join_pdfs` puts the parts together. `PartStore` keeps drawn parts under the digest of their HTML, so a
document built again draws only the parts whose content changed.

Processes are forked, so they share the parent's Django setup (the URL fetcher reads the static files through it);
they only ever run WeasyPrint on HTML strings, never touch the database, and die with their parent.
"""

import ctypes
import hashlib
import io
import json
import logging
import multiprocessing
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import NamedTuple

from .pdf import PDF_BASE_URL, local_fetcher

logger = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1
PT_PER_PX = 0.75  # WeasyPrint lays out in CSS pixels (96 a inch); PDF user space is in points (72 an inch)


class PdfPart(NamedTuple):
    pdf: bytes
    pages: int
    anchors: dict  # {anchor id: page number within the part, from 1}


@contextmanager
def pdf_pool(processes):
    """An executor running at most `processes` WeasyPrint builds at once; with 1 (or 0), in this process."""
    if processes <= 1:
        yield _InlineExecutor()
        return
    with _may_have_children():
        pool = ProcessPoolExecutor(processes, multiprocessing.get_context("fork"), initializer=_die_with_parent)
        try:
            yield pool
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a failed build draws none of the parts still waiting
            raise
        pool.shutdown()


def lay_out_part(html):
    """Lay out and draw one part; return its PDF, its page count and the page each anchor is on."""
    document = _html(html).render()
    anchors = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            anchors.setdefault(name, number)
    return PdfPart(document.write_pdf(), len(document.pages), anchors)


def lay_out_front(html):
    """Lay out the front matter (cover, contents); return (pdf, pages, links).

    Its table of contents points at anchors in other parts: WeasyPrint cannot resolve them, so those links are
    taken out of the document and returned as [(page index, rectangle in PDF points, anchor)] for `join_pdfs`.
    """
    document = _html(html).render()
    links = []
    for index, page in enumerate(document.pages):
        areas = {}  # a link is one rectangle per box it spans (the text, its ::after…): one area for all
        for _type, anchor, (x1, y1, x2, y2), _box in (link for link in page.links if link[0] == "internal"):
            a1, b1, a2, b2 = areas.get(anchor, (x1, y1, x2, y2))
            areas[anchor] = (min(a1, x1), min(b1, y1), max(a2, x2), max(b2, y2))
        page.links = [link for link in page.links if link[0] != "internal"]
        height = page.height * PT_PER_PX
        links.extend((index, (x1 * PT_PER_PX, height - y2 * PT_PER_PX, x2 * PT_PER_PX, height - y1 * PT_PER_PX),
                      anchor) for anchor, (x1, y1, x2, y2) in areas.items())
    return document.write_pdf(), len(document.pages), links


def stamp_part(pdf, overlay_html):
    """Merge the pages of the WeasyPrint document `overlay_html` (footers only, as many pages as `pdf`) over the
    pages of `pdf`; return the stamped PDF."""
    from pypdf import PdfReader, PdfWriter

    overlay = PdfReader(io.BytesIO(_html(overlay_html).write_pdf()))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if len(overlay.pages) != len(writer.pages):
        raise ValueError(f"{len(overlay.pages)} footer pages for {len(writer.pages)} pages")
    for page, footer in zip(writer.pages, overlay.pages, strict=True):
        page.merge_page(footer)
        page.compress_content_streams()
    return _bytes(writer)


class PartStore:
    """Parts already laid out and drawn, kept in the default file storage under `folder`, each named by the digest
    of the HTML that drew it (with `salt`: whatever else its look depends on, e.g. the stylesheets) and of the
    WeasyPrint version. The same HTML always draws the same part, so a part found here is the part that drawing
    would give, and any change of content, wording, language or style misses it.

    A part is two files: `<digest>.pdf` and `<digest>.json` (pages, anchors), the latter written last; one that
    cannot be read back is treated as absent (and drawn again)."""

    def __init__(self, folder, *, salt=""):
        from weasyprint import __version__ as weasyprint_version

        self.folder, self._salt = folder.rstrip("/"), f"{weasyprint_version}\0{salt}\0"

    def key(self, html):
        return hashlib.sha256((self._salt + html).encode()).hexdigest()

    def load(self, key):
        from django.core.files.storage import default_storage

        try:
            with default_storage.open(self._name(key, "json")) as handle:
                meta = json.load(handle)
            with default_storage.open(self._name(key, "pdf")) as handle:
                pdf = handle.read()
        except (OSError, ValueError):  # absent, or half written by a build that died
            return None
        if hashlib.sha256(pdf).hexdigest() != meta.get("sha256"):
            logger.warning("Stored PDF part %s/%s does not match its digest; drawing it again.", self.folder, key)
            return None
        return PdfPart(pdf, meta["pages"], meta["anchors"])

    def save(self, key, part):
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        for extension, content in (("pdf", part.pdf), ("json", json.dumps(
                {"pages": part.pages, "anchors": part.anchors, "sha256": hashlib.sha256(part.pdf).hexdigest()}
        ).encode())):
            name = self._name(key, extension)
            default_storage.delete(name)  # a leftover of a build that died: replaced, never saved beside
            default_storage.save(name, ContentFile(content))

    def prune(self, keep):
        """Delete the stored parts whose key is not in `keep` (those of earlier versions of the document)."""
        from django.core.files.storage import default_storage

        try:
            _folders, files = default_storage.listdir(self.folder)
        except (OSError, NotImplementedError):
            return
        keep = set(keep)
        for name in files:
            if name.rpartition(".")[0] not in keep:
                default_storage.delete(f"{self.folder}/{name}")

    def _name(self, key, extension):
        return f"{self.folder}/{key}.{extension}"


def done(result):
    """A future already holding `result` (a part found in a PartStore, beside the parts being drawn)."""
    future = Future()
    future.set_result(result)
    return future


def join_pdfs(pdfs, *, links=(), anchors=None, language=""):
    """One PDF of `pdfs` in order, with the metadata of the first. `links` [(page index, rectangle, anchor)] become
    link annotations to the page (index in the joined document) that `anchors` gives for each anchor."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import NameObject, TextStringObject

    readers = [PdfReader(io.BytesIO(pdf)) for pdf in pdfs]
    writer = PdfWriter()
    for reader in readers:
        writer.append(reader)
    if readers and readers[0].metadata:
        writer.add_metadata(dict(readers[0].metadata))
    if language:
        writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    for index, rect, anchor in links:
        target = (anchors or {}).get(anchor)
        if target is not None:
            writer.add_annotation(index, Link(rect=rect, target_page_index=target))
    return _bytes(writer)


def _html(html):
    from weasyprint import HTML

    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=local_fetcher())


def _bytes(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@contextmanager
def _may_have_children():
    """Celery's prefork pool processes are daemonic, and multiprocessing refuses a daemon children (it could not
    wait for them when it is stopped). The part processes are waited for when the pool shuts down and die with
    their parent (`_die_with_parent`), so the flag is lifted while the pool lives."""
    process = multiprocessing.current_process()
    daemon = process.daemon
    if daemon:
        process.daemon = False
    try:
        yield
    finally:
        if daemon:
            process.daemon = True


def _die_with_parent():
    """A part process must not outlive the build that started it (a killed worker leaves no orphan)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class _InlineExecutor:
    """The executor interface, run in the calling process."""

    def submit(self, function, *args):
        future = Future()
        try:
            future.set_result(function(*args))
        except Exception as err:  # noqa: BLE001 - handed to the caller through the future, like a pool
            future.set_exception(err)
        return future
