"""Full-text GIN index on the answers the site-wide search reads, stemmed in the review's language
(PostgreSQL only; the fields in the order of reviews.selectors.REVIEW_SEARCH_FIELDS)."""

from django.db import migrations

from core.search_indexes import content_vector_index


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_trigram_indexes"), ("core", "0003_content_vector_function")]
    operations = [content_vector_index("reviews.Review", [
        "policy_environment", "institutional_arrangements", "consultation_process", "principles_narrative",
        "means_of_implementation", "partnerships", "next_steps",
    ])]
