"""Local figures: importing a StatLine export, and what letters say with them."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from brievenbus.inputs.models import Figure
from brievenbus.letters.figures import local_figures
from brievenbus.letters.workspace import Workspace
from tests.conftest import RunBrief, read_paragraphs

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "statline_84847NED.csv"  # made-up figures in StatLine's shape
TYPED_EXPORT = FIXTURES / "statline_84847NED_typed.csv"


@pytest.fixture
def imported(run_brief: RunBrief, workspace: Path) -> str:
    """The fixture imported into the workspace's data/cijfers.yaml; returns what the user saw."""
    shutil.copy(EXPORT, workspace / "84847NED.csv")
    result = run_brief("importeer", "cbs", "84847NED.csv")
    assert result.exit_code == 0, result.stderr
    return result.stdout + result.stderr


def texts(path: Path) -> list[str]:
    """The letter's paragraphs as text."""
    return [text for _, text in read_paragraphs(path)]


def test_import_reports_what_it_did(imported: str, workdir: Path) -> None:
    """The import names the period it kept, the columns, unknown values and what it skipped."""
    assert "periode 2024 (ook in het bestand: 2023, 2025 1e halfjaar)" in imported
    assert "kolom 'Meldingen (aantal)' → veilig-thuis-meldingen" in imported
    assert "8 gemeenten, 16 cijfers, waarvan 2 onbekend of geheim (blijven onbekend)" in imported
    assert "overgeslagen: 2 regio's die geen gemeente zijn" in imported
    assert "overgeslagen, opgeheven: Weesp (nu Amsterdam)" in imported
    written = (workdir / "data" / "cijfers.yaml").read_text(encoding="utf-8")
    assert "GM0034:" in written
    assert "waarde: 3100" in written


def test_top_three_municipality_letter(imported: str, run_brief: RunBrief, workdir: Path) -> None:
    """Almere (3rd of 7 in the fixture) gets the local sentence with rank and source, and the 'top drie' request."""
    assert run_brief("genereer", "Almere", "--context", "coalitie").exit_code == 0
    letter = texts(workdir / "brieven" / "almere.docx")
    assert (
        "In 2024 kreeg Veilig Thuis 3.100 meldingen over huiselijk geweld in Almere: 13,3 per 1.000 "
        "inwoners (CBS StatLine 84847NED, 2024). Daarmee hoort Almere bij de drie gemeenten met de meeste "
        "meldingen: plaats 3 van de 7 gemeenten waarvan deze cijfers bekend zijn."
    ) in letter
    assert any(
        t.endswith("zodat Almere niet langer bij de drie gemeenten met de meeste meldingen hoort.")
        for t in letter
    )


def test_figures_below_top_three_have_no_top_three_claim(
    imported: str, run_brief: RunBrief, workdir: Path
) -> None:
    """Huizen (7th) gets its figures but no 'top drie' sentence."""
    assert run_brief("genereer", "Huizen").exit_code == 0
    letter = "\n".join(texts(workdir / "brieven" / "huizen.docx"))
    assert (
        "In 2024 kreeg Veilig Thuis 230 meldingen over huiselijk geweld in Huizen: 5,6 per 1.000 inwoners"
        in letter
    )
    assert "drie gemeenten" not in letter


def test_no_figures_no_sentence_but_a_good_letter(
    imported: str, run_brief: RunBrief, workdir: Path
) -> None:
    """Groningen has no figures: no local sentence, the rest of the letter (with the norm) stands."""
    assert run_brief("genereer", "Groningen").exit_code == 0
    letter = texts(workdir / "brieven" / "groningen.docx")
    assert not any("kreeg Veilig Thuis" in t for t in letter)
    assert any(
        "(244.829) komt het aandeel van Groningen in die aanbeveling op ongeveer 24 gezinsplaatsen"
        in t
        for t in letter
    )


def test_secret_value_is_never_zero(imported: str, run_brief: RunBrief, workdir: Path) -> None:
    """Schiermonnikoog's '.' stays unknown: not in the letter, 'onbekend' in the overview."""
    assert run_brief("genereer", "Schiermonnikoog").exit_code == 0
    letter = "\n".join(texts(workdir / "brieven" / "schiermonnikoog.docx"))
    assert "kreeg Veilig Thuis" not in letter
    assert " 0 meldingen" not in letter
    overview = run_brief("gemeenten", "--cijfers", "--provincie", "Fryslân")
    assert "onbekend" in overview.stdout
    assert "Schiermonnikoog" in overview.stdout


def test_overview_shows_ranks(imported: str, run_brief: RunBrief) -> None:
    """`brief gemeenten --cijfers` shows value, rate and both ranks."""
    result = run_brief("gemeenten", "--cijfers", "--provincie", "Flevoland")
    assert result.exit_code == 0
    row = next(
        line for line in result.stdout.splitlines() if "Almere" in line and "meldingen" in line
    )
    assert "3.100" in row
    assert "13,3" in row
    assert "3 van 7" in row
    assert "1 van 7" in row


def test_second_import_merges(imported: str, run_brief: RunBrief, workdir: Path) -> None:
    """A typed (comma, code) export updates its municipalities and keeps the others."""
    shutil.copy(TYPED_EXPORT, workdir / "typed.csv")
    result = run_brief(
        "importeer",
        "cbs",
        "typed.csv",
        "--kolom",
        "Meldingen=veilig-thuis-meldingen",
        "--bron",
        "CBS 84847NED",
    )
    assert result.exit_code == 0, result.stderr
    assert "3 gemeenten, 3 cijfers" in result.stdout
    written = (workdir / "data" / "cijfers.yaml").read_text(encoding="utf-8")
    assert "GM0363:" in written  # Amsterdam, only in the first import
    assert "bron: CBS 84847NED" in written


def test_not_a_statline_export(run_brief: RunBrief, workspace: Path) -> None:
    """A CSV without regions and periods gets a Dutch error, exit 1, nothing written."""
    (workspace / "iets.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    result = run_brief("importeer", "cbs", "iets.csv")
    assert result.exit_code == 1
    assert "Fout: iets.csv: geen kolommen 'Regio's' en 'Perioden' gevonden" in result.stderr
    assert not (workspace / "data" / "cijfers.yaml").exists()


def test_import_outside_a_workspace_is_refused(run_brief: RunBrief, workdir: Path) -> None:
    """Figures belong to the user's own data: outside a workspace, importeer says so and writes nothing."""
    shutil.copy(EXPORT, workdir / "84847NED.csv")
    result = run_brief("importeer", "cbs", "84847NED.csv")
    assert result.exit_code == 1
    assert "Fout: u staat niet in een werkmap" in result.stderr
    assert "brief init" in result.stderr
    assert not (workdir / "data").exists()


def test_ranks_and_rates_are_computed() -> None:
    """Per 1,000 inhabitants and ranks follow from the data; unknown values do not count."""
    workspace = Workspace.open()
    by_code = {m.code: m for m in workspace.dataset.municipalities}
    day = datetime.date(2026, 1, 1)

    def figure(value: float | None) -> dict[str, Figure]:
        return {
            "veilig-thuis-meldingen": Figure(
                waarde=value, periode="2024", bron="test", opgehaald=day
            )
        }

    figures = {"GM0406": figure(412.83), "GM0034": figure(2000), "GM0363": figure(None)}
    huizen = local_figures(by_code["GM0406"], figures, workspace.dataset.municipalities)
    meldingen = huizen["veilig-thuis-meldingen"]
    assert meldingen.per_1000 == pytest.approx(10.0)
    assert (meldingen.rang, meldingen.rang_per_1000, meldingen.aantal_gemeenten) == (2, 1, 2)
    assert local_figures(by_code["GM0363"], figures, workspace.dataset.municipalities) == {}


def test_controleer_warns_about_old_figures(run_brief: RunBrief, local_data: Path) -> None:
    """Figures about 2019 are flagged as older than three years."""
    (local_data / "cijfers.yaml").write_text(
        "cijfers:\n  GM0406:\n    veilig-thuis-meldingen: {waarde: 200, periode: '2019', bron: CBS, opgehaald: 2020-06-01}\n",
        encoding="utf-8",
    )
    result = run_brief("controleer")
    assert result.exit_code == 0
    assert (
        "Let op: data/cijfers.yaml:3: cijfers.GM0406.veilig-thuis-meldingen: cijfers 'veilig-thuis-meldingen' gaan over 2019"
        in result.stderr
    )


def test_unknown_code_in_figures(run_brief: RunBrief, local_data: Path) -> None:
    """A figure for a code that is no municipality is an error with file and line."""
    (local_data / "cijfers.yaml").write_text(
        "cijfers:\n  GM9999:\n    veilig-thuis-meldingen: {waarde: 1, periode: '2024', bron: CBS, opgehaald: 2025-06-01}\n",
        encoding="utf-8",
    )
    result = run_brief("controleer")
    assert result.exit_code == 1
    assert (
        "Fout: data/cijfers.yaml:2: cijfers.GM9999: onbekende gemeentecode 'GM9999'"
        in result.stderr
    )


def test_salutation_uses_heer_or_mevrouw_only_from_data(
    run_brief: RunBrief, local_data: Path, workdir: Path
) -> None:
    """'Geachte mevrouw …' only when the data says mevrouw; otherwise the name alone."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("naam: Huizen")
    text = text[:start] + text[start:].replace(
        "{naam: VVD, zetels: 5}",
        "{naam: VVD, zetels: 5, fractievoorzitter: A. de Vries, aanhef: mevrouw}",
        1,
    ).replace("{naam: CDA, zetels: 3}", "{naam: CDA, zetels: 3, fractievoorzitter: Kim Jansen}", 1)
    path.write_text(text, encoding="utf-8")
    assert run_brief("genereer", "Huizen", "--per-fractie").exit_code == 0
    assert "Geachte mevrouw De Vries," in texts(workdir / "brieven" / "huizen" / "vvd.docx")
    assert "Geachte Kim Jansen," in texts(workdir / "brieven" / "huizen" / "cda.docx")


def test_missing_export_file(run_brief: RunBrief, workspace: Path) -> None:
    """A CSV that is not there: Dutch reason, what to check, exit 1."""
    result = run_brief("importeer", "cbs", "weg.csv")
    assert result.exit_code == 1
    assert "Fout: kan weg.csv niet lezen (bestaat niet)" in result.stderr
    assert "controleer de bestandsnaam" in result.stderr
