"""`brief` end to end, as a club secretary uses it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import RunBrief, read_paragraphs


def test_genereer_writes_a_letter_in_brieven(run_brief: RunBrief, workdir: Path) -> None:
    """`brief genereer Huizen` writes brieven/huizen.docx and says where it went."""
    result = run_brief("genereer", "Huizen", "--datum", "2025-09-23")
    assert result.exit_code == 0
    assert "brieven/huizen.docx" in result.stdout
    assert "nieuw" in result.stdout
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "huizen.docx")]
    assert text[0] == "Aan de fractievoorzitters van de gemeenteraad van Huizen"
    assert "Huizen, 23 september 2025" in text


def test_coalitie_context_and_output_folder(run_brief: RunBrief, workdir: Path) -> None:
    """--context coalitie --uitvoer MAP writes the coalition letter in that folder."""
    result = run_brief(
        "genereer", "Almere", "--context", "coalitie", "--uitvoer", "uit", "--datum", "2026-04-28"
    )
    assert result.exit_code == 0
    text = [t for _, t in read_paragraphs(workdir / "uit" / "almere.docx")]
    assert "Geachte college-onderhandelaars," in text


def test_version(run_brief: RunBrief) -> None:
    """`brief --version` prints the installed version."""
    result = run_brief("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("brief 0.")


def test_unknown_municipality_suggests(run_brief: RunBrief, workdir: Path) -> None:
    """A typo gives a Dutch error with a suggestion, exit 1 and no file."""
    result = run_brief("genereer", "Huizne")
    assert result.exit_code == 1
    assert "Fout: gemeente 'Huizne' bestaat niet" in result.stderr
    assert "bedoelt u Huizen?" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (workdir / "brieven").exists()


def test_ambiguous_municipality_lists_both(run_brief: RunBrief) -> None:
    """'Bergen' is two municipalities: both are named, with their codes."""
    result = run_brief("genereer", "Bergen")
    assert result.exit_code == 1
    assert "Bergen (NH) (GM0373)" in result.stderr
    assert "Bergen (L) (GM0893)" in result.stderr


@pytest.mark.parametrize("name", ["Den Haag", "'s-Gravenhage", "GM0518", "den haag"])
def test_names_and_codes_resolve(run_brief: RunBrief, workdir: Path, name: str) -> None:
    """Common name, official name and CBS code all find The Hague."""
    result = run_brief("genereer", name, "--datum", "2026-01-05")
    assert result.exit_code == 0
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "s-gravenhage.docx")]
    assert text[0] == "Aan de fractievoorzitters van de gemeenteraad van 's-Gravenhage"


@pytest.mark.parametrize(
    ("name", "file_name", "address"),
    [
        ("'s-Hertogenbosch", "s-hertogenbosch.docx", "gemeenteraad van 's-Hertogenbosch"),
        ("Bergen (NH)", "bergen-nh.docx", "gemeenteraad van Bergen (NH)"),
        ("Súdwest-Fryslân", "sudwest-fryslan.docx", "gemeenteraad van Súdwest-Fryslân"),
    ],
)
def test_names_with_apostrophes_and_parentheses(
    run_brief: RunBrief, workdir: Path, name: str, file_name: str, address: str
) -> None:
    """Names with ', ( ) and accents give a safe file name and the exact name in the letter."""
    result = run_brief("genereer", name, "--context", "coalitie")
    assert result.exit_code == 0, result.stderr
    text = [t for _, t in read_paragraphs(workdir / "brieven" / file_name)]
    assert address in text[0]


def test_rerun_is_unchanged_and_hand_edits_are_kept(run_brief: RunBrief, workdir: Path) -> None:
    """A re-run reports 'ongewijzigd'; an edited letter is not overwritten without --overschrijf."""
    args = ("genereer", "Huizen", "--datum", "2025-09-23")
    assert run_brief(*args).exit_code == 0
    path = workdir / "brieven" / "huizen.docx"
    assert "ongewijzigd" in run_brief(*args).stdout

    edited = docx.Document(str(path))
    edited.add_paragraph("Met de hand toegevoegd.")
    edited.save(str(path))
    hand_made = path.read_bytes()

    refused = run_brief(*args)
    assert refused.exit_code == 0
    assert "overgeslagen: brieven/huizen.docx" in refused.stdout
    assert (
        "1 brief overgeslagen (brieven/huizen.docx): met de hand bewerkt sinds de vorige keer."
        " Gebruik --overschrijf om hem te vervangen." in refused.stderr
    )
    assert "Gebruik --overschrijf" in refused.stderr
    assert path.read_bytes() == hand_made

    replaced = run_brief(*args, "--overschrijf")
    assert replaced.exit_code == 0
    assert "bijgewerkt" in replaced.stdout
    assert "Met de hand toegevoegd." not in [t for _, t in read_paragraphs(path)]
    assert list(path.parent.glob(".brief-*.tmp")) == []  # no temporary files left


def test_unwritable_output_folder(run_brief: RunBrief, workdir: Path) -> None:
    """An output 'folder' that is a file gives a Dutch error, exit 1."""
    (workdir / "bestand").write_text("geen map")
    result = run_brief("genereer", "Huizen", "--uitvoer", "bestand")
    assert result.exit_code == 1
    assert (
        "Fout: kan de map bestand niet maken (er staat al een bestand met die naam)"
        in result.stderr
    )
    assert "--uitvoer" in result.stderr
    assert (workdir / "bestand").read_text() == "geen map"


def test_bad_date_option(run_brief: RunBrief) -> None:
    """--datum with a wrong date explains the format."""
    result = run_brief("genereer", "Huizen", "--datum", "23-09-2025")
    assert result.exit_code == 2
    assert "JJJJ-MM-DD" in result.stderr


def test_unknown_measure_option(run_brief: RunBrief) -> None:
    """--maatregel with a typo suggests the right id."""
    result = run_brief("genereer", "Huizen", "--maatregel", "onderwjis")
    assert result.exit_code == 1
    assert "maatregel 'onderwjis' bestaat niet" in result.stderr
    assert "bedoelt u 'onderwijs'?" in result.stderr


def test_measure_option_replaces_selection(run_brief: RunBrief, workdir: Path) -> None:
    """--maatregel chooses exactly the measures in the letter."""
    result = run_brief("genereer", "Huizen", "-m", "onderwijs", "-m", "coordinatiepunt")
    assert result.exit_code == 0
    paragraphs = read_paragraphs(workdir / "brieven" / "huizen.docx")
    measures = [t for s, t in paragraphs if s == "List Paragraph" and "(Art. " in t]
    assert [m.split(".")[0] for m in measures] == [
        "Onderwijs, sport en vrije tijd",
        "Gemeentelijk coördinatiepunt",
    ]


def test_local_data_folder_is_used(run_brief: RunBrief, local_data: Path, workdir: Path) -> None:
    """A ./data folder (a workspace) overrides the packaged data."""
    clubs = local_data / "clubs.yaml"
    clubs.write_text(
        clubs.read_text(encoding="utf-8").replace("plaats: Huizen", "plaats: Naarden"),
        encoding="utf-8",
    )
    assert run_brief("genereer", "Huizen", "--datum", "2025-09-23").exit_code == 0
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "huizen.docx")]
    assert "Naarden, 23 september 2025" in text


def test_municipality_without_club_uses_default_sender(
    run_brief: RunBrief, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a club for the municipality, the default sender signs and the user is warned
    where to add her club (in her own workspace; outside one the example notice says it)."""
    from tests.test_init_and_email import fill_in_club

    outside = run_brief("genereer", "Groningen")
    assert outside.exit_code == 0
    assert outside.stderr.startswith(
        "Let op: met de voorbeeldgegevens, namens Unie van Soroptimistclubs"
    )
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "groningen.docx")]
    assert any(t.startswith("Unie van Soroptimistclubs") for t in text)

    assert run_brief("init", "werkmap").exit_code == 0
    fill_in_club(workdir / "werkmap")
    monkeypatch.chdir(workdir / "werkmap")
    result = run_brief("genereer", "Groningen")
    assert result.exit_code == 0
    assert result.stderr == (
        "Let op: Groningen heeft geen eigen club; de brief gaat uit namens 'Unie van"
        " Soroptimistclubs in het Koninkrijk der Nederlanden en in Suriname'. Voeg uw club met"
        " werkgebied toe aan data/clubs.yaml.\n"
    )
    text = [t for _, t in read_paragraphs(workdir / "werkmap" / "brieven" / "groningen.docx")]
    assert any(t.startswith("Unie van Soroptimistclubs") for t in text)


def test_council_without_results_still_gets_a_letter(run_brief: RunBrief, workdir: Path) -> None:
    """Hilversum has no 2026 results; the letter still goes to its council."""
    result = run_brief("genereer", "Hilversum")
    assert result.exit_code == 0
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "hilversum.docx")]
    assert text[0] == "Aan de fractievoorzitters van de gemeenteraad van Hilversum"


@pytest.mark.parametrize(
    ("platform", "how"),
    [
        ("linux", "sudo apt install libreoffice-writer (Debian, Ubuntu)"),
        ("win32", "winget install TheDocumentFoundation.LibreOffice"),
        ("darwin", "brew install --cask libreoffice"),
    ],
)
def test_pdf_without_libreoffice(
    run_brief: RunBrief, workdir: Path, monkeypatch: pytest.MonkeyPatch, platform: str, how: str
) -> None:
    """--pdf without LibreOffice: the install command for this system, before any letter is written."""
    from brievenbus.output import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr("sys.platform", platform)
    result = run_brief("genereer", "Huizen", "--pdf")
    assert result.exit_code == 1
    assert "Fout: voor --pdf is LibreOffice nodig, maar het is niet gevonden" in result.stderr
    assert how in result.stderr
    assert "www.libreoffice.org" in result.stderr or platform == "linux"
    assert not (workdir / "brieven").exists()


def test_messages_count_in_singular_and_plural(run_brief: RunBrief) -> None:
    """One planned letter is '1 brief', two are '2 brieven'; one measure is '1 maatregel'."""
    one = run_brief("genereer", "Huizen", "--proef")
    assert "1 brief gepland;" in one.stdout
    two = run_brief("genereer", "Huizen", "Almere", "--proef")
    assert "2 brieven gepland;" in two.stdout
    written = run_brief("genereer", "Huizen", "-m", "onderwijs")
    assert "(verkiezingen, 1 maatregel, namens " in written.stdout


def test_skipped_letters_are_named(run_brief: RunBrief, workdir: Path) -> None:
    """Letters edited by hand are named in the summary: the first three, then how many more."""
    run_brief("genereer", "Huizen", "--per-fractie")
    for path in (workdir / "brieven" / "huizen").glob("*.docx"):
        document = docx.Document(str(path))
        document.add_paragraph("Met de hand toegevoegd.")
        document.save(str(path))
    result = run_brief("genereer", "Huizen", "--per-fractie")
    assert "11 brieven overgeslagen (brieven/huizen/" in result.stderr
    assert " en 8 andere): met de hand bewerkt sinds de vorige keer." in result.stderr
    assert "om ze te vervangen" in result.stderr
