"""Outside programs some tests drive (LibreOffice, pdftotext): skipped where missing on a
developer's machine, required where CI installs them (``CAUCUS_REQUIRE_TOOLS``), so a test
that CI must run can never pass by being skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def need(*names: str) -> str:
    """The path of the first of ``names`` on this machine; else skip, or fail in CI."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{' or '.join(names)} is not installed"
    if os.environ.get("CAUCUS_REQUIRE_TOOLS"):
        pytest.fail(f"CAUCUS_REQUIRE_TOOLS is set but {message}")
    pytest.skip(message)


def need_file(path: Path, what: str) -> Path:
    """``path`` (a part of a program, e.g. LibreOffice Calc's library) if it is there; else
    skip, or fail in CI."""
    if path.exists():
        return path
    message = f"{what} is not installed ({path})"
    if os.environ.get("CAUCUS_REQUIRE_TOOLS"):
        pytest.fail(f"CAUCUS_REQUIRE_TOOLS is set but {message}")
    pytest.skip(message)


def libreoffice_convert(source: Path, to: str, *, timeout: int = 180) -> Path:
    """``source`` converted by headless LibreOffice (``to``: "fodt", "pdf"...), in a profile of
    its own beside it; the converted file's path. Needs LibreOffice (see ``need``)."""
    office = need("soffice", "libreoffice")
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{source.parent / 'lo-profile'}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=timeout,
    )
    return source.with_suffix("." + to.split(":")[0])
