"""A club's own stationery: its house style file and its logo in the letterhead."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx

from brievenbus.inputs.locations import packaged_dir
from tests.conftest import RunBrief

LOGO = Path(__file__).parent / "fixtures" / "logo.png"


def give_almere(local_data: Path, extra: str) -> None:
    """Add lines to the Almere club in the workspace's clubs.yaml."""
    clubs = local_data / "clubs.yaml"
    text = clubs.read_text(encoding="utf-8")
    clubs.write_text(
        text.replace("    werkgebied: [Almere]\n", f"    werkgebied: [Almere]\n{extra}", 1),
        encoding="utf-8",
    )


def test_logo_in_letterhead(
    run_brief: RunBrief, local_data: Path, workdir: Path, assert_valid_docx: Callable[[Path], None]
) -> None:
    """The club's logo is an image in the first page's header; Word rules pass."""
    shutil.copy(LOGO, local_data / "logo.png")
    give_almere(local_data, "    logo: logo.png\n")
    result = run_brief("genereer", "Almere", "-c", "coalitie")
    assert result.exit_code == 0, result.stderr
    path = workdir / "brieven" / "almere.docx"
    header = docx.Document(str(path)).sections[0].first_page_header
    images = [p for p in header.part.related_parts.values() if p.content_type == "image/png"]
    assert [image.blob for image in images] == [LOGO.read_bytes()]
    assert header.paragraphs[-1].text == "Soroptimistclub Almere"
    assert_valid_docx(path)


def test_missing_logo_is_reported(run_brief: RunBrief, local_data: Path) -> None:
    """A logo that is not there: file, line and where to put it."""
    give_almere(local_data, "    logo: logo.png\n")
    result = run_brief("genereer", "Almere")
    assert result.exit_code == 1
    assert "data/clubs.yaml:" in result.stderr
    assert "clubs[1].logo: bestand 'logo.png' niet gevonden" in result.stderr


def test_club_house_style(run_brief: RunBrief, local_data: Path, workdir: Path) -> None:
    """A club's own house style (here: another font) is used for its letters only."""
    style = docx.Document(str(packaged_dir("templates") / "huisstijl.docx"))
    style.styles["Normal"].font.name = "Georgia"
    style.save(str(local_data / "almere-huisstijl.docx"))
    give_almere(local_data, "    huisstijl: almere-huisstijl.docx\n")
    assert run_brief("genereer", "Almere", "Huizen").exit_code == 0
    almere = docx.Document(str(workdir / "brieven" / "almere.docx"))
    huizen = docx.Document(str(workdir / "brieven" / "huizen.docx"))
    assert almere.styles["Normal"].font.name == "Georgia"
    assert huizen.styles["Normal"].font.name != "Georgia"
    assert almere.paragraphs[0].text.startswith("Aan de fractievoorzitters")


def test_controleer_checks_the_house_style(
    run_brief: RunBrief, local_data: Path, workdir: Path
) -> None:
    """A club's house style without a template's style or placeholder is reported by controleer."""
    style = docx.Document(str(packaged_dir("templates") / "huisstijl.docx"))
    footer = style.sections[0].footer.paragraphs[0]
    footer.text = "Alleen vaste tekst"
    style.styles["Onderwerp"].delete()
    style.save(str(local_data / "kaal.docx"))
    give_almere(local_data, "    huisstijl: kaal.docx\n")
    result = run_brief("controleer")
    assert result.exit_code == 1
    # Named at the template line that asks for the style: {.onderwerp} in the election letter.
    assert (
        "templates/verkiezingen.md.j2:23: alinea-stijl 'onderwerp' staat niet in huisstijl kaal.docx"
        in result.stderr
    )
    assert "de voettekst vanaf pagina 2 heeft geen alinea {{ voettekst }}" in result.stderr
    assert "de voettekst van pagina 1 heeft" not in result.stderr


def test_broken_house_style_is_named_in_dutch(run_brief: RunBrief, local_data: Path) -> None:
    """A house style that is no Word document: controleer and genereer say so in Dutch, exit 1."""
    (local_data / "kapot.docx").write_text("geen Word-document", encoding="utf-8")
    give_almere(local_data, "    huisstijl: kapot.docx\n")
    checked = run_brief("controleer")
    assert checked.exit_code == 1
    assert "de huisstijl is geen geldig Word-document (het is geen .docx-bestand)" in (
        checked.stderr
    )
    made = run_brief("genereer", "Almere")
    assert made.exit_code == 1
    assert "is geen geldig Word-document met lijsten (het is geen .docx-bestand)" in (
        made.stdout + made.stderr
    )
