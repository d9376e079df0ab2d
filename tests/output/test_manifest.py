"""manifest.csv: what a run made, readable by Dutch Excel and by the next run."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.output.manifest import (
    MANIFEST_COLUMNS,
    MANIFEST_NAME,
    manifest_exists,
    read_manifest,
    update_manifest,
)


def row(file: str, sha256: str, status: str = "nieuw") -> dict[str, str]:
    values = dict.fromkeys(MANIFEST_COLUMNS, "")
    return {
        **values,
        "bestand": file,
        "sha256": sha256,
        "status": status,
        "gemeente": "Súdwest-Fryslân",
    }


def test_excel_friendly_and_read_back(tmp_path: Path) -> None:
    assert not manifest_exists(tmp_path)
    assert read_manifest(tmp_path) == {}
    update_manifest(tmp_path, {"b.docx": row("b.docx", "22"), "a.docx": row("a.docx", "11")})
    raw = (tmp_path / MANIFEST_NAME).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + ";".join(MANIFEST_COLUMNS).encode() + b"\r\n")
    assert manifest_exists(tmp_path)
    rows = read_manifest(tmp_path)
    assert list(rows) == ["a.docx", "b.docx"]  # sorted by file
    assert rows["a.docx"] == row("a.docx", "11")


def test_new_rows_replace_old_ones_and_a_skip_keeps_the_hash(tmp_path: Path) -> None:
    update_manifest(tmp_path, {"a.docx": row("a.docx", "11"), "b.docx": row("b.docx", "22")})
    update_manifest(tmp_path, {"a.docx": row("a.docx", "", "overgeslagen")})
    rows = read_manifest(tmp_path)
    assert (rows["a.docx"]["status"], rows["a.docx"]["sha256"]) == ("overgeslagen", "11")
    assert rows["b.docx"]["sha256"] == "22"  # untouched rows stay


def test_a_garbled_manifest_reads_as_empty(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_bytes(b"\xff\xfe kapot")
    assert read_manifest(tmp_path) == {}


def test_a_folder_that_cannot_be_written(workdir: Path) -> None:
    (workdir / "brieven").write_text("een bestand", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        update_manifest(workdir / "brieven", {"a.docx": row("a.docx", "11")})
    assert caught.value.problems[0].message.startswith("kan niet schrijven in brieven (")
    assert "manifest.csv in Excel" in caught.value.problems[0].hint
