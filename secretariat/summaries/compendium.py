"""Compendium of the published voluntary reviews of a cycle, with every answer per GCM objective.

At full size (193 reviews × 23 objectives, ~2,300 pages) one WeasyPrint pass takes minutes, so `render` builds it
in parts laid out concurrently (core.pdf_parts), SUMMARY_PDF_PROCESSES at a time:

1. the reviews are cut into parts, each laid out and drawn in its own process, without page numbers; meanwhile
   the front matter (cover, contents) is laid out once to count its pages;
2. the page counts give every chapter's page and the total: each part gets its "Page N of M" footers stamped
   (again concurrently), while the front matter is drawn with them;
3. the PDFs are joined, the contents linked to the chapters.

A part, once drawn, is kept (core.pdf_parts.PartStore, one folder per cycle and language) under the digest of its
HTML: the next compendium of the cycle draws only the parts whose reviews changed, were published or withdrawn,
and reuses the others; its numbering and the date of its data are stamped afresh on every build. The reviews are
cut into parts at boundaries that depend on the States themselves (`_groups`), not on their positions, so that
publishing one more review changes one part, not every part after it.
"""

import hashlib
import logging
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from core.pdf_parts import PartStore, done, join_pdfs, lay_out_front, lay_out_part, pdf_pool, stamp_part
from reviews.selectors import published_reviews_with_entries

from . import base_context

TEMPLATE = "secretariat/summaries/compendium.html"
logger = logging.getLogger(__name__)
PARTS_PER_PROCESS = 3  # a small compendium is cut into at least this many parts per process
PART_REVIEWS = 8  # a large one into parts of about this many reviews (~75 pages), whatever the processes
STYLESHEETS = ("css/pdf.css", "css/summary_pdf.css")  # what a part's look depends on beside its HTML


def build(document):
    reviews = published_reviews_with_entries(document.cycle)
    chapters = [(f"review-{review.pk}", str(review.member_state.name)) for review in reviews]
    return TEMPLATE, base_context(document, chapters, reviews=reviews)


def render(document):
    """The compendium's PDF bytes, built in parts; call in the document's language. None when no review is
    published (the caller renders the one-page template as usual)."""
    _template, context = build(document)
    if not context["reviews"]:
        return None
    processes = max(1, settings.SUMMARY_PDF_PROCESSES)
    store, keys, parts = _plan(document, context, processes)
    started = time.perf_counter()
    with pdf_pool(processes) as pool:
        futures, drawing = _lay_out(pool, store, keys, parts)
        front_pages = lay_out_front(_front_html(context, {}, total=0))[1]  # meanwhile, here
        laid_out = _keep(store, keys, futures, drawing)
        drawn = time.perf_counter()
        for _attempt in range(3):  # the contents' length hardly depends on its page numbers: check, not assume
            anchors, total = _pages(front_pages, laid_out)
            stamped = _stamp(pool, context, laid_out, front_pages, total)
            front, pages, links = lay_out_front(_front_html(context, anchors, total))  # meanwhile, here
            if pages == front_pages:
                break
            front_pages = pages
        else:
            raise RuntimeError("The table of contents does not settle on a number of pages.")
        stamped = [future.result() for future in stamped]
    numbered = time.perf_counter()
    pdf = join_pdfs([front, *stamped], links=links, anchors={name: page - 1 for name, page in anchors.items()},
                    language=context["document"].language)
    store.prune(keys)
    logger.info("Compendium %s: %s pages in %s parts (%s drawn, the others stored) by %s processes; parts %.1f s, "
                "numbering %.1f s, joining %.1f s.", context["document"].pk, total, len(parts), sum(drawing), processes,
                drawn - started, numbered - drawn, time.perf_counter() - numbered)
    return pdf


def draw_parts(document):
    """Draw and keep the parts of `document`'s compendium that are not stored yet, without building it (the
    nightly task does it, so that the next compendium requested draws little); call in the document's language.
    Return how many parts were drawn."""
    _template, context = build(document)
    if not context["reviews"]:
        return 0
    processes = max(1, settings.SUMMARY_PDF_PROCESSES)
    store, keys, parts = _plan(document, context, processes)
    with pdf_pool(processes) as pool:
        futures, drawing = _lay_out(pool, store, keys, parts)
        _keep(store, keys, futures, drawing)
    store.prune(keys)
    return sum(drawing)


def _plan(document, context, processes):
    """(the document's part store, the key of each part, the HTML of each part)."""
    parts = [_part_html(context, part) for part in _groups(context["reviews"], processes)]
    store = PartStore(f"summaries/compendium-parts/{document.cycle_id}/{document.language}", salt=_style_digest())
    return store, [store.key(html) for html in parts], parts


def _lay_out(pool, store, keys, parts):
    """(a future of every part: the stored one, or one being drawn by the pool; whether each is being drawn)."""
    stored = {key: store.load(key) for key in set(keys)}
    futures = [done(stored[key]) if stored[key] else pool.submit(lay_out_part, html)
               for key, html in zip(keys, parts, strict=True)]
    return futures, [stored[key] is None for key in keys]


def _keep(store, keys, futures, drawing):
    """The parts of `futures` once drawn, those just drawn saved in the store."""
    laid_out = [future.result() for future in futures]
    for key, part, drawn in zip(keys, laid_out, drawing, strict=True):
        if drawn:
            store.save(key, part)
    return laid_out


def _stamp(pool, context, laid_out, front_pages, total):
    """Futures of the parts with their footers, numbered from the page after the front matter's `front_pages`."""
    futures, first = [], front_pages + 1
    for part in laid_out:
        futures.append(pool.submit(stamp_part, part.pdf, _numbers_html(context, first, part.pages, total)))
        first += part.pages
    return futures


def _groups(reviews, processes):
    """The reviews, in order, cut into parts of about `target` reviews: a part of at least half the target ends
    after a review whose State's code hashes to 0 modulo half the target (at twice the target in any case), so a
    review added or removed moves the boundaries of its own part, seldom of the next, never of the others.
    The target is PART_REVIEWS, smaller for a compendium too small to give every process a few parts."""
    target = max(1, min(PART_REVIEWS, len(reviews) // (processes * PARTS_PER_PROCESS)))
    half = max(1, target // 2)
    groups, current = [], []
    for review in reviews:
        current.append(review)
        digest = hashlib.blake2b(review.member_state.iso3.encode(), digest_size=4).digest()
        if len(current) >= 2 * target or (len(current) >= target // 2 and int.from_bytes(digest, "big") % half == 0):
            groups.append(current)
            current = []
    return [*groups, current] if current else groups


def _style_digest():
    digest = hashlib.sha256()
    for name in STYLESHEETS:
        path = finders.find(name)
        digest.update(name.encode() + b"\0" + (Path(path).read_bytes() if path else b""))
    return digest.hexdigest()


def _pages(front_pages, laid_out):
    """({anchor: page in the whole book}, total pages) once the front matter has `front_pages` pages."""
    anchors, offset = {}, front_pages
    for part in laid_out:
        anchors.update({name: offset + page for name, page in part.anchors.items()})
        offset += part.pages
    return anchors, offset


def _front_html(context, anchors, total):
    chapters = [(anchor, label, anchors.get(anchor, 0)) for anchor, label in context["chapters"]]
    return render_to_string(TEMPLATE, {**context, "chapters": chapters, "front_only": True, "toc_fixed": True,
                                       "book_total": total or 9999})


def _part_html(context, reviews):
    return render_to_string("secretariat/summaries/compendium_part.html",
                            {**context, "reviews": reviews, "stamped": True})


def _numbers_html(context, first_page, pages, total):
    return render_to_string("secretariat/summaries/page_numbers.html",
                            {**context, "first_page": first_page, "page_range": range(pages), "book_total": total})
