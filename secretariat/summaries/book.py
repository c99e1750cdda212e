"""Long summary documents drawn in parts (the compendium of reviews, the round-table compilation).

At full size such a document runs to thousands of pages, and one WeasyPrint pass takes minutes, so `render` draws
it in parts laid out concurrently (core.pdf_parts), SUMMARY_PDF_PROCESSES at a time:

1. every part (its HTML given by the document's module) is laid out and drawn in its own process, without page
   numbers; meanwhile the front matter (cover, contents) is laid out once to count its pages;
2. the page counts give every chapter's page and the total: each part gets its "Page N of M" footers and the date
   of its data stamped (again concurrently), while the front matter is drawn with them;
3. the PDFs are joined, the contents linked to the chapters.

A part, once drawn, is kept (core.pdf_parts.PartStore, in the folder the document's module names) under the digest
of its HTML: the next build of the same document draws only the parts whose content changed and reuses the
others; what changes from one build to the next (page numbers, the date of the data) is stamped on every build.
"""

import hashlib
import logging
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from core.pdf_parts import PartStore, done, join_pdfs, lay_out_front, lay_out_part, pdf_pool, stamp_part

logger = logging.getLogger(__name__)
STYLESHEETS = ("css/pdf.css", "css/summary_pdf.css")  # what a part's look depends on beside its HTML


def processes():
    return max(1, settings.SUMMARY_PDF_PROCESSES)


def render(document, context, parts, *, template, folder):
    """The PDF bytes of `document`: the front matter of `template` (rendered with `front_only`) and `parts`
    (HTML strings, in order), numbered as one book; drawn parts kept under `folder`. Call in the document's
    language."""
    store = PartStore(folder, salt=_style_digest())
    keys = [store.key(html) for html in parts]
    workers = processes()
    started = time.perf_counter()
    with pdf_pool(workers) as pool:
        futures, drawing = _lay_out(pool, store, keys, parts)
        front_pages = lay_out_front(_front_html(template, context, {}, total=0))[1]  # meanwhile, here
        laid_out = _keep(store, keys, futures, drawing)
        drawn = time.perf_counter()
        for _attempt in range(3):  # the contents' length hardly depends on its page numbers: check, not assume
            anchors, total = _pages(front_pages, laid_out)
            stamped = _stamp(pool, context, laid_out, front_pages, total)
            front, pages, links = lay_out_front(_front_html(template, context, anchors, total))  # meanwhile
            if pages == front_pages:
                break
            front_pages = pages
        else:
            raise RuntimeError("The table of contents does not settle on a number of pages.")
        stamped = [future.result() for future in stamped]
    numbered = time.perf_counter()
    pdf = join_pdfs([front, *stamped], links=links, anchors={name: page - 1 for name, page in anchors.items()},
                    language=document.language)
    store.prune(keys)
    logger.info("%s %s: %s pages in %s parts (%s drawn, the others stored) by %s processes; parts %.1f s, "
                "numbering %.1f s, joining %.1f s.", document.kind, document.pk, total, len(parts), sum(drawing),
                workers, drawn - started, numbered - drawn, time.perf_counter() - numbered)
    return pdf


def draw(parts, *, folder):
    """Draw and keep the `parts` not stored under `folder` yet, without building the document (the nightly task
    does it, so that the next request draws little); return how many were drawn."""
    store = PartStore(folder, salt=_style_digest())
    keys = [store.key(html) for html in parts]
    with pdf_pool(processes()) as pool:
        futures, drawing = _lay_out(pool, store, keys, parts)
        _keep(store, keys, futures, drawing)
    store.prune(keys)
    return sum(drawing)


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


def _pages(front_pages, laid_out):
    """({anchor: page in the whole book}, total pages) once the front matter has `front_pages` pages."""
    anchors, offset = {}, front_pages
    for part in laid_out:
        anchors.update({name: offset + page for name, page in part.anchors.items()})
        offset += part.pages
    return anchors, offset


def _front_html(template, context, anchors, total):
    chapters = [(anchor, label, anchors.get(anchor, 0)) for anchor, label in context["chapters"]]
    return render_to_string(template, {**context, "chapters": chapters, "front_only": True, "toc_fixed": True,
                                       "book_total": total or 9999})


def _numbers_html(context, first_page, pages, total):
    return render_to_string("secretariat/summaries/page_numbers.html",
                            {**context, "first_page": first_page, "page_range": range(pages), "book_total": total})


def _style_digest():
    digest = hashlib.sha256()
    for name in STYLESHEETS:
        path = finders.find(name)
        digest.update(name.encode() + b"\0" + (Path(path).read_bytes() if path else b""))
    return digest.hexdigest()
