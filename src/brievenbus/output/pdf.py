"""PDF copies of letters through LibreOffice: one process for a whole batch."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from brievenbus.errors import OutputError, os_reason
from brievenbus.fileio import atomic_write

# Where installers put LibreOffice when it is not on the PATH.
KNOWN_LOCATIONS = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((p for p in KNOWN_LOCATIONS if Path(p).is_file()), None)


def install_hint(platform: str | None = None) -> str:
    """How to install LibreOffice on the user's system (sys.platform), in Dutch."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return (
            "installeer LibreOffice in PowerShell met: winget install"
            " TheDocumentFoundation.LibreOffice, of gratis via www.libreoffice.org"
        )
    if platform == "darwin":
        return (
            "installeer LibreOffice met Homebrew: brew install --cask libreoffice,"
            " of gratis via www.libreoffice.org"
        )
    if platform.startswith(("linux", "freebsd")):
        return (
            "installeer LibreOffice met de pakketbeheerder van uw systeem, bv."
            " sudo apt install libreoffice-writer (Debian, Ubuntu) of"
            " sudo dnf install libreoffice-writer (Fedora)"
        )
    return "installeer LibreOffice (gratis, www.libreoffice.org)"


def require_soffice() -> str:
    """LibreOffice, or a Dutch error that says how to install it on this system."""
    soffice = find_soffice()
    if soffice is None:
        raise OutputError.simple(
            "voor --pdf is LibreOffice nodig, maar het is niet gevonden",
            install_hint() + "; of laat --pdf weg",
        )
    return soffice


def convert_to_pdf(docx_paths: Sequence[Path]) -> dict[Path, Path]:
    """Convert letters to PDFs beside them, in one LibreOffice run; return docx → pdf.

    Letters with the same name in different folders (vvd.docx) are converted
    under numbered copies, and a private LibreOffice profile keeps a copy the
    user has open from interfering.
    """
    if not docx_paths:
        return {}
    soffice = require_soffice()
    with tempfile.TemporaryDirectory(prefix="brief-pdf-") as temporary:
        work = Path(temporary)
        inputs = []
        for index, path in enumerate(docx_paths):
            copy = work / f"{index}.docx"
            shutil.copyfile(path, copy)
            inputs.append(str(copy))
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profiel').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "pdf"),
            *inputs,
        ]
        timeout = 120 + 5 * len(inputs)
        try:
            subprocess.run(command, capture_output=True, check=False, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as error:
            reason = (
                f"geen antwoord binnen {timeout} seconden"
                if isinstance(error, subprocess.TimeoutExpired)
                else os_reason(error)
            )
            raise OutputError.simple(
                f"LibreOffice kon de brieven niet omzetten naar PDF ({reason})",
                "probeer het opnieuw zonder --pdf, of open de brief in Word en sla hem op als PDF",
            ) from None
        converted = {}
        for index, path in enumerate(docx_paths):
            pdf = work / "pdf" / f"{index}.pdf"
            if pdf.is_file():
                target = path.with_suffix(".pdf")
                atomic_write(target, pdf.read_bytes())
                converted[path] = target
        return converted
