"""Word-processor compatibility: LibreOffice converts the letters, within two A4 pages."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import write_letter
from tests.conftest import RunBrief

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFINFO = shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SOFFICE and PDFINFO) and not os.environ.get("CI"),
        reason="LibreOffice/poppler not installed (CI installs them: see .ci/run)",
    ),
]


def page_count(pdf: Path) -> int:
    """Pages according to pdfinfo."""
    assert PDFINFO, "pdfinfo (poppler-utils) is missing"
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both seed letters and the longest municipality name, converted in one LibreOffice run."""
    assert SOFFICE, "LibreOffice is missing: apt-get install -y libreoffice-writer-nogui"
    folder = tmp_path_factory.mktemp("pdf")
    workspace = Workspace.open()
    # The worst case: the longest municipality name, the longest party name in the data.
    longest = max(workspace.dataset.municipalities, key=lambda m: len(m.naam))
    party = max(
        (p for m in workspace.dataset.municipalities for p in m.raad.fracties),
        key=lambda p: len(p.naam),
    )
    all_measures = tuple(workspace.dataset.measures)
    letters = {
        "huizen": ("Huizen", "verkiezingen", None, ()),
        "almere": ("Almere", "coalitie", None, ()),
        # Issue 18: the default sender's letters, with and without the shelter number.
        "voorne-aan-zee": ("Voorne aan Zee", "verkiezingen", None, ()),
        "schiermonnikoog": ("Schiermonnikoog", "coalitie", None, ()),
        "langste-verkiezingen": (longest.naam, "verkiezingen", party, ()),
        "langste-coalitie": (longest.naam, "coalitie", party, ()),
        "alle-maatregelen": (longest.naam, "coalitie", party, all_measures),
    }
    paths = []
    for key, (name, kind, to_party, measures) in letters.items():
        municipality = workspace.dataset.find_municipality(name)
        plan = workspace.plan(municipality, kind, datetime.date(2026, 4, 28), measures, to_party)
        path = folder / f"{key}.docx"  # unique names: the PDFs share one folder
        write_letter(workspace.render(plan).docx, path)
        paths.append(path)
    profile = folder / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return {key: folder / f"{path.stem}.pdf" for key, path in zip(letters, paths, strict=True)}


def test_all_measures_still_convert(pdfs: dict[str, Path]) -> None:
    """All 22 measures for the longest names: LibreOffice converts it (it may be longer than 2 pages)."""
    assert page_count(pdfs["alle-maatregelen"]) >= 2


@pytest.mark.parametrize(
    "key",
    [
        "huizen",
        "almere",
        "voorne-aan-zee",
        "schiermonnikoog",
        "langste-verkiezingen",
        "langste-coalitie",
    ],
)
def test_letter_converts_within_two_pages(pdfs: dict[str, Path], key: str) -> None:
    """LibreOffice opens the letter and it fits on at most two A4 pages."""
    assert pdfs[key].exists()
    assert 1 <= page_count(pdfs[key]) <= 2


def test_pdf_option_puts_pdfs_beside_letters(run_brief: RunBrief, workdir: Path) -> None:
    """--pdf: one PDF beside each letter (same names in different folders too), listed in the manifest."""
    result = run_brief("genereer", "Huizen", "Almere", "--per-fractie", "--limiet", "3", "--pdf")
    assert result.exit_code == 0, result.stderr
    pdfs = sorted(
        p.relative_to(workdir / "brieven").as_posix() for p in (workdir / "brieven").rglob("*.pdf")
    )
    assert pdfs == [
        "huizen/cda.pdf",
        "huizen/groenlinks-partij-van-de-arbeid-pvda.pdf",
        "huizen/vvd.pdf",
    ]
    assert all(page_count(workdir / "brieven" / pdf) <= 2 for pdf in pdfs)
    manifest = (workdir / "brieven" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "huizen/vvd.docx;huizen/vvd.pdf;" in manifest
    assert "PDF: 3 naast de brieven" in result.stdout
