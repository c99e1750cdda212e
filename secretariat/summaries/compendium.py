"""Compendium of the published voluntary reviews of a cycle, with every answer per GCM objective.

At full size (193 reviews × 23 objectives, ~2,300 pages) one WeasyPrint pass takes minutes, so `render` builds it
in parts laid out concurrently (core.pdf_parts), SUMMARY_PDF_PROCESSES at a time:

1. the reviews are cut into parts, each laid out and drawn in its own process, without page numbers; meanwhile
   the front matter (cover, contents) is laid out once to count its pages;
2. the page counts give every chapter's page and the total: each part gets its "Page N of M" footers stamped
   (again concurrently), while the front matter is drawn with them;
3. the PDFs are joined, the contents linked to the chapters.
"""

import logging
import time
from math import ceil

from django.conf import settings
from django.template.loader import render_to_string

from core.pdf_parts import join_pdfs, lay_out_front, lay_out_part, pdf_pool, stamp_part
from reviews.selectors import published_reviews_with_entries

from . import base_context

TEMPLATE = "secretariat/summaries/compendium.html"
logger = logging.getLogger(__name__)
PARTS_PER_PROCESS = 3  # smaller parts even out the processes' loads at the end of each round


def build(document):
    reviews = published_reviews_with_entries(document.cycle)
    chapters = [(f"review-{review.pk}", str(review.member_state.name)) for review in reviews]
    return TEMPLATE, base_context(document, chapters, reviews=reviews)


def render(document):
    """The compendium's PDF bytes, built in parts; call in the document's language. None when no review is
    published (the caller renders the one-page template as usual)."""
    _template, context = build(document)
    reviews = context["reviews"]
    if not reviews:
        return None
    processes = max(1, settings.SUMMARY_PDF_PROCESSES)
    parts = _cut(reviews, processes * PARTS_PER_PROCESS)
    started = time.perf_counter()
    with pdf_pool(processes) as pool:
        laid_out = [pool.submit(lay_out_part, _part_html(context, part)) for part in parts]
        front_pages = lay_out_front(_front_html(context, {}, total=0))[1]
        laid_out = [future.result() for future in laid_out]
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
    logger.info("Compendium %s: %s pages in %s parts by %s processes; parts %.1f s, numbering %.1f s, joining %.1f s.",
                context["document"].pk, total, len(parts), processes, drawn - started, numbered - drawn,
                time.perf_counter() - numbered)
    return pdf


def _stamp(pool, context, laid_out, front_pages, total):
    """Futures of the parts with their footers, numbered from the page after the front matter's `front_pages`."""
    futures, first = [], front_pages + 1
    for part in laid_out:
        futures.append(pool.submit(stamp_part, part.pdf, _numbers_html(context, first, part.pages, total)))
        first += part.pages
    return futures


def _cut(reviews, parts):
    size = ceil(len(reviews) / parts)
    return [reviews[start:start + size] for start in range(0, len(reviews), size)]


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
