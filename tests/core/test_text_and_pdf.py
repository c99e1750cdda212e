import pytest

from core.pdf import ForbiddenResource, local_url_fetcher, render_pdf
from core.text import render_markdown
from tests.pdftext import pdf_text


def test_markdown_keeps_structure_and_drops_scripts():
    html = render_markdown("**Bold** [link](https://example.org)\n\n<script>alert(1)</script><img src=x onerror=y>")
    assert "<strong>Bold</strong>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "<script" not in html and "onerror" not in html and "<img" not in html


def test_markdown_refuses_javascript_links():
    assert "javascript:" not in render_markdown("[x](javascript:alert(1))")


def test_pdf_fetcher_refuses_network_urls():
    with pytest.raises(ForbiddenResource):
        local_url_fetcher("https://example.org/tracker.png")
    with pytest.raises(ForbiddenResource):
        local_url_fetcher("file:///etc/passwd")


def test_pdf_fetcher_serves_local_static_files():
    result = local_url_fetcher("file:///femi/static/css/portal.css")
    assert result is not None


def test_render_pdf_produces_a_pdf_with_the_text(tmp_path):
    from django.template import engines

    template = engines["django"].from_string(
        '{% extends "core/pdf_base.html" %}{% block content %}<h1>{{ title }}</h1>{% endblock content %}'
    )
    pdf = render_pdf(template, {"title": "Voluntary review of Colombia"})
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Voluntary review of Colombia" in text


def test_markdown_excerpt_is_plain_escaped_text():
    from django.template import Context, Template

    rendered = Template("{% load portal %}{{ text|markdown_excerpt:5 }}").render(Context({
        "text": "Las vías deben incluir **portabilidad de derechos** <script>alert(1)</script> y más"}))
    assert "**" not in rendered and "<script>" not in rendered and "<strong>" not in rendered
    assert rendered.startswith("Las vías deben incluir portabilidad")
    assert rendered.endswith("…")


def test_page_of_pages_puts_the_counters_where_the_translation_puts_them():
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load portal %}{% css_page_of_pages %}")
    with translation.override("en"):
        assert template.render(Context()) == '"Page " counter(page) " of " counter(pages)'
    with translation.override("zh-hans"):
        chinese = template.render(Context())
    assert chinese.index("counter(page)") < chinese.index("counter(pages)")
    assert "%(" not in chinese and '"' in chinese
