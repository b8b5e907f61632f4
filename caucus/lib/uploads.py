"""The checks every uploaded document gets, on the member report form and the staff pages
alike: a type we accept, by the file's name and by its first bytes (so a renamed program, or an
HTML page named .pdf, is refused with the same plain message), and a size limit.
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Extension → the bytes such a file starts with (None: plain text, checked as text).
ALLOWED_TYPES: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".txt": None,
    ".eml": None,
}
ALLOWED_LABEL = "PDF, PNG, JPG, TXT, EML (saved e-mail) or DOCX"


def check_attachment(upload: UploadedFile) -> None:
    """Raise a ValidationError, in words a member understands, unless the file is one we keep."""
    name = upload.name or ""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise forms.ValidationError(
            f"“{name}” is not a file type we accept. Please send a {ALLOWED_LABEL} file, "
            "or a screenshot.",
            code="type",
        )
    if (upload.size or 0) > MAX_ATTACHMENT_BYTES:
        raise forms.ValidationError(
            f"That file is {filesizeformat(upload.size)}; the limit is "
            f"{filesizeformat(MAX_ATTACHMENT_BYTES)}. A screenshot or a PDF of the pages that "
            "matter is enough.",
            code="size",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = ALLOWED_TYPES[suffix]
    is_right = b"\x00" not in head if signatures is None else head.startswith(signatures)
    if not is_right:
        raise forms.ValidationError(
            f"“{name}” does not look like a real {suffix[1:].upper()} file. "
            "Please attach the file itself, or a screenshot.",
            code="content",
        )


class DocumentField(forms.FileField):
    """A file field that only takes a document :func:`check_attachment` accepts."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_TYPES)})
        )
        kwargs.setdefault(
            "help_text", f"{ALLOWED_LABEL}, up to {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB."
        )
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> object:
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            check_attachment(upload)
        return upload
