from django.test import RequestFactory

from core.drafts import pop_stash, stash_post


def test_stashed_post_comes_back_once_without_the_csrf_token():
    request = RequestFactory().post("/en/reviews/x/", {"progress": "Texto largo", "csrfmiddlewaretoken": "t"})
    token = stash_post(request)
    restored = pop_stash(token)
    assert restored["progress"] == "Texto largo"
    assert "csrfmiddlewaretoken" not in restored
    assert pop_stash(token) is None


def test_a_tampered_stash_token_gives_nothing():
    request = RequestFactory().post("/x/", {"a": "b"})
    token = stash_post(request)
    assert pop_stash(token[:-2] + "xx") is None
