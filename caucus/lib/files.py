"""Stored files: the one way Caucus sends one to a browser, and a local path to read one.

Files are never served from a public address (nothing serves ``MEDIA_URL``): each is sent by a
view that first checks the right of the page it belongs to, through :func:`send_stored_file`,
always as a download (``Content-Disposition: attachment``), with ``nosniff`` and a type chosen
from a short list of safe ones by the file's extension, anything else going out as
``application/octet-stream`` — so an uploaded ``.html`` is never rendered as a page of the
site. With ``CAUCUS_FILE_SENDER=nginx`` the view hands the sending to the web server with
``X-Accel-Redirect`` (docs/deployment.md); Django still decides who gets the file.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase

# The only types a stored file is sent as; everything else is a plain download.
SAFE_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".eml": "message/rfc822",
    ".parquet": "application/vnd.apache.parquet",
}
OTHER = "application/octet-stream"
READ_WHOLE_BYTES = 16 * 1024 * 1024


def safe_type(name: str) -> str:
    return SAFE_TYPES.get(Path(name).suffix.lower(), OTHER)


def _disposition(download_name: str) -> str:
    ascii_name = download_name.encode("ascii", "replace").decode().replace('"', "")
    plain = f'attachment; filename="{ascii_name}"'
    if ascii_name == download_name:
        return plain
    return f"{plain}; filename*=UTF-8''{quote(download_name)}"  # RFC 6266, for "José.csv"


def send_stored_file(file: FieldFile | None, download_name: str | None = None) -> HttpResponseBase:
    """The stored ``file`` as a download. The caller has checked the right to it."""
    if not file or not file.name:
        raise Http404("No such file.")
    name = download_name or Path(file.name).name
    response: HttpResponseBase
    if settings.CAUCUS_FILE_SENDER == "nginx":
        response = HttpResponse(content_type=safe_type(name))
        response["X-Accel-Redirect"] = f"{settings.CAUCUS_FILE_INTERNAL_URL}{quote(file.name)}"
    else:
        try:
            size = file.size
            handle = file.open("rb")
        except FileNotFoundError:
            raise Http404("No such file.") from None
        if size <= READ_WHOLE_BYTES:
            # Small files are read whole, so no file handle outlives the request.
            with handle:
                response = HttpResponse(handle.read(), content_type=safe_type(name))
        else:
            response = FileResponse(handle, content_type=safe_type(name))
    response["Content-Disposition"] = _disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@contextmanager
def local_path(field_file: Any, name: str) -> Iterator[Path]:
    """A path on this machine holding a stored file (a temporary copy when storage is remote)."""
    try:
        path = Path(field_file.path)
    except NotImplementedError:  # storage without local paths (S3 and the like)
        path = None
    if path is not None:
        yield path
        return
    with tempfile.NamedTemporaryFile(suffix=Path(name).suffix) as copy:
        with field_file.open("rb") as source:
            shutil.copyfileobj(source, copy)
        copy.flush()
        yield Path(copy.name)
