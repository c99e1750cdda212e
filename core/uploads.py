"""Upload validation: the content is sniffed (never trust the name or the browser's type), checked against an
allow-list and a size cap, with a clear message for the user. Office documents must be real OOXML/ODF packages
whose members do not expand past a cap (zip bombs); files that are also another format (polyglots: a zip hidden
in a PDF or image, HTML/script markup in a document) are refused. Stored names are generated (see
`stored_upload_name`), never the path a browser sent."""

import io
import os
import re
import secrets
import zipfile
from xml.etree import ElementTree

import filetype
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
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
# Content type of each OOXML kind's main part, as declared in [Content_Types].xml.
_OOXML_MAIN_TYPES = {
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
             "application/vnd.ms-word.document.macroEnabled.main+xml"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"},
}
ZIP_KINDS = ("docx", "xlsx", "pptx", "odt", "ods", "odp")
# Zip-bomb limits: members' declared uncompressed sizes (zipfile never inflates a member past its declared size).
MAX_MEMBERS = 5000
MAX_RATIO = 200
_CONTENT_TYPES_MAX = 1024 * 1024
_MARKUP = re.compile(rb"<\s*(?:script|html|body|iframe|object|embed|svg)[\s>/]|javascript:", re.IGNORECASE)
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
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
    _check_name(upload.name)
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
    _check_content(upload, kind)
    return kind


def _check_name(name):
    """Refuse names a browser would never send: a path, a NUL or control character, a bare dot name."""
    name = name or ""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if _NAME_CONTROL.search(name) or base != name or base.strip(". ") == "":
        raise ValidationError(
            _("The file name “%(name)s” contains a character that is not allowed; please rename the file."),
            code="bad_name", params={"name": _NAME_CONTROL.sub("", name)},
        )


def _refuse(upload, message, code):
    raise ValidationError(message, code=code, params={"name": upload.name})


def _check_content(upload, kind):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if kind in ZIP_KINDS:
        _check_package(upload, kind, data)
        return
    # A PDF or image that is also a zip archive (the end-of-archive record) or carries HTML/script markup is a
    # polyglot: a browser or another program may read it as that other format.
    if zipfile.is_zipfile(io.BytesIO(data)) or _MARKUP.search(data):
        _refuse(upload, _("“%(name)s” also contains another kind of content (an archive or web page markup) "
                          "and cannot be accepted. Please save it again as a plain document."), "polyglot")


def _check_package(upload, kind, data):
    """A real OOXML/ODF package: starts at byte 0, nothing appended, members within the expansion caps."""
    bad = _("“%(name)s” is not a valid %(kind)s document. Please open it and save it again.")
    params = {"name": upload.name, "kind": KINDS[kind][0]}
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            tail = data[-(22 + len(archive.comment)):]
            if min((m.header_offset for m in members), default=1) != 0 or not tail.startswith(b"PK\x05\x06"):
                raise ValidationError(bad, code="bad_package", params=params)
            _check_expansion(upload, members)
            if kind in _OOXML_MAIN_TYPES and not _is_ooxml(archive, kind):
                raise ValidationError(bad, code="bad_package", params=params)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, EOFError,
            NotImplementedError, RuntimeError):
        raise ValidationError(bad, code="bad_package", params=params) from None
    finally:
        upload.seek(0)


def _check_expansion(upload, members):
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    cap = settings.UPLOAD_MAX_UNCOMPRESSED_BYTES
    params = {"name": upload.name, "size": filesizeformat(total), "limit": filesizeformat(cap)}
    if len(members) > MAX_MEMBERS or total > cap:
        raise ValidationError(_("“%(name)s” expands to %(size)s when opened, more than the %(limit)s allowed."),
                              code="zip_bomb", params=params)
    if total > 1024 * 1024 and total > MAX_RATIO * max(packed, 1):
        raise ValidationError(_("“%(name)s” is compressed far more than a real document (it expands to %(size)s "
                                "when opened) and cannot be accepted."), code="zip_bomb", params=params)


def _is_ooxml(archive, kind):
    """[Content_Types].xml declares the kind's main part, and that part is in the package."""
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > _CONTENT_TYPES_MAX:
        return False
    text = archive.read(info)
    if b"<!DOCTYPE" in text.upper() or b"<!ENTITY" in text.upper():
        return False
    root = ElementTree.fromstring(text)
    names = set(archive.namelist())
    for node in root:
        if node.tag.rsplit("}", 1)[-1] == "Override" and node.get("ContentType") in _OOXML_MAIN_TYPES[kind]:
            part = (node.get("PartName") or "").lstrip("/")
            if part in names and part.startswith(_OOXML_PARTS[kind]):
                return True
    return False


def _valid(part):
    try:
        return get_valid_filename(part)
    except SuspiciousFileOperation:
        return ""


def stored_upload_name(directory, filename):
    """Where an upload is stored: under `directory`, in a fresh random folder, with a sanitized base name, so a
    name a browser sent can neither climb out of MEDIA_ROOT nor overwrite another file."""
    base = _NAME_CONTROL.sub("", os.path.basename((filename or "").replace("\\", "/")))
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem, extension = _valid(stem[:80]) or "file", _valid(extension[:10])
    return f"{directory}/{secrets.token_hex(8)}/{stem}{'.' + extension if extension else ''}"


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
