"""The checks every uploaded document gets, on the member report form and the staff pages
alike: a type we accept, by the file's name and by its first bytes (so a renamed program, or an
HTML page named .pdf, is refused with the same plain message), and a size limit.

Office files (DOCX, XLSX) are ZIP archives whose XML can unpack to a thousand times its packed
size: :func:`check_unpacked` refuses one that would unpack past a limit before anything parses
it, from the sizes its ZIP directory declares and, when asked, by counting what each part
really inflates to (some readers, calamine among them, trust the data over the directory).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, gettext_lazy

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
ALLOWED_LABEL = gettext_lazy("PDF, PNG, JPG, TXT, EML (saved e-mail) or DOCX")


def attachment_help() -> str:
    return gettext("%(types)s, up to %(size)s MB.") % {
        "types": ALLOWED_LABEL,
        "size": MAX_ATTACHMENT_BYTES // (1024 * 1024),
    }


def check_attachment(upload: UploadedFile) -> None:
    """Raise a ValidationError, in words a member understands, unless the file is one we keep."""
    name = upload.name or ""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise forms.ValidationError(
            gettext(
                "“%(name)s” is not a file type we accept. Please send a %(types)s file, "
                "or a screenshot."
            )
            % {"name": name, "types": ALLOWED_LABEL},
            code="type",
        )
    if (upload.size or 0) > MAX_ATTACHMENT_BYTES:
        raise forms.ValidationError(
            gettext(
                "That file is %(size)s; the limit is %(limit)s. A screenshot or a PDF of the "
                "pages that matter is enough."
            )
            % {
                "size": filesizeformat(upload.size or 0),
                "limit": filesizeformat(MAX_ATTACHMENT_BYTES),
            },
            code="size",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = ALLOWED_TYPES[suffix]
    is_right = b"\x00" not in head if signatures is None else head.startswith(signatures)
    if not is_right:
        raise forms.ValidationError(
            gettext(
                "“%(name)s” does not look like a real %(type)s file. "
                "Please attach the file itself, or a screenshot."
            )
            % {"name": name, "type": suffix[1:].upper()},
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


MB = 1024 * 1024
# A part that unpacks to more than this many times its packed size is refused (when it is
# large enough to matter): real Office XML packs 5 to 20 times, a ZIP bomb hundreds of times.
MAX_PACKING_RATIO = 100
RATIO_FROM_BYTES = 1 * MB
MAX_PARTS = 10_000
CHUNK = 64 * 1024


class UnpackedTooLarge(ValueError):
    """An Office file that would unpack past a limit, or whose ZIP directory cannot be trusted."""


def max_upload_bytes() -> int:
    """The largest roster file accepted (``CAUCUS_MAX_UPLOAD_MB``)."""
    return int(settings.CAUCUS_MAX_UPLOAD_MB) * MB


def max_unpacked_bytes() -> int:
    """The most an Office file may unpack to (``CAUCUS_MAX_UNPACKED_MB``)."""
    return int(settings.CAUCUS_MAX_UNPACKED_MB) * MB


def check_upload_size(upload: UploadedFile, limit: int | None = None) -> None:
    """A ValidationError naming the file and the limit when the upload is larger."""
    limit = max_upload_bytes() if limit is None else limit
    if (upload.size or 0) > limit:
        raise forms.ValidationError(
            f"“{upload.name}” is {_size(upload.size or 0)}; the limit is {_size(limit)}.",
            code="size",
        )


def check_unpacked(
    file: str | Path | IO[bytes],
    *,
    name: str,
    limit: int | None = None,
    inflate: bool = False,
) -> None:
    """Raise UnpackedTooLarge, naming the file and the limit, unless the ZIP-based Office file
    unpacks to at most ``limit`` bytes (``CAUCUS_MAX_UNPACKED_MB`` by default) with no part
    packed more than ``MAX_PACKING_RATIO`` times.

    The sizes are those the ZIP directory declares; with ``inflate`` every part is also
    inflated, in bounded chunks and discarded, to check that it is no larger than declared.
    A file that is not a ZIP at all passes: its reader will say it cannot read it.
    """
    limit = max_unpacked_bytes() if limit is None else limit
    handle = open(file, "rb") if isinstance(file, (str, Path)) else file  # noqa: SIM115
    start = handle.tell()
    try:
        handle.seek(0)
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError):
            return
        with archive:
            parts = archive.infolist()
            _check_directory(parts, name, limit)
            if inflate:
                _check_inflated(handle, parts, name, limit)
    finally:
        if isinstance(file, (str, Path)):
            handle.close()
        else:
            handle.seek(start)


def _size(n: int) -> str:
    return str(filesizeformat(n)).replace("\xa0", " ")


def _check_directory(parts: list[zipfile.ZipInfo], name: str, limit: int) -> None:
    if len(parts) > MAX_PARTS:
        raise UnpackedTooLarge(
            f"“{name}” holds {len(parts):,} parts; an Office file holds at most {MAX_PARTS:,}."
        )
    total = sum(p.file_size for p in parts)
    if total > limit:
        raise UnpackedTooLarge(
            f"“{name}” would unpack to {_size(total)}; the limit is {_size(limit)}."
        )
    for part in parts:
        packed = max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_BYTES and part.file_size > MAX_PACKING_RATIO * packed:
            raise UnpackedTooLarge(
                f"“{name}” is refused as a ZIP bomb: its part {part.filename} unpacks to "
                f"{_size(part.file_size)} from {_size(part.compress_size)}, "
                f"{part.file_size // packed:,} times its packed size; the limit is "
                f"{MAX_PACKING_RATIO} times."
            )


def _check_inflated(handle: IO[bytes], parts: list[zipfile.ZipInfo], name: str, limit: int) -> None:
    total = 0
    for part in parts:
        if part.flag_bits & 0x1:
            raise UnpackedTooLarge(f"“{name}” is encrypted; save it without a password.")
        if part.compress_type == zipfile.ZIP_STORED:
            size = part.compress_size
        elif part.compress_type == zipfile.ZIP_DEFLATED:
            size = _inflated_size(handle, part, name)
        else:
            raise UnpackedTooLarge(
                f"“{name}” packs {part.filename} in a way Office files never do; it is refused."
            )
        if size > part.file_size:
            raise UnpackedTooLarge(
                f"“{name}” is refused as a ZIP bomb: its part {part.filename} unpacks to more "
                f"than the {_size(part.file_size)} its ZIP directory declares."
            )
        total += size
        if total > limit:
            raise UnpackedTooLarge(f"“{name}” unpacks to more than the limit, {_size(limit)}.")


def _inflated_size(handle: IO[bytes], part: zipfile.ZipInfo, name: str) -> int:
    """How many bytes the part's data inflates to, counted (and discarded) in bounded chunks,
    up to just past the size its directory entry declares."""
    damaged = f"“{name}” is damaged: its part {part.filename} cannot be unpacked."
    handle.seek(part.header_offset)
    header = handle.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise UnpackedTooLarge(damaged)
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    handle.seek(part.header_offset + 30 + name_length + extra_length)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left, size = part.compress_size, 0
    try:
        while left > 0 and size <= part.file_size and not inflater.eof:
            data = handle.read(min(left, CHUNK))
            if not data:
                break
            left -= len(data)
            while data and size <= part.file_size:
                size += len(inflater.decompress(data, CHUNK))
                data = inflater.unconsumed_tail
        if left <= 0 and size <= part.file_size:
            size += len(inflater.flush())
    except zlib.error as error:
        raise UnpackedTooLarge(damaged) from error
    return size
