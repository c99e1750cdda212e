"""Arabic and Chinese PDFs (review PDF, pledge campaign summary): real glyphs from the Noto fonts, Arabic shaped and
right to left, the source text read back. Latin PDFs keep their own fonts.

pypdf reads WeasyPrint's Arabic back in logical order within each run (the words come out as typed); shaped
glyphs map back to their base letters, and NFKC folds any presentation form, so the source string is compared
after NFKC on both sides. Tofu is ruled out by looking at the glyph ids themselves (tests/pdftext.pdf_fonts).
"""

import os
import unicodedata
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from gcm.models import Cycle, MemberState, Objective
from reviews.enums import ReviewStatus
from reviews.selectors import review_pdf_context
from reviews.services import review_build_pdf
from secretariat.models import ROUND_TABLE_KINDS, SummaryKind
from secretariat.services import summary_request
from tests.pdftext import pdf_fonts, pdf_text
from tests.pledges.factories import PublishedPledgeFactory
from tests.reviews.factories import complete_review

pytestmark = pytest.mark.django_db

FONT_FILES = {
    "fonts-noto-core": Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
    "fonts-noto-cjk": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
}
ARABIC_POLICY = "اعتمدت الحكومة سياسة وطنية جديدة للهجرة تحمي حقوق العمال المهاجرين"
CHINESE_POLICY = "政府通过了新的国家移民政策，保护移民工人的权利"


@pytest.fixture(autouse=True)
def _noto_fonts():
    missing = [package for package, path in FONT_FILES.items() if not path.exists()]
    if missing:
        message = f"Arabic and Chinese PDFs need Debian's {' and '.join(missing)} (apt-get install {' '.join(missing)})"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must install them.")
        pytest.skip(message)


def nfkc(text):
    return " ".join(unicodedata.normalize("NFKC", text).split())


def assert_real_glyphs(pdf, family):
    fonts = pdf_fonts(pdf)
    assert any(name.startswith(family) for name in fonts), fonts
    assert {name: bad for name, bad in fonts.items() if bad} == {}  # no .notdef, no id past the font's end


def _review_pdf(iso3, language, policy):
    review = complete_review(status=ReviewStatus.PUBLISHED, iso3=iso3, language=language, objectives=(8,),
                             published_at=timezone.now(), policy_environment=policy)
    review_build_pdf(review_id=review.pk)
    review.refresh_from_db()
    with review.pdf_file.open("rb") as handle:
        return review, handle.read()


def test_arabic_review_pdf_is_right_to_left_in_noto_arabic_and_reads_back():
    review, pdf = _review_pdf("EGY", "ar", ARABIC_POLICY)
    with translation.override("ar"):
        html = render_to_string("reviews/review_pdf.html", review_pdf_context(review))
        state, objective = MemberState.objects.get(iso3="EGY").name, Objective.objects.get(number=8).short_title
    assert '<html lang="ar" dir="rtl">' in html
    assert_real_glyphs(pdf, "Noto-Naskh-Arabic")
    text = nfkc(pdf_text(pdf))
    for source in (ARABIC_POLICY, state, objective):  # user content, country name, reference data
        assert nfkc(source) in text


def test_chinese_review_pdf_uses_noto_sans_cjk_and_reads_back():
    review, pdf = _review_pdf("CHN", "zh", CHINESE_POLICY)
    with translation.override("zh-hans"):
        html = render_to_string("reviews/review_pdf.html", review_pdf_context(review))
        objective = Objective.objects.get(number=8).short_title
    assert '<html lang="zh-hans" dir="ltr">' in html
    assert_real_glyphs(pdf, "Noto-Sans-CJK-SC")
    text = nfkc(pdf_text(pdf))
    assert nfkc(CHINESE_POLICY) in text and objective in text and "中国" in text


def test_english_review_pdf_keeps_its_latin_font_only():
    _review, pdf = _review_pdf("COL", "en", "A new national migration policy was adopted in 2028.")
    fonts = pdf_fonts(pdf)
    assert "Noto-Sans" in fonts and not [name for name in fonts if "CJK" in name or "Arabic" in name], fonts
    assert "A new national migration policy was adopted in 2028." in pdf_text(pdf)


@pytest.mark.parametrize("language,title,family", [
    ("ar", "مراكز استقبال مشتركة للمهاجرين", "Noto-Naskh-Arabic"),
    ("zh-hans", "共同的移民接待中心", "Noto-Sans-CJK-SC"),
])
def test_pledge_campaign_summary_in_arabic_and_chinese(secretariat_user, django_capture_on_commit_callbacks,
                                                       language, title, family):
    PublishedPledgeFactory(title=title, objectives=[8], is_joint=True)
    with django_capture_on_commit_callbacks(execute=True):
        document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(),
                                   kind=SummaryKind.PLEDGE_CAMPAIGN, language=language)
    document.refresh_from_db()
    assert document.status == "done", document.error
    with document.file.open("rb") as handle:
        pdf = handle.read()
    assert_real_glyphs(pdf, family)
    with translation.override(language):
        objective = str(Objective.objects.get(number=8).short_title)  # a chart label (HTML beside the SVG)
    text = nfkc(pdf_text(pdf))
    assert nfkc(title) in text and nfkc(objective) in text


def test_tofu_is_detected():
    """The glyph check itself: a character no font has is counted."""
    from weasyprint import HTML

    pdf = HTML(string='<html lang="en"><body><p>ab \ue000 cd</p></body></html>').write_pdf()
    assert sum(pdf_fonts(pdf).values()) == 1


@pytest.mark.parametrize("kind", [k for k in SummaryKind.values if k != SummaryKind.PLEDGE_CAMPAIGN])
@pytest.mark.parametrize("language,family", [("ar", "Noto-Naskh-Arabic"), ("zh-hans", "Noto-Sans-CJK-SC")])
def test_every_other_summary_document_in_arabic_and_chinese(secretariat_user, django_capture_on_commit_callbacks,
                                                            kind, language, family):
    from gcm.models import RoundTable
    from practices.enums import PracticeStatus
    from tests.practices.factories import PracticeFactory

    complete_review(status=ReviewStatus.PUBLISHED, iso3="EGY", objectives=(2,), published_at=timezone.now())
    practice = {"ar": "التسجيل القنصلي المتنقل", "zh-hans": "流动领事登记"}[language]
    PracticeFactory(status=PracticeStatus.PUBLISHED, title=practice, objectives=[2])
    round_table = RoundTable.objects.get(number=1) if kind in ROUND_TABLE_KINDS else None
    contribution = {"ar": "مكاتب استقبال بلدية للقادمين الجدد", "zh-hans": "为新移民设立市政接待处"}[language]
    if kind == SummaryKind.COMPILATION:
        from tests.dialogues.factories import ContributionFactory

        ContributionFactory(round_table=round_table, status="published", text=contribution,
                            language=language.split("-")[0])
    with django_capture_on_commit_callbacks(execute=True):
        document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=kind, language=language,
                                   round_table=round_table)
    document.refresh_from_db()
    assert document.status == "done", document.error
    with document.file.open("rb") as handle:
        pdf = handle.read()
    assert_real_glyphs(pdf, family)
    with translation.override(language):
        state = MemberState.objects.get(iso3="EGY").name
    # The digest lists practices, the compilation contributions; the other summaries name the States that reviewed.
    expected = {SummaryKind.PRACTICE_DIGEST: practice, SummaryKind.COMPILATION: contribution}.get(kind, state)
    assert nfkc(expected) in nfkc(pdf_text(pdf))
