"""`brief importeer cbs BESTAND.csv`: StatLine exports as StatLine writes them, values checked."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from brievenbus.cbs import importing
from tests.conftest import RunBrief, make_workspace, read_paragraphs

FIXTURES = Path(__file__).parent / "fixtures"
TABLE_VIEW = FIXTURES / "statline_tabelweergave.csv"  # made-up figures in StatLine's table view


@pytest.fixture(autouse=True)
def in_a_workspace(workdir: Path) -> Path:
    """Figures belong to a workspace (`brief importeer` refuses outside one): every test
    here runs in a workspace with the packaged data."""
    return make_workspace(workdir)


def write_export(folder: Path, text: str, name: str = "export.csv") -> str:
    """A small export in the folder, with StatLine's BOM."""
    (folder / name).write_text(text, encoding="utf-8-sig")
    return name


def figures_text(workdir: Path) -> str:
    """data/cijfers.yaml as written."""
    return (workdir / "data" / "cijfers.yaml").read_text(encoding="utf-8")


def test_table_view_export_with_two_row_header_and_region_marks(
    run_brief: RunBrief, workdir: Path
) -> None:
    """'Utrecht (gemeente)' is the municipality, 'Utrecht (PV)' and '(VT)' are not; the header spans two rows."""
    shutil.copy(TABLE_VIEW, workdir / "84847NED.csv")
    result = run_brief("importeer", "cbs", "84847NED.csv")
    assert result.exit_code == 0, result.stderr
    assert "periode 2024 (ook in het bestand: 2023)" in result.stdout
    assert "kolom 'Meldingen / Totaal meldingen (aantal)' → veilig-thuis-meldingen" in result.stdout
    assert "kolom 'Adviezen / Totaal adviezen (aantal)' → veilig-thuis-adviezen" in result.stdout
    assert "getallen gelezen in Nederlandse notatie (decimale komma)" in result.stdout
    assert "10 gemeenten, 20 cijfers, waarvan 2 onbekend of geheim" in result.stdout
    assert (
        "overgeslagen: 6 regio's die geen gemeente zijn"
        " (Veilig Thuis-regio, land, landsdeel, provincie)"
    ) in result.stdout
    assert "niet gevonden" not in result.stderr

    written = figures_text(workdir)
    for code, meldingen in [("GM0344", 2700), ("GM0014", 2400), ("GM0518", 2600)]:
        block = written[written.index(f"  {code}:") :]
        assert block.split("veilig-thuis-meldingen:\n      waarde: ")[1].startswith(
            f"{meldingen}\n"
        )
    assert "GM0373:" in written  # Bergen (NH.)
    assert "GM0893:" in written  # Bergen (L.)


def test_rank_counts_every_municipality_of_the_export(run_brief: RunBrief, workdir: Path) -> None:
    """Utrecht gets its figure, and ranks count all nine municipalities with a known figure."""
    shutil.copy(TABLE_VIEW, workdir / "84847NED.csv")
    assert run_brief("importeer", "cbs", "84847NED.csv").exit_code == 0
    overview = run_brief("gemeenten", "--cijfers", "--provincie", "Utrecht")
    row = next(
        line for line in overview.stdout.splitlines() if "Utrecht" in line and "meldingen" in line
    )
    assert "2.700" in row
    assert "van 9" in row
    assert run_brief("genereer", "Utrecht").exit_code == 0
    letter = [text for _, text in read_paragraphs(workdir / "brieven" / "utrecht.docx")]
    assert any(t.startswith("In 2024 kreeg Veilig Thuis 2.700 meldingen") for t in letter)


@pytest.mark.parametrize(
    ("export", "expected"),
    [
        # Comma-separated with decimal points: 12.500 is twelve and a half.
        (
            '"Regio\'s","Perioden","Meldingen per 1 000 inwoners"\n'
            '"Almere","2024","12.500"\n"Huizen","2024","3.5"\n',
            ["waarde: 12.5\n", "waarde: 3.5\n"],
        ),
        # Semicolons with decimal commas: 12.500 is twelve thousand five hundred.
        (
            '"Regio\'s";"Perioden";"Meldingen per 1 000 inwoners"\n'
            '"Almere";"2024";"12.500"\n"Huizen";"2024";"3,5"\n',
            ["waarde: 12500\n", "waarde: 3.5\n"],
        ),
    ],
)
def test_numbers_follow_one_notation_for_the_whole_file(
    export: str, expected: list[str], run_brief: RunBrief, workdir: Path
) -> None:
    """The notation is chosen for the file (every value fits it), never guessed value by value."""
    name = write_export(workdir, export)
    result = run_brief("importeer", "cbs", name, "--kolom", "Meldingen per=meldingen-per-1000")
    assert result.exit_code == 0, result.stderr
    written = figures_text(workdir)
    almere, huizen = written.index("GM0034:"), written.index("GM0406:")
    assert written[almere:huizen].count(expected[0]) == 1
    assert written[huizen:].count(expected[1]) == 1


IMPOSSIBLE = """\
"Regio's";"Perioden";"Meldingen (aantal)"
"Almere";"2024";"-5"
"Huizen";"2024";"nan"
"Lelystad";"2024";"inf"
"Amsterdam";"2024";"1e400"
"Rotterdam";"2024";"1e308"
"Groningen";"2024";"300.000"
"Zwolle";"2024";"ca. 40"
"Utrecht";"2024";"2.700"
"Atlantis [test]";"2024";"5"
"""


def test_impossible_values_are_named_per_row_and_stay_unknown(
    run_brief: RunBrief, workdir: Path
) -> None:
    """Negative, NaN, infinite and absurd values are reported per row; the rest is imported and loads."""
    name = write_export(workdir, IMPOSSIBLE)
    result = run_brief("importeer", "cbs", name)
    assert result.exit_code == 0, result.stderr
    for line in [
        "regel 2 (Almere), kolom 'Meldingen (aantal)': '-5' is negatief; blijft onbekend",
        "regel 3 (Huizen), kolom 'Meldingen (aantal)': 'nan' is geen getal; blijft onbekend",
        "regel 4 (Lelystad), kolom 'Meldingen (aantal)': 'inf' is geen eindig getal",
        "regel 5 (Amsterdam), kolom 'Meldingen (aantal)': '1e400' is meer dan het aantal inwoners (942.504)",
        "regel 6 (Rotterdam), kolom 'Meldingen (aantal)': '1e308' is meer dan het aantal inwoners (674.485)",
        "regel 7 (Groningen), kolom 'Meldingen (aantal)': '300.000' is meer dan het aantal inwoners",
        "regel 8 (Zwolle), kolom 'Meldingen (aantal)': 'ca. 40' is geen getal",
    ]:
        assert f"Let op: {line}" in result.stderr
    assert "8 gemeenten, 8 cijfers, 7 afgekeurd" in result.stdout
    assert (
        "niet gevonden als gemeente: Atlantis [test] (opgeheven of samengevoegd?)" in result.stderr
    )
    written = figures_text(workdir)
    assert "waarde: 2700" in written  # Utrecht: the import went on
    assert written.count("waarde: null") == 7
    assert "inf" not in written
    assert "e+" not in written

    assert run_brief("controleer").exit_code == 0
    assert run_brief("gemeenten", "--cijfers").exit_code == 0
    assert run_brief("genereer", "Almere", "--context", "coalitie").exit_code == 0
    letter = [text for _, text in read_paragraphs(workdir / "brieven" / "almere.docx")]
    assert not any("kreeg Veilig Thuis" in t for t in letter)


@pytest.mark.parametrize(
    ("error_number", "reason"),
    [(errno.ENOSPC, "de schijf is vol"), (errno.EROFS, "alleen-lezen")],
)
def test_a_full_or_read_only_folder_keeps_the_old_file(
    error_number: int,
    reason: str,
    run_brief: RunBrief,
    local_data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Writing fails: a Dutch error, exit 1, the old cijfers.yaml untouched."""
    old = (
        "cijfers:\n  GM0406:\n    veilig-thuis-meldingen: {waarde: 200, periode: '2023',"
        " bron: CBS, opgehaald: 2024-06-01}\n"
    )
    (local_data / "cijfers.yaml").write_text(old, encoding="utf-8")
    shutil.copy(TABLE_VIEW, local_data.parent / "84847NED.csv")

    def fail(path: Path, data: bytes) -> None:
        raise OSError(error_number, "the operating system's reason")

    monkeypatch.setattr(importing, "atomic_write", fail)
    result = run_brief("importeer", "cbs", "84847NED.csv")

    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Fout: data/cijfers.yaml: kan de cijfers niet schrijven ({reason})\n"
        "  → het oude bestand is niet veranderd"
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert (local_data / "cijfers.yaml").read_text(encoding="utf-8") == old


def test_a_two_row_header_without_known_topics_names_them(
    run_brief: RunBrief, workdir: Path
) -> None:
    """Unknown topics: the error lists the combined headings and how to choose one."""
    name = write_export(
        workdir,
        '"";"";"Politie"\n"Regio\'s";"Perioden";"Incidenten (aantal)"\n"Almere";"2024";"5"\n',
    )
    result = run_brief("importeer", "cbs", name)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Fout: export.csv:2: geen bekende kolommen gevonden (kolommen: Politie / Incidenten (aantal))"
    )


def test_a_table_number_without_online_points_to_online(run_brief: RunBrief) -> None:
    """`brief importeer cbs 84847NED` (no such file) suggests --online."""
    result = run_brief("importeer", "cbs", "84847NED")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Fout: kan 84847NED niet lezen (bestaat niet)\n"
        "  → controleer de bestandsnaam, of haal de tabel op bij CBS met:"
        " brief importeer cbs --online 84847NED"
    )
