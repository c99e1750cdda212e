"""Per-language search at scale: time of the pledge list search and of the site-wide search, per query language.

Run it on a PostgreSQL database loaded with `manage.py seed_scale` (it reads, never writes). For comparison it
also times the pledge list's former match (icontains only). It prints figures; it asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/femi_bench .venv/bin/python benchmarks/search_languages.py
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [("es", "trabajadoras migrantes"), ("en", "migrants"), ("fr", "travailleurs"), ("en", "移民")]


def timed(fn, text, repeat):
    fn(text)  # warm-up
    start = time.perf_counter()
    for _ in range(repeat):
        fn(text)
    return 1000 * (time.perf_counter() - start) / repeat


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    import django

    django.setup()
    from django.db.models import Q
    from django.http import QueryDict
    from django.utils import translation

    from dialogues.models import Contribution
    from pledges.models import Pledge
    from pledges.selectors import pledge_list
    from search.selectors import site_search

    def pledge_page(text):
        found = pledge_list(params=QueryDict(f"q={text}")).qs
        return found.count(), list(found[:20])

    def former_pledge_page(text):
        found = Pledge.objects.published()
        for word in text.split():
            found = found.filter(Q(title__icontains=word) | Q(narrative__icontains=word)
                                 | Q(reference__icontains=word) | Q(organization__name__icontains=word)
                                 | Q(organization__acronym__iexact=word))
        return found.count(), list(found[:20])

    print(f"{Pledge.objects.count()} pledges, {Contribution.objects.count()} contributions")
    print(f"{'page language':<14} {'query':<24} {'pledge list ms':>15} {'former ms':>10} {'site search ms':>15}")
    for language, text in QUERIES:
        with translation.override(language):
            page = timed(pledge_page, text, args.repeat)
            former = timed(former_pledge_page, text, args.repeat)
            site = timed(site_search, text, args.repeat)
        print(f"{language:<14} {text:<24} {page:>15.1f} {former:>10.1f} {site:>15.1f}")


if __name__ == "__main__":
    main()
