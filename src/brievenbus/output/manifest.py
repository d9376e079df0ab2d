"""``manifest.csv``: what was made in an output folder, its sha256 and status.

It tells a re-run which files we wrote (and may update) from files someone
edited (and must keep), and lets ``--hervat`` skip what an interrupted run
already finished. UTF-8 with BOM and semicolons, so a double click opens it
correctly in Dutch Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from brievenbus.fileio import atomic_write, write_error

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = (
    "gemeentecode",
    "gemeente",
    "fractie",
    "briefsoort",
    "maatregelen",
    "bestand",
    "pdf",
    "eml",
    "sha256",
    "status",
    "reden",
    "tijd",
)

Row = dict[str, str]


def read_manifest(output_dir: Path) -> dict[str, Row]:
    """The manifest's rows by file (relative, with '/'); empty when there is none."""
    try:
        text = (output_dir / MANIFEST_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    return {row["bestand"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}


def update_manifest(output_dir: Path, rows: Mapping[str, Row]) -> None:
    """Rows for these files replace older rows for the same files; the rest stay."""
    merged = read_manifest(output_dir)
    for key, row in rows.items():
        # A skipped or failed letter keeps the hash of what we wrote before.
        old_sha256 = merged.get(key, {}).get("sha256", "")
        merged[key] = {**row, "sha256": row["sha256"] or old_sha256}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, MANIFEST_COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(merged[key] for key in sorted(merged))
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(output_dir / MANIFEST_NAME, buffer.getvalue().encode("utf-8-sig"))
    except OSError as error:
        raise write_error(
            output_dir,
            error,
            "kies een map waar u mag schrijven met --uitvoer MAP, of sluit manifest.csv in Excel",
        ) from None


def manifest_exists(output_dir: Path) -> bool:
    """Whether this folder already has a manifest."""
    return (output_dir / MANIFEST_NAME).exists()
