"""Upload validation: the content is sniffed (never trust the name or the browser's type), checked against an
allow-list and a size cap, with a clear message for the user."""

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# kind -> (label, extensions, sniffed MIME types)
KINDS = {
    "pdf": ("PDF", {"pdf"}, {"application/pdf"}),
    "docx": ("Word (DOCX)", {"docx"}, {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
    "xlsx": ("Excel (XLSX)", {"xlsx"}, {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    "pptx": (
        "PowerPoint (PPTX)",
        {"pptx"},
        {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    ),
    "odt": ("OpenDocument text (ODT)", {"odt"}, {"application/vnd.oasis.opendocument.text"}),
    "ods": ("OpenDocument spreadsheet (ODS)", {"ods"}, {"application/vnd.oasis.opendocument.spreadsheet"}),
    "odp": ("OpenDocument presentation (ODP)", {"odp"}, {"application/vnd.oasis.opendocument.presentation"}),
    "jpeg": ("JPEG", {"jpg", "jpeg"}, {"image/jpeg"}),
    "png": ("PNG", {"png"}, {"image/png"}),
    "webp": ("WebP", {"webp"}, {"image/webp"}),
}
DOCUMENTS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp")
IMAGES = ("jpeg", "png", "webp")

_OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF_MIMES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def sniff_kind(upload):
    """The kind of file `upload` really is (a key of KINDS), or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    guess = filetype.guess(head)
    mime = guess.mime if guess else None
    for kind, (_label, _exts, mimes) in KINDS.items():
        if mime in mimes:
            return kind
    if head.startswith(b"PK"):
        return _sniff_zip_document(upload)
    return None


def _sniff_zip_document(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                return _ODF_MIMES.get(archive.read("mimetype").decode("ascii", "ignore").strip())
            for kind, prefix in _OOXML_PARTS.items():
                if "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names):
                    return kind
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def validate_upload(upload, *, kinds=DOCUMENTS, max_bytes=None):
    """Raise ValidationError with a clear message unless `upload` is one of `kinds` and within the size cap."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s."),
            code="too_large",
            params={"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": upload.name})
    kind = sniff_kind(upload)
    if kind not in kinds:
        raise ValidationError(
            _("“%(name)s” is not an accepted file type. Accepted: %(accepted)s."),
            code="bad_type",
            params={"name": upload.name, "accepted": ", ".join(KINDS[k][0] for k in kinds)},
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in KINDS[kind][1]:
        raise ValidationError(
            _("“%(name)s” is a %(kind)s file but its name ends in “.%(ext)s”; please rename it."),
            code="bad_extension",
            params={"name": upload.name, "kind": KINDS[kind][0], "ext": extension},
        )
    return kind


@deconstructible
class UploadValidator:
    """Model/form field validator wrapping validate_upload()."""

    def __init__(self, kinds=DOCUMENTS, max_bytes=None):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload):
        if getattr(upload, "_committed", False) and not hasattr(upload, "content_type"):
            return  # a file already stored, not a new upload
        validate_upload(upload, kinds=self.kinds, max_bytes=self.max_bytes)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and (self.kinds, self.max_bytes) == (other.kinds, other.max_bytes)


def accept_attribute(kinds=DOCUMENTS):
    """Value for an <input type=file accept=…> attribute."""
    return ",".join(sorted("." + ext for k in kinds for ext in KINDS[k][1]))
