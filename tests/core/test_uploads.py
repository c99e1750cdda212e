import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import DOCUMENTS, IMAGES, validate_upload
from tests.uploadfiles import PDF, PNG, office_file


@pytest.mark.parametrize("name,content,kind", [
    ("report.pdf", PDF, "pdf"),
    ("report.docx", office_file("docx"), "docx"),
    ("annex.xlsx", office_file("xlsx"), "xlsx"),
    ("report.odt", office_file("odt"), "odt"),
])
def test_accepted_documents_are_recognised_by_content(name, content, kind):
    assert validate_upload(SimpleUploadedFile(name, content)) == kind


def test_a_renamed_executable_is_refused_with_the_accepted_types():
    upload = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError) as err:
        validate_upload(upload)
    message = err.value.messages[0]
    assert "not an accepted file type" in message and "PDF" in message and "report.pdf" in message


def test_an_oversized_file_is_refused_with_sizes_in_the_message():
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)
    with pytest.raises(ValidationError) as err:
        validate_upload(upload, max_bytes=1024)
    assert err.value.code == "too_large"
    assert "1.0\xa0KB" in err.value.messages[0]


def test_an_image_is_refused_where_documents_are_expected_but_accepted_as_image():
    with pytest.raises(ValidationError):
        validate_upload(SimpleUploadedFile("photo.png", PNG), kinds=DOCUMENTS)
    assert validate_upload(SimpleUploadedFile("photo.png", PNG), kinds=IMAGES) == "png"


def test_a_pdf_named_docx_asks_for_a_rename():
    with pytest.raises(ValidationError) as err:
        validate_upload(SimpleUploadedFile("report.docx", PDF))
    assert err.value.code == "bad_extension"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as err:
        validate_upload(SimpleUploadedFile("empty.pdf", b""))
    assert err.value.code == "empty"
