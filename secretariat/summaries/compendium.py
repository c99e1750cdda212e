"""Compendium of the published voluntary reviews of a cycle, with every answer per GCM objective."""

from reviews.selectors import published_reviews_with_entries

from . import base_context


def build(document):
    reviews = published_reviews_with_entries(document.cycle)
    chapters = [(f"review-{review.pk}", str(review.member_state.name)) for review in reviews]
    return "secretariat/summaries/compendium.html", base_context(document, chapters, reviews=reviews)
