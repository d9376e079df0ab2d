"""A fingerprint of everything that goes into a letter, so an unchanged re-run need not render.

The workspace part covers the bytes of every data file, every template and
house style, every club's own house style and logo, and the code of brief
itself (so an upgrade renders again); a letter's fingerprint adds what the
batch chose for it (municipality, party, kind, date, club, measures). When
the register knows the file on disk was written from the same fingerprint,
rendering would give the same bytes again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from brievenbus.letters.workspace import Workspace

_PACKAGE_DIR = Path(__file__).resolve().parents[1]


def workspace_fingerprint(workspace: Workspace) -> str:
    """The sha256 over all inputs a letter can depend on, computed once per run."""
    digest = hashlib.sha256()
    files: list[Path] = sorted(workspace.dataset.paths.values())
    for folder in workspace.template_folders:
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.is_file()))
    for club in workspace.dataset.clubs.values():
        files.extend(workspace.club_file(name) for name in (club.huisstijl, club.logo) if name)
    files.extend(sorted(_PACKAGE_DIR.rglob("*.py")))
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(_read(path) + b"\0")
    return digest.hexdigest()


def letter_fingerprint(workspace_digest: str, choices: Iterable[object]) -> str:
    """The fingerprint of one letter: the workspace's plus what was chosen for it."""
    text = "\0".join([workspace_digest, *(repr(choice) for choice in choices)])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # missing or unreadable: rendering will say so
        return b"<missing>"
