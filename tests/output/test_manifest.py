"""manifest.csv: the register's letters as a table for Dutch Excel, and an old version's read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.output.folder import MANIFEST_NAME
from brievenbus.output.manifest import (
    MANIFEST_COLUMNS,
    excel_safe,
    manifest_row,
    read_legacy_manifest,
    write_manifest,
)
from brievenbus.output.register import LetterRecord

SHA_A = "a" * 64
SHA_B = "b" * 64


def record(path: str, sha256: str, **fields: str) -> LetterRecord:
    values = {
        "municipality_code": "GM1900",
        "party": "",
        "kind": "verkiezingen",
        "municipality": "Súdwest-Fryslân",
        "status": "nieuw",
        **fields,
    }
    return LetterRecord(path=path, sha256=sha256, **values)


def test_excel_friendly_export(tmp_path: Path) -> None:
    write_manifest(tmp_path, [record("a.docx", SHA_A), record("b.docx", SHA_B)])
    raw = (tmp_path / MANIFEST_NAME).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + ";".join(MANIFEST_COLUMNS).encode() + b"\r\n")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[1].split(";")[:2] == ["GM1900", "Súdwest-Fryslân"]
    assert lines[3:] == [""]  # header, two letters, a line end after the last


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=SOM(A1)", "'=SOM(A1)"),
        ("+31 6", "'+31 6"),
        ("-Lijst", "'-Lijst"),
        ("@lijst", "'@lijst"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("VVD", "VVD"),
    ],
)
def test_cells_are_never_formulas(text: str, cell: str) -> None:
    """A cell Excel would run as a formula is written as text."""
    assert excel_safe(text) == cell


def test_a_party_named_like_a_formula_is_text_in_its_row() -> None:
    row = manifest_row(record("huizen/x.docx", SHA_A, party="=1+1"))
    assert row[MANIFEST_COLUMNS.index("fractie")] == "'=1+1"


def test_the_export_is_read_back_as_a_legacy_manifest(tmp_path: Path) -> None:
    records = [record("a.docx", SHA_A, time="2026-03-18T10:00:00"), record("b/c.docx", SHA_B)]
    write_manifest(tmp_path, records)
    assert read_legacy_manifest(tmp_path) == records


def test_legacy_rows_that_name_no_letter_of_this_folder_are_left_out(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text(
        "gemeentecode,briefsoort,bestand,sha256,status\r\n"  # commas, as a spreadsheet saves it
        f"GM1,verkiezingen,a.docx,{SHA_A.upper()},\r\n"
        f"GM2,verkiezingen,../buiten.docx,{SHA_B},nieuw\r\n"
        f"GM3,verkiezingen,/etc/x.docx,{SHA_B},nieuw\r\n"
        f"GM4,verkiezingen,notities.txt,{SHA_B},nieuw\r\n"
        "GM5,verkiezingen,d.docx,0000,nieuw\r\n"
        f"GM6,verkiezingen,map\\e.docx,{SHA_B},nieuw\r\n",
        encoding="cp1252",
    )
    found = read_legacy_manifest(tmp_path)
    assert [(r.path, r.sha256, r.status) for r in found] == [
        ("a.docx", SHA_A, "nieuw"),
        ("map/e.docx", SHA_B, "nieuw"),
    ]


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe kapot", b"bestand;sha256\r\nhuizen.docx;" + SHA_A.encode() + b"\r\n"],
    ids=["leeg", "onleesbaar", "niet-van-brief"],
)
def test_a_manifest_brief_did_not_write_says_nothing(tmp_path: Path, content: bytes) -> None:
    (tmp_path / MANIFEST_NAME).write_bytes(content)
    assert read_legacy_manifest(tmp_path) == []


def test_no_manifest_is_no_letters(tmp_path: Path) -> None:
    assert read_legacy_manifest(tmp_path) == []


def test_a_folder_that_cannot_be_written(workdir: Path) -> None:
    (workdir / "brieven").write_text("een bestand", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_manifest(workdir / "brieven", [record("a.docx", SHA_A)])
    assert caught.value.problems[0].message.startswith("kan niet schrijven in brieven (")
    assert "manifest.csv in Excel" in caught.value.problems[0].hint
