"""The public pages the benchmarks measure, with real ids from the database (shared by load.py and tests)."""


def public_pages():
    """[(name, path)] of every public list, search, detail and dashboard page, feeds and exports excluded."""
    from dialogues.models import Contribution, Dialogue
    from gcm.models import Objective, RoundTable
    from pledges.models import Pledge
    from practices.models import Practice
    from reviews.models import Review

    practice = Practice.objects.published().order_by("pk").first()
    pledge = Pledge.objects.published().order_by("pk").first()
    dialogue = Dialogue.objects.order_by("pk").first()
    contribution = Contribution.objects.published().order_by("pk").first()
    review = Review.objects.published().select_related("cycle", "member_state").order_by("pk").first()
    objective, round_table = Objective.objects.get(number=5), RoundTable.objects.get(number=3)
    pages = [
        ("home", "/en/"),
        ("practices", "/en/practices/"),
        ("practices filtered", "/en/practices/?objective=5&region=americas"),
        ("practices searched", "/en/practices/?q=trabajadoras+migrantes"),
        ("practices searched fr", "/fr/practices/?q=travailleurs"),
        ("practices deep page", "/en/practices/?page=500"),
        ("practice detail", f"/en/practices/{practice.pk}/"),
        ("pledges", "/en/pledges/"),
        ("pledges filtered", "/en/pledges/?joint=joint&scope=national"),
        ("pledges searched", "/en/pledges/?q=remittance"),
        ("pledges searched es", "/es/pledges/?q=trabajadoras+migrantes"),
        ("pledges deep page", "/en/pledges/?page=500"),
        ("pledge detail", f"/en/pledges/{pledge.pk}/"),
        ("pledge dashboard", "/en/pledges/dashboard/"),
        ("reviews", "/en/reviews/"),
        ("reviews filtered", "/en/reviews/?region=africa"),
        ("review detail", f"/en/reviews/{review.cycle.year}/{review.member_state.iso3}/"),
        ("dialogues", "/en/dialogues/"),
        ("dialogue detail", f"/en/dialogues/{dialogue.pk}/"),
        ("dialogue deep page", f"/en/dialogues/{dialogue.pk}/?page=500"),
        ("contribution detail", f"/en/dialogues/contributions/{contribution.pk}/"),
        ("objective page", objective.get_absolute_url()),
        ("round table page", round_table.get_absolute_url()),
        ("site search", "/en/search/?q=migrants"),
        ("site search es", "/es/search/?q=trabajadoras+migrantes"),
        ("site search zh", "/en/search/?q=%E7%A7%BB%E6%B0%91"),
        ("practices feed", "/en/practices/feed/"),
        ("practices atom feed", "/en/practices/feed/atom/"),
    ]
    return pages + api_pages()


def api_pages():
    """[(name, path)] of the open-data API's list endpoints: first page, filtered, deep cursor page; and a detail."""
    from dialogues.models import Contribution
    from pledges.models import Pledge
    from practices.models import Practice

    practice = Practice.objects.published().order_by("pk").first()
    return [
        ("api practices", "/api/v1/practices/"),
        ("api practices filtered", "/api/v1/practices/?objective=5&region=americas"),
        ("api practices searched", "/api/v1/practices/?q=trabajadoras+migrantes"),
        ("api practices deep", "/api/v1/practices/?cursor=" + _deep_cursor(Practice.objects.published())),
        ("api practice detail", f"/api/v1/practices/{practice.pk}/"),
        ("api pledges", "/api/v1/pledges/"),
        ("api pledges filtered", "/api/v1/pledges/?joint=joint&scope=national"),
        ("api pledges deep", "/api/v1/pledges/?cursor=" + _deep_cursor(Pledge.objects.published())),
        ("api reviews", "/api/v1/reviews/"),
        ("api reviews filtered", "/api/v1/reviews/?region=africa"),
        ("api dialogues", "/api/v1/dialogues/"),
        ("api contributions", "/api/v1/contributions/"),
        ("api contributions filtered", "/api/v1/contributions/?language=es"),
        ("api contributions deep", "/api/v1/contributions/?cursor=" + _deep_cursor(Contribution.objects.published())),
        ("api member states", "/api/v1/member-states/"),
        ("api member states filtered", "/api/v1/member-states/?region=africa"),
        ("api objectives", "/api/v1/objectives/"),
    ]


def _deep_cursor(published, depth=10_000):
    """The API cursor (newest first, by id) of the page that starts `depth` rows down, or halfway on a small
    database: the position is the id of the row before it, encoded as rest_framework's CursorPagination does."""
    from base64 import b64encode
    from urllib.parse import quote, urlencode

    ids = published.order_by("-pk").values_list("pk", flat=True)
    total = ids.count()
    position = ids[min(depth, total // 2)] if total else 0
    return quote(b64encode(urlencode({"p": position}).encode("ascii")).decode("ascii"))


EXPORTS = [
    ("practices CSV", "/en/practices/export.csv"),
    ("practices JSON", "/en/practices/export.json"),
    ("pledges CSV", "/en/pledges/export.csv"),
    ("pledges JSON", "/en/pledges/export.json"),
]


def count_queries(client, path):
    """(status code, number of SQL queries) of one GET through the Django test client, after a warm-up GET
    (process-wide caches such as the current Site are filled once per process, not per page)."""
    from django.db import connection

    _read(client.get(path))
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(path)
        _read(response)
    return response.status_code, len(executed)


def _read(response):
    if response.streaming:
        b"".join(response.streaming_content)

