"""Compendium of the published voluntary reviews of a cycle, with every answer per GCM objective.

At full size (193 reviews × 23 objectives, ~2,300 pages) it is drawn in parts (secretariat.summaries.book), each
part a few reviews. The reviews are cut into parts at boundaries that depend on the States themselves (`_groups`),
not on their positions, so that publishing one more review changes one part (seldom two), and the parts kept from
the previous build are reused for every other review.
"""

import hashlib

from django.template.loader import render_to_string

from reviews.selectors import published_reviews_with_entries

from . import base_context, book

TEMPLATE = "secretariat/summaries/compendium.html"
PARTS_PER_PROCESS = 3  # a small compendium is cut into at least this many parts per process
PART_REVIEWS = 8  # a large one into parts of about this many reviews (~75 pages), whatever the processes


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
    return book.render(document, context, _parts(context), template=TEMPLATE, folder=_folder(document))


def draw_parts(document):
    """Draw and keep the parts of `document`'s compendium that are not stored yet (the nightly task); call in the
    document's language. Return how many parts were drawn."""
    _template, context = build(document)
    if not context["reviews"]:
        return 0
    return book.draw(_parts(context), folder=_folder(document))


def _folder(document):
    return f"summaries/compendium-parts/{document.cycle_id}/{document.language}"


def _parts(context):
    return [render_to_string("secretariat/summaries/compendium_part.html",
                             {**context, "reviews": reviews, "stamped": True})
            for reviews in _groups(context["reviews"], book.processes())]


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
