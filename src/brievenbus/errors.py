"""Errors a user can fix. The CLI prints them without a traceback and exits 1.

Every message is Dutch, says where (``file:line``) and, through ``hint``, what
to do next. Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path
from typing import Self


@dataclass(frozen=True)
class Problem:
    """One problem at one place in a user's file."""

    path: Path | None
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        return f"{text}\n  → {self.hint}" if self.hint else text


class BriefError(Exception):
    """Base class: a problem the user can fix, reported as one or more Problems."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def simple(cls, message: str, hint: str = "", path: Path | None = None) -> Self:
        """Make an error with a single problem."""
        return cls(Problem(path, None, message, hint))


class DataError(BriefError):
    """A data file (YAML) is unreadable or invalid, or refers to something unknown."""


class TemplateError(BriefError):
    """A letter template has a syntax error or uses something that does not exist."""


class OutputError(BriefError):
    """A letter could not be written where it should go."""


class NetworkError(BriefError):
    """CBS's open-data service could not be reached, or did not answer as expected."""


# The operating system's reasons (English) for the common cases, in Dutch.
_OS_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
    errno.EEXIST: "er staat al een bestand met die naam",
    errno.ENOTDIR: "dat is geen map",
    errno.EISDIR: "dat is een map",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen",
}


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in Dutch where we know the reason."""
    return _OS_REASONS.get(error.errno or 0, error.strerror or str(error))


def document_reason(error: BaseException) -> str:
    """Why a Word document (a zip of XML parts) could not be read, in Dutch."""
    import zipfile  # only when a document is broken: keeps `brief --help` fast

    if isinstance(error, OSError):
        return os_reason(error)
    if isinstance(error, zipfile.BadZipFile) or type(error).__name__ == "PackageNotFoundError":
        return "het is geen .docx-bestand"
    if isinstance(error, KeyError):
        return "er ontbreekt een onderdeel van het document"
    return "het document is beschadigd"
