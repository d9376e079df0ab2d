"""PDFs through LibreOffice: found or explained in Dutch, one run for many letters.

A stand-in for soffice (a small script) shows how letters map to PDFs without the
seconds LibreOffice takes; tests/test_libreoffice.py runs the real one.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.output import pdf
from brievenbus.output.pdf import convert_to_pdf, find_soffice, require_soffice

FAKE_SOFFICE = f"""#!{sys.executable}
import sys
from pathlib import Path
arguments = sys.argv[1:]
outdir = Path(arguments[arguments.index("--outdir") + 1])
outdir.mkdir(parents=True, exist_ok=True)
for name in arguments:
    if name.endswith(".docx") and b"kapot" not in Path(name).read_bytes():
        (outdir / (Path(name).stem + ".pdf")).write_bytes(b"%PDF " + Path(name).read_bytes())
"""


@pytest.fixture
def no_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "KNOWN_LOCATIONS", ())


def test_missing_libreoffice_is_explained(
    no_soffice: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert find_soffice() is None
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(OutputError) as caught:
        require_soffice()
    problem = caught.value.problems[0]
    assert problem.message == "voor --pdf is LibreOffice nodig, maar het is niet gevonden"
    assert (
        problem.hint
        == "installeer LibreOffice met de pakketbeheerder van uw systeem, bv. sudo apt install"
        " libreoffice-writer (Debian, Ubuntu) of sudo dnf install libreoffice-writer (Fedora);"
        " of laat --pdf weg"
    )


def test_nothing_to_convert_needs_no_libreoffice(no_soffice: None) -> None:
    assert convert_to_pdf([]) == {}


def test_letters_with_the_same_name_each_get_their_own_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soffice = tmp_path / "soffice"
    soffice.write_text(FAKE_SOFFICE, encoding="utf-8")
    soffice.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(soffice))
    letters = [
        tmp_path / "huizen" / "vvd.docx",
        tmp_path / "almere" / "vvd.docx",
        tmp_path / "ede.docx",
    ]
    for letter in letters:
        letter.parent.mkdir(exist_ok=True)
        letter.write_bytes(letter.parent.name.encode() if letter.name == "vvd.docx" else b"kapot")
    converted = convert_to_pdf(letters)
    assert converted == {
        letters[0]: letters[0].with_suffix(".pdf"),
        letters[1]: letters[1].with_suffix(".pdf"),
    }
    assert letters[0].with_suffix(".pdf").read_bytes() == b"%PDF huizen"
    assert letters[1].with_suffix(".pdf").read_bytes() == b"%PDF almere"
    assert not (tmp_path / "ede.pdf").exists()  # a letter LibreOffice could not convert has none
