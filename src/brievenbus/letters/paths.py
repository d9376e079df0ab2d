"""File names for letters: one slug function, safe on Windows, macOS and Linux."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

MAX_SLUG_LENGTH = 80
# Names Windows refuses as file names, whatever the extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


@lru_cache(maxsize=4096)  # a batch asks for every municipality's slug once per party
def slugify(text: str) -> str:
    """'Bergen (NH)' → 'bergen-nh'; "'s-Gravenhage" → 's-gravenhage'; never empty."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:MAX_SLUG_LENGTH].strip("-")
    if not slug:
        slug = "naamloos"
    return f"{slug}-" if slug in _WINDOWS_RESERVED else slug


@lru_cache(maxsize=8192)  # planned twice per letter in a batch (checks, then jobs)
def letter_path(municipality: str, party: str | None = None, via_clerk: bool = False) -> Path:
    """Where a letter goes in the output folder (DESIGN §8).

    ``huizen.docx``; per party ``huizen/vvd.docx``; a council whose parties
    are unknown gets ``hilversum/gemeenteraad.docx``.
    """
    folder = slugify(municipality)
    if party is not None:
        return Path(folder, slugify(party) + ".docx")
    if via_clerk:
        return Path(folder, "gemeenteraad.docx")
    return Path(folder + ".docx")
